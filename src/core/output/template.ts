import { a1, columnLetter } from '../model/a1';
import { t, type Lang } from '../messages/index';
import type { Profile } from '../profile/profile';
import type { OutputCell, OutputSheet, OutputWorkbook } from './spec';

/**
 * `tally template`: the blank forms of a profile, one sheet per form, ready to hand out —
 * title row, header with units, one row per reporting unit, a 合计 row with SUM formulas,
 * whole-number validation on the data cells, frozen panes and an instructions sheet.
 */
export interface TemplateUnit {
  name: string;
  code?: string;
}

const HEADER = {
  bold: true,
  fill: '#DDEBF7',
  fontColor: '#1F3864',
  wrap: true,
  align: 'center',
} as const;
const text = (value: string, extra: Partial<OutputCell> = {}): OutputCell => ({
  value,
  numberFormat: '@',
  ...extra,
});

export function templateWorkbook(
  profile: Profile,
  units: readonly TemplateUnit[],
  period: string,
  lang: Lang,
): OutputWorkbook {
  const withCodes = units.some((u) => u.code);
  const lead = withCodes ? [t(lang, 'tpl.code'), t(lang, 'tpl.unit')] : [t(lang, 'tpl.unit')];
  const sheets: OutputSheet[] = [instructions(profile, lang)];
  for (const form of profile.forms) {
    const width = lead.length + form.items.length;
    const rows: OutputCell[][] = [];
    rows.push([
      text(
        t(lang, 'tpl.title', {
          period,
          form: lang === 'zh' ? form.name : form.nameEn,
          id: form.id,
        }),
        { bold: true },
      ),
    ]);
    rows.push([text(t(lang, 'tpl.filler', { department: form.department }))]);
    rows.push([
      ...lead.map((h) => text(h, HEADER)),
      ...form.items.map((i) => text(`${i.name}（${i.unit}）`, HEADER)),
    ]);
    const first = rows.length; // 0-based first data row
    for (const u of units) {
      rows.push([
        ...(withCodes ? [text(u.code ?? '')] : []),
        text(u.name),
        ...form.items.map((): OutputCell => ({ value: null, numberFormat: '0' })),
      ]);
    }
    const last = rows.length - 1;
    if (units.length > 0) {
      rows.push([
        ...(withCodes ? [text('')] : []),
        text(t(lang, 'tpl.total'), { bold: true }),
        ...form.items.map((_, j): OutputCell => {
          const col = columnLetter(lead.length + j);
          return {
            value: 0,
            formula: `SUM(${col}${first + 1}:${col}${last + 1})`,
            numberFormat: '0',
            bold: true,
          };
        }),
      ]);
    }
    sheets.push({
      name: `${form.id} ${form.name}`,
      rows,
      columnWidths: [
        ...lead.map((_, i) => (withCodes && i === 0 ? 15 : 14)),
        ...form.items.map((i) => Math.max(10, Math.min(18, i.name.length * 1.6))),
      ],
      frozenRows: 3,
      frozenColumns: lead.length,
      merges: [`A1:${columnLetter(width - 1)}1`, `A2:${columnLetter(width - 1)}2`],
      ...(units.length > 0
        ? {
            validations: [
              {
                range: `${a1(first, lead.length)}:${a1(last, width - 1)}`,
                kind: 'wholeNumber' as const,
                min: 0,
                message: t(lang, 'tpl.validation'),
              },
            ],
          }
        : {}),
    });
  }
  return { sheets };
}

function instructions(profile: Profile, lang: Lang): OutputSheet {
  const lines = [
    t(lang, 'tpl.i.title', { profile: lang === 'zh' ? profile.meta.name : profile.meta.nameEn }),
    t(lang, 'tpl.i.1'),
    t(lang, 'tpl.i.2'),
    t(lang, 'tpl.i.3'),
    t(lang, 'tpl.i.4'),
    t(lang, 'tpl.i.5'),
  ];
  return {
    name: t(lang, 'tpl.instructions'),
    rows: lines.map((l, i) => [text(l, i === 0 ? { bold: true } : { wrap: true })]),
    columnWidths: [100],
  };
}
