import type { Lang } from '../messages/index';
import type { Profile } from '../profile/profile';

/**
 * The domains of the narrative in the programme's own order: the profile's `domains` list
 * (the 纲要: 儿童 健康、安全、教育、福利、家庭、环境、法律保护; 妇女 健康、教育、经济、参与决策和
 * 管理、社会保障、家庭建设、环境、法律), women's first; a domain the list lacks follows its
 * outline's listed ones in the order the indicators first name it. Only domains that have an
 * indicator are returned.
 */
export interface DomainSection {
  outline: 'women' | 'children';
  /** The indicators' `domain`. */
  domain: string;
  /** The heading: 妇女与健康, Children and safety. */
  title: string;
}

export function domainSections(profile: Profile, lang: Lang): DomainSection[] {
  const listed = profile.meta.domains;
  const out: DomainSection[] = [];
  for (const outline of ['women', 'children'] as const) {
    const used: { domain: string; domainEn: string }[] = [];
    for (const d of profile.indicators)
      if (d.outline === outline && !used.some((u) => u.domain === d.domain))
        used.push({ domain: d.domain, domainEn: d.domainEn });
    const rank = (domain: string) => {
      const i = listed.findIndex((l) => l.outline === outline && l.name === domain);
      return i < 0 ? listed.length : i;
    };
    // A stable sort: unlisted domains keep the order the indicators name them in.
    const ordered = used
      .map((u, i) => ({ ...u, i }))
      .sort((a, b) => rank(a.domain) - rank(b.domain) || a.i - b.i);
    for (const u of ordered) {
      const def = listed.find((l) => l.outline === outline && l.name === u.domain);
      out.push({
        outline,
        domain: u.domain,
        title: def
          ? lang === 'zh'
            ? def.title
            : def.titleEn
          : lang === 'zh'
            ? u.domain
            : u.domainEn,
      });
    }
  }
  return out;
}
