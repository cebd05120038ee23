import { t, type Lang } from '../messages/index';
import { valueOf, type Dataset, type ItemValue } from '../rollup/dataset';
import {
  summarise,
  type Finding,
  type FindingCell,
  type ValidationResult,
} from '../validate/result';
import type { Assessment } from './assess';
import { formatValue, targetWording } from './targets';

/**
 * A target that holds township by township (以乡（镇、街道）为单位, issue 9) gives one notice per
 * township that misses it, with the township's numerator and denominator cells, so the
 * statistician can go to them; the narrative names the same townships in one sentence. A notice
 * needs no 说明: it is a result, not a fault in the data.
 */
export const unitTargetRule = (indicatorId: string): string => `${indicatorId}-TARGET`;

export function unitTargetFindings(a: Assessment, ds: Dataset, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const r of a.indicators) {
    if (r.unitsBelow.length === 0) continue;
    const { def } = r;
    const target = targetWording(def.target, def.unit, lang);
    for (const u of r.unitsBelow) {
      // The township's own cells, or, when it stands above villages, its villages' cells.
      const keys = ds.unitIndex.has(u.unit) ? [u.unit] : ds.hierarchy.subtree(u.unit);
      const read: { item: string; v: ItemValue }[] = [];
      for (const key of keys) {
        for (const item of [def.numerator, def.denominator]) {
          const v = valueOf(ds, key, item);
          if (v) read.push({ item, v });
        }
      }
      const first = read[0]?.v;
      if (!first) continue;
      const cells: FindingCell[] = read.map(({ item, v }) => ({
        item,
        cell: v.cell,
        value: Number.isNaN(v.value) ? null : v.value,
        ...(v.sheet !== first.sheet ? { sheet: v.sheet } : {}),
        ...(v.source !== first.source ? { file: v.source } : {}),
      }));
      const unit = ds.hierarchy.name(u.unit);
      out.push({
        ruleId: unitTargetRule(def.id),
        severity: 'notice',
        message: t(lang, 'targets.finding.unitBelow', {
          unit,
          name: lang === 'zh' ? def.name : def.nameEn,
          value: formatValue(u.value, def.decimals, def.unit, lang),
          target,
        }),
        file: first.source,
        sheet: first.sheet,
        unit,
        cells,
      });
    }
  }
  return out;
}

/** The audit's result with `extra` findings after its own, and its summary counted again. */
export function withFindings(v: ValidationResult, extra: readonly Finding[]): ValidationResult {
  if (extra.length === 0) return v;
  const findings = v.findings.concat(extra);
  return { ...v, findings, summary: summarise(findings) };
}
