import type { Lang } from '../messages/index';
import type { Profile } from '../profile/profile';

/**
 * Departments named as the forms name them. A form's title rows usually carry a line
 * `填报单位：青川市卫生健康局` (several departments joined by 、); the profile names the same
 * department in short (`卫健委`). A short name is matched to a 填报单位 by its stem, the short
 * name without its 局/委 (卫健 in 卫生健康局, 人社 in 人力资源和社会保障局, in order), and used
 * only when every form agrees on one name; otherwise the profile's wording stands. The area's
 * own name is shortened to its level (青川市卫生健康局 → 市卫生健康局), as a report of the
 * area writes it. English uses the profile's `departmentEn`.
 */
export interface Departments {
  /** `卫健委` or `公安局、卫健委` as the report should write it. */
  name(department: string, lang: Lang): string;
  /** Every department that filled in a form, in the order the forms name them. */
  fillers(lang: Lang): string[];
}

/** The parts of a department field: `公安局、卫健委`, `人社局, 医保局`. */
export function departmentParts(department: string): string[] {
  return department
    .split(/[、，,；;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const FILLER = /填报单位(?:（[^）]*）|\([^)]*\))?\s*[:：]\s*(.*)$/;
/** Other fields of the same line: 填报人：… 联系电话：… */
const NEXT_FIELD =
  /(?:填报人|填表人|负责人|单位负责人|统计负责人|审核人|制表人|联系电话|电话|报出日期|填报日期|日期)\s*[:：]/;

/** The departments a form's title rows name on their 填报单位 line, as written. */
export function fillerNames(titles: readonly string[]): string[] {
  for (const title of titles) {
    const m = FILLER.exec(title);
    if (!m?.[1]) continue;
    const field = (m[1].split(NEXT_FIELD)[0] ?? '').trim();
    // "青川市卫生健康局 2025年度": the name ends at the first space.
    const first = field.split(/[\s\u3000]+/)[0] ?? '';
    return departmentParts(first.replace(/[（(]盖章[）)]$/, '')).filter(
      (s) => s.length >= 2 && !/^(?:19|20)\d{2}/.test(s),
    );
  }
  return [];
}

/** `卫健` of `卫健委`: the short name without the kind of body it is. */
function stem(short: string): string {
  return short.replace(/(委员会|委|局|厅|办公室|办|中心)$/, '');
}

/** Every character of `s` in `name`, in order. */
function isSubsequence(s: string, name: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === s[i]) i++;
  return i === s.length;
}

/** 市卫生健康局 for 青川市卫生健康局 in a report of 青川市. */
export function withinArea(name: string, rootName: string): string {
  const level = /(市|县|区|旗|州|盟)$/.exec(rootName)?.[1];
  return level && name.startsWith(rootName) && name.length > rootName.length
    ? level + name.slice(rootName.length)
    : name;
}

export function departmentsOf(
  forms: readonly { form: { department: string }; table: { titles: readonly string[] } }[],
  profile: Profile,
  rootName: string,
): Departments {
  const named: string[] = [];
  for (const f of forms)
    for (const n of fillerNames(f.table.titles)) if (!named.includes(n)) named.push(n);
  const english = new Map<string, string>();
  for (const form of profile.forms) {
    const zh = departmentParts(form.department);
    const en = (form.departmentEn ?? '').split(/\s*,\s*/).filter((s) => s);
    if (zh.length === en.length) zh.forEach((z, i) => english.set(z, en[i] ?? z));
  }
  const asNamed = (short: string): string => {
    const s = stem(short);
    if (s.length < 2) return short;
    const matches = new Set(named.filter((n) => isSubsequence(s, n)));
    const only = matches.size === 1 ? [...matches][0] : undefined;
    return only ? withinArea(only, rootName) : short;
  };
  return {
    name: (department, lang) =>
      departmentParts(department)
        .map((p) => (lang === 'zh' ? asNamed(p) : (english.get(p) ?? p)))
        .join(lang === 'zh' ? '、' : ' and '),
    fillers: (lang) => {
      const out: string[] = [];
      for (const f of forms) {
        const names = fillerNames(f.table.titles);
        const parts =
          lang === 'zh' && names.length > 0
            ? names.map((n) => withinArea(n, rootName))
            : departmentParts(f.form.department).map((p) =>
                lang === 'zh' ? asNamed(p) : (english.get(p) ?? p),
              );
        for (const p of parts) if (!out.includes(p)) out.push(p);
      }
      return out;
    },
  };
}
