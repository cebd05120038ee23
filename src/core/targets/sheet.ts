import { targetWording } from '../assess/targets';
import type { OutputCell, OutputSheet } from '../output/spec';
import type { Profile } from '../profile/profile';
import { TARGET_SHEET_NAMES } from './apply';

/**
 * The 指标目标 sheet the pane inserts (like the 审核规则 sheet): the profile's targets as an
 * office edits them — 编号 | 指标 | 目标 | 容差 | 目标年份 | 基期年份 | 基期值 | 来源 — with each
 * target in the programme's own words, so that the sheet, read back unchanged, gives the
 * profile's targets (a 左右 target without a stated 容差 is reported until one is entered).
 */
export const TARGET_HEADERS = [
  '编号',
  '指标',
  '目标',
  '容差',
  '目标年份',
  '基期年份',
  '基期值',
  '来源',
] as const;

const HEADER_STYLE = { bold: true, fill: '#DDEBF7', fontColor: '#1F3864' } as const;
const text = (value: string, wrap = false): OutputCell => ({
  value,
  numberFormat: '@',
  ...(wrap ? { wrap: true } : {}),
});
const num = (value: number | null | undefined): OutputCell =>
  value === null || value === undefined ? text('') : { value, numberFormat: 'General' };

export function targetsTableSheet(profile: Profile): OutputSheet {
  const rows: OutputCell[][] = [TARGET_HEADERS.map((h) => ({ ...text(h), ...HEADER_STYLE }))];
  for (const d of profile.indicators) {
    const tg = d.target;
    rows.push([
      text(d.id),
      text(d.name),
      text(tg.kind === 'none' ? '' : targetWording(tg, d.unit, 'zh')),
      num(tg.kind === 'about' ? tg.band : undefined),
      num(tg.kind === 'none' ? undefined : (tg.targetYear ?? profile.meta.targetYear)),
      num(tg.baseYear),
      num(tg.baseline),
      text(d.source, true),
    ]);
  }
  return {
    name: TARGET_SHEET_NAMES[0] ?? '指标目标',
    rows,
    columnWidths: [7, 24, 30, 7, 9, 9, 9, 60],
    frozenRows: 1,
  };
}
