import { a1, columnLetter } from '../model/a1';
import { t, type Lang } from '../messages/index';
import type { Profile } from '../profile/profile';
import { pageNumbers } from './print';
import {
  TABLE_MARGINS,
  wrappedHeight,
  type OutputCell,
  type OutputSheet,
  type OutputWorkbook,
} from './spec';

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
/** Item columns are narrow (whole numbers) and their headers wrap, so a form fits a page width. */
const ITEM_WIDTH = 8.5;
const HEADER_ROW = 2;

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
    const department = lang === 'en' ? (form.departmentEn ?? form.department) : form.department;
    rows.push([text(t(lang, 'tpl.filler', { department }))]);
    // The unit on a line of its own, so a wrapped header never breaks inside the bracket; in
    // English the item's English name follows as a gloss (dropped when the form is read).
    const headers = form.items.map((i) =>
      lang === 'en' && i.nameEn
        ? `${i.name}\n（${i.unit}） ${i.nameEn}`
        : `${i.name}\n（${i.unit}）`,
    );
    rows.push([...lead.map((h) => text(h, HEADER)), ...headers.map((h) => text(h, HEADER))]);
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
    const leadWidths = lead.map((_, i) => (withCodes && i === 0 ? 15 : 14));
    const title = String(rows[0]?.[0]?.value ?? '');
    sheets.push({
      name: sheetName(form.id, lang === 'en' ? form.nameEn : form.name),
      rows,
      columnWidths: [...leadWidths, ...form.items.map(() => ITEM_WIDTH)],
      rowHeights: [
        undefined,
        undefined,
        Math.max(
          ...lead.map((h, i) => wrappedHeight(h, leadWidths[i] ?? 14)),
          ...headers.map((h) => wrappedHeight(h, ITEM_WIDTH)),
        ),
      ],
      borders: [`${a1(HEADER_ROW, 0)}:${a1(rows.length - 1, width - 1)}`],
      print: {
        orientation: 'landscape',
        fitToWidth: 1,
        titleRows: { first: HEADER_ROW, last: HEADER_ROW },
        titleColumns: { first: 0, last: lead.length - 1 },
        margins: { ...TABLE_MARGINS },
        centerHorizontally: true,
        header: { center: [title] },
        footer: { center: pageNumbers(lang) },
      },
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
  const width = 90;
  return {
    name: t(lang, 'tpl.instructions'),
    rows: lines.map((l, i) => [text(l, i === 0 ? { bold: true } : { wrap: true })]),
    columnWidths: [width],
    rowHeights: lines.map((l, i) => (i === 0 ? undefined : wrappedHeight(l, width))),
    print: { orientation: 'portrait', fitToWidth: 1, margins: { ...TABLE_MARGINS } },
  };
}

/** `FE1 妇幼健康`: within Excel's 31 characters, cut at a word in English. */
export function sheetName(id: string, name: string): string {
  const full = `${id} ${name}`;
  if (full.length <= 31) return full;
  const cut = full.slice(0, 31);
  const space = cut.lastIndexOf(' ');
  return space > id.length ? cut.slice(0, space) : cut;
}
