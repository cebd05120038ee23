import { fmt } from '../assess/targets';
import { t, type Lang } from '../messages/index';
import { LEVEL_NAMES } from '../read/levels';
import { cellOf, type TableRecord } from '../read/table';
import type { Dataset } from '../rollup/dataset';
import type { SheetTable } from './builtin';
import { BUILTIN, type Finding } from './result';

/**
 * What the reader decided about a form's structure, said as findings (issue 8): rows that are
 * not reporting units, values converted from the unit the form states, units the region sheet
 * does not list, and units that came or went since last period (a possible rename).
 */

/** Why a record is not a unit, in the reader's language (`合计行：名称为县级，…`). */
export function roleText(rec: TableRecord, records: readonly TableRecord[], lang: Lang): string {
  if (rec.role === 'unit' && rec.repeatOf !== undefined) {
    const first = records[rec.repeatOf];
    return `${t(lang, 'role.repeat')}：${t(lang, 'why.repeat', { row: (first?.row ?? 0) + 1 })}`;
  }
  const name = t(lang, `role.${rec.role === 'unit' ? 'total' : rec.role}`);
  const why = rec.why;
  if (!why) return name;
  const params = {
    parts: why.parts ?? 0,
    level: why.level ? LEVEL_NAMES[why.level][lang] : '',
    unitLevel: why.unitLevel ? LEVEL_NAMES[why.unitLevel][lang] : '',
  };
  return `${name}${lang === 'zh' ? '：' : ': '}${t(lang, `why.${why.reason}`, params)}`;
}

/** Roles decided by name, level, code or numbers are said; a plain 合计/小计 label is not. */
const SAID: ReadonlySet<string> = new Set([
  'areaLevel',
  'areaTitle',
  'sumOfOthers',
  'nearSumOfOthers',
  'levelAbove',
  'codeAbove',
  'sumBelow',
  'sumAbove',
  'nearSumBelow',
  'breakdownLabel',
]);

/** One notice per sheet listing the rows set aside by what they are, with why. */
export function checkRoles(fs: SheetTable, lang: Lang): Finding[] {
  const { records } = fs.table;
  const unnamed = checkUnnamed(fs, lang);
  const said = records.filter(
    (r) => (r.why && SAID.has(r.why.reason)) || (r.role === 'unit' && r.repeatOf !== undefined),
  );
  if (said.length === 0) return unnamed;
  const sep = lang === 'zh' ? '；' : '; ';
  const list = said
    .map((r) =>
      t(lang, 'audit.roleRow', {
        row: r.row + 1,
        label: r.unit,
        why: roleText(r, records, lang),
      }),
    )
    .join(sep);
  return [
    ...unnamed,
    {
      ruleId: BUILTIN.roles,
      severity: 'notice',
      message: t(lang, 'audit.roles', { list }),
      file: fs.source,
      sheet: fs.sheet,
      unit: '',
      cells: [],
    },
  ];
}

/** Each row with figures and no unit's name: an error naming its row and figures. */
function checkUnnamed(fs: SheetTable, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const { table } = fs;
  table.records.forEach((r, i) => {
    if (r.why?.reason !== 'noName') return;
    const cells = table.columns.flatMap((c) => {
      const v = c.item ? table.numbers.get(c.col)?.[i] : undefined;
      return c.item && v !== undefined && !Number.isNaN(v)
        ? [{ item: c.item.name, cell: cellOf(table, i, c.col), value: v }]
        : [];
    });
    out.push({
      ruleId: BUILTIN.unnamedRow,
      severity: 'error',
      message: t(lang, 'audit.unnamedRow', {
        row: r.row + 1,
        values: cells.map((c) => `${c.item} ${fmt(c.value, 6)}`).join(lang === 'zh' ? '、' : ', '),
      }),
      file: fs.source,
      sheet: fs.sheet,
      unit: '',
      cells: cells.slice(0, 5),
    });
  });
  return out;
}

/** One notice per sheet for the columns read in another unit (万人 → 人, 对 → 人). */
export function checkConversions(fs: SheetTable, lang: Lang): Finding[] {
  const conv = fs.table.conversions;
  if (conv.length === 0) return [];
  const name = (col: number) => {
    const c = fs.table.columns.find((k) => k.col === col);
    return c?.item?.name ?? c?.header ?? '';
  };
  const list = conv
    .map((c) =>
      t(lang, 'audit.convertedColumn', {
        item: name(c.col),
        from: c.from,
        to: c.to,
        factor: fmt(c.factor, 6),
      }),
    )
    .join(lang === 'zh' ? '、' : ', ');
  return [
    {
      ruleId: BUILTIN.converted,
      severity: 'notice',
      message: t(lang, 'audit.converted', { list }),
      file: fs.source,
      sheet: fs.sheet,
      unit: '',
      cells: [],
    },
  ];
}

/** A unit the region sheet does not list: an error, with the listed names most like it. */
export function checkUnlisted(ds: Dataset, lang: Lang): Finding[] {
  return ds.unlisted.map((u) => ({
    ruleId: BUILTIN.unlisted,
    severity: 'error' as const,
    message: t(lang, 'audit.unlisted', {
      unit: u.unit,
      hint:
        u.suggestions.length > 0
          ? t(lang, 'audit.unlistedHint', {
              names: u.suggestions.join(lang === 'zh' ? '”或“' : '" or "'),
            })
          : '',
    }),
    file: u.source,
    sheet: u.sheet,
    unit: u.unit,
    cells: [],
  }));
}

/**
 * Units present last period and absent now, and the other way round, named together: a
 * township renamed between the years would otherwise skip every history rule in silence.
 */
export function checkRenames(ds: Dataset, prior: Dataset | undefined, lang: Lang): Finding[] {
  if (!prior) return [];
  const h = ds.hierarchy;
  const now = new Map<string, string>();
  for (const units of ds.formUnits.values())
    for (const key of units.keys()) now.set(key, units.firstRow(key)?.unit ?? key);
  const before = new Map<string, string>();
  for (const units of prior.formUnits.values())
    for (const key of units.keys()) {
      const name = units.firstRow(key)?.unit ?? key;
      const here = h.keyOf(key.startsWith('n:') ? { name } : { code: key, name });
      before.set(here ?? key, name);
    }
  const gone = [...before].filter(([k]) => !now.has(k)).map(([, n]) => n);
  const added = [...now].filter(([k]) => !before.has(k)).map(([, n]) => n);
  if (gone.length === 0 || added.length === 0) return [];
  const sep = lang === 'zh' ? '、' : ', ';
  const first = ds.forms[0];
  return [
    {
      ruleId: BUILTIN.rename,
      severity: 'warning',
      message: t(lang, 'audit.rename', { gone: gone.join(sep), added: added.join(sep) }),
      file: first?.source ?? '',
      sheet: first?.sheet ?? '',
      unit: '',
      cells: [],
    },
  ];
}
