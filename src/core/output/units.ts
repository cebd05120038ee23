import type { IndicatorResult } from '../assess/assess';
import { placesOf } from '../assess/node-values';
import { describeTarget, judge } from '../assess/targets';
import { a1, columnLetter } from '../model/a1';
import { t } from '../messages/index';
import { GRID } from './fit';
import { tablePrint } from './print';
import { COLOURS, nodeCell, numberCell, unitLabel, type SummaryInput } from './report';
import { displayWidth, wrappedHeight, type OutputCell, type OutputSheet } from './spec';

/**
 * 分单位指标: each reporting unit's value of every indicator, one row per unit (the whole area
 * first, then every region in hierarchy order, a township over villages marked as a total),
 * one column per indicator. Rows, not columns, are units, so the sheet holds any number of
 * them (a county's 100,000 villages) and prints with the unit names repeated on every page.
 */
const HEADER_ROWS = { name: 2, unit: 3, target: 4 } as const;
const INDICATOR_WIDTH = 7.5;

const header = (value: string): OutputCell => ({
  value,
  numberFormat: '@',
  bold: true,
  fill: COLOURS.header.fill,
  fontColor: COLOURS.header.font,
  wrap: true,
  align: 'center',
});

/** Trend targets (逐步提高) say nothing about one unit's value on its own. */
const judgesAlone = (r: IndicatorResult) =>
  r.def.target.kind !== 'rising' && r.def.target.kind !== 'falling';

/**
 * A units sheet's value cells, each look and value kept once: a description is never changed
 * once made, and values shown to 1 or 2 decimals repeat, so 100,000 units × 29 indicators need
 * far fewer than 2.9 million cell objects.
 */
class CellPool {
  private readonly numbers = new Map<number, Map<number, OutputCell>>();
  private readonly others = new Map<string, OutputCell>();

  /** `{ value, numberFormat }` (and the not-met colour when `red`), as `nodeCell` makes it. */
  number(value: number, decimals: number, red: boolean): OutputCell {
    const look = decimals * 2 + (red ? 1 : 0);
    let byValue = this.numbers.get(look);
    if (!byValue) this.numbers.set(look, (byValue = new Map()));
    let cell = byValue.get(value);
    if (!cell) {
      const plain = numberCell(value, decimals);
      cell = red ? { ...plain, fontColor: COLOURS.notMet.font } : plain;
      byValue.set(value, cell);
    }
    return cell;
  }

  /** A text cell (未报, 缺, 分母为0): one per text and look. */
  other(cell: OutputCell): OutputCell {
    const key = `${String(cell.value)}|${cell.numberFormat ?? ''}|${cell.fontColor ?? ''}|${cell.fill ?? ''}|${cell.align ?? ''}`;
    const known = this.others.get(key);
    if (known) return known;
    this.others.set(key, cell);
    return cell;
  }
}

/**
 * An indicator's value cells: a unit's value (the node at layout index `at`), in red when it
 * misses a threshold target by itself. A value shown is judged once per indicator, however
 * many units show it.
 */
function valueCells(
  r: IndicatorResult,
  input: SummaryInput,
  pool: CellPool,
): (at: number) => OutputCell {
  // Keyed by v × 10^decimals where that integer gives v back exactly (a small integer key is
  // found about three times faster than a fraction: 3.6 million look-ups at 100,000 villages),
  // else by v itself in a map of its own, so no two values share a key.
  const byScaled = new Map<number, OutputCell>();
  const byValue = new Map<number, OutputCell>();
  const scale = 10 ** Math.max(0, Math.min(r.def.decimals, 6));
  const alone = judgesAlone(r);
  // Without a value the cell says why, and only three things can be said: not reported,
  // nothing pooled, a denominator of 0. Each is made once per indicator.
  const why: (OutputCell | undefined)[] = [];
  return (at) => {
    // The shown value alone first: a number (something pooled, a denominator) needs no node.
    const v = r.nodes.shownAt(at);
    if (v === null || v === undefined) {
      const kind = v === undefined ? 0 : r.nodes.pooledAt(at) === 0 ? 1 : 2;
      return (why[kind] ??= pool.other(nodeCell(r, r.nodes.atIndex(at), input.lang)));
    }
    const k = Math.round(v * scale);
    const exact = Number.isSafeInteger(k) && k / scale === v;
    const cells = exact ? byScaled : byValue;
    const key = exact ? k : v;
    let cell = cells.get(key);
    if (cell === undefined) {
      const red =
        alone &&
        judge(r.def.target, { value: v, prior: null, direction: r.def.direction }).status ===
          'notMet';
      cells.set(key, (cell = pool.number(v, r.def.decimals, red)));
    }
    return cell;
  };
}

/**
 * 分单位指标 as one sheet, or — past Excel's 1,048,576 rows (more than a million units) —
 * several, each with the title and header rows, the units continuing in order on the next
 * (分单位指标（续2）, …): every unit's value is in the workbook, and none is cut off.
 */
export function unitsSheets(
  input: SummaryInput,
  name: string,
  summaryName: string,
  maxRows: number = GRID.rows,
): OutputSheet[] {
  const whole = unitsSheet(input, name, summaryName);
  const head = HEADER_ROWS.target + 1;
  if (whole.rows.length <= maxRows) return [whole];
  const per = maxRows - head;
  const body = whole.rows.slice(head);
  const width = whole.columnWidths?.length ?? 1;
  const out: OutputSheet[] = [];
  for (let k = 0; k * per < body.length; k++) {
    const sheetName = k === 0 ? name : t(input.lang, 'report.unitsSheetMore', { name, n: k + 1 });
    const rows = [...whole.rows.slice(0, head), ...body.slice(k * per, (k + 1) * per)];
    out.push({
      ...whole,
      name: sheetName,
      rows,
      rowHeights: (whole.rowHeights ?? []).slice(0, head),
      borders: [`${a1(HEADER_ROWS.name, 0)}:${a1(rows.length - 1, width - 1)}`],
      ...(whole.print
        ? {
            print: {
              ...whole.print,
              ...(whole.print.header
                ? { header: { ...whole.print.header, center: [sheetName] } }
                : {}),
            },
          }
        : {}),
    });
  }
  return out;
}

export function unitsSheet(input: SummaryInput, name: string, summaryName: string): OutputSheet {
  const { assessment: a, dataset: ds, lang, period, profile } = input;
  const leaves = new Set(a.units);
  const indicators = [
    ...a.indicators.filter((r) => r.def.outline === 'women'),
    ...a.indicators.filter((r) => r.def.outline === 'children'),
  ];
  const regionName = (key: string) =>
    leaves.has(key)
      ? ds.hierarchy.name(key)
      : `${ds.hierarchy.name(key)}${t(lang, 'cell.subtotal')}`;
  const names = [a.rootName, ...a.regions.map(regionName)];
  // A fold, not Math.max(...names): 100,000 units as arguments overflow a worker's stack.
  const unitWidth = Math.min(
    28,
    names.reduce((w, n) => Math.max(w, displayWidth(n) + 2), 12),
  );
  const width = 1 + indicators.length;
  const printedWidth = unitWidth + indicators.length * INDICATOR_WIDTH;

  const rows: OutputCell[][] = [];
  const rowHeights: (number | undefined)[] = [];
  rows.push([
    {
      value: t(lang, 'report.unitsTitle', { region: a.rootName, period }),
      numberFormat: '@',
      bold: true,
    },
  ]);
  const legend = t(lang, 'report.unitsLegend', { summary: summaryName });
  rows.push([{ value: legend, numberFormat: '@', italic: true, fontColor: '#595959', wrap: true }]);
  rowHeights[1] = Math.max(16, wrappedHeight(legend, printedWidth));
  const indicatorName = (r: IndicatorResult) =>
    `${r.def.id}\n${lang === 'zh' ? r.def.name : r.def.nameEn}`;
  rows.push([header(t(lang, 'col.unitName')), ...indicators.map((r) => header(indicatorName(r)))]);
  rowHeights[HEADER_ROWS.name] = Math.max(
    ...indicators.map((r) => wrappedHeight(indicatorName(r), INDICATOR_WIDTH)),
  );
  rows.push([
    header(t(lang, 'col.measure')),
    ...indicators.map((r) => header(unitLabel(r.def.unit, lang))),
  ]);
  rowHeights[HEADER_ROWS.unit] = Math.max(
    ...indicators.map((r) => wrappedHeight(unitLabel(r.def.unit, lang), INDICATOR_WIDTH)),
  );
  const target = (r: IndicatorResult) => describeTarget(r.def.target, r.def.unit, lang);
  rows.push([header(t(lang, 'col.target')), ...indicators.map((r) => header(target(r)))]);
  rowHeights[HEADER_ROWS.target] = Math.max(
    ...indicators.map((r) => wrappedHeight(target(r), INDICATOR_WIDTH)),
  );

  const pool = new CellPool();
  const cells = indicators.map((r) => valueCells(r, input, pool));
  rows.push([
    { value: a.rootName, numberFormat: '@', bold: true },
    ...indicators.map((r, j) => ({
      ...(cells[j] as (at: number) => OutputCell)(r.nodes.indexOf(a.rootKey)),
      bold: true,
    })),
  ]);
  // Every indicator of an assessment has the same layout: a unit's place is looked up once.
  const placesIn = placesOf(a.regions, indicators[0]?.nodes);
  const places = indicators.map((r) => placesIn(r.nodes));
  a.regions.forEach((key, i) => {
    const row = new Array<OutputCell>(width);
    row[0] = {
      value: names[i + 1] ?? key,
      numberFormat: '@',
      ...(leaves.has(key) ? {} : { bold: true }),
    };
    for (let j = 0; j < cells.length; j++)
      row[j + 1] = (cells[j] as (at: number) => OutputCell)(places[j]?.[i] ?? -1);
    rows.push(row);
  });

  const last = columnLetter(width - 1);
  return {
    name,
    role: 'units',
    rows,
    columnWidths: [unitWidth, ...indicators.map(() => INDICATOR_WIDTH)],
    rowHeights,
    frozenRows: HEADER_ROWS.target + 1,
    frozenColumns: 1,
    merges: [`A1:${last}1`, `A2:${last}2`],
    borders: [`${a1(HEADER_ROWS.name, 0)}:${a1(rows.length - 1, width - 1)}`],
    print: tablePrint({
      lang,
      region: a.rootName,
      period,
      title: name,
      profile: lang === 'zh' ? profile.meta.name : profile.meta.nameEn,
      orientation: 'landscape',
      titleRows: { first: HEADER_ROWS.name, last: HEADER_ROWS.target },
      titleColumns: { first: 0, last: 0 },
    }),
  };
}
