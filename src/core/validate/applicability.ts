import type { ConfrontRule } from '../rules/confront';
import type { RuleDataset } from '../rules/data';

/**
 * Why a rule ran on no record: what it needs that none of the sheets has. A profile's rules
 * cover five forms, and a workbook (or `--sheet`) often holds one; such a rule is not applicable
 * rather than passed, and the printer says so in one line instead of a row of zeros.
 */
export interface Missing {
  /** Forms (by id or name, as the rule or its scope writes them) that no sheet is. */
  forms: string[];
  /** Items, by name as written in the rule, that no sheet the rule could run on has. */
  items: string[];
  /** Items the sheets have but the previous period's data lacks (PREV). */
  prior: string[];
}

export function isMissingAnything(m: Missing): boolean {
  return m.forms.length + m.items.length + m.prior.length > 0;
}

const ofForm = (d: RuleDataset, form: string): boolean => !d.isForm || d.isForm(form);

/** The sheets the rule could run on: its scope's forms, or the form of its first item. */
function candidates(
  rule: ConfrontRule,
  data: readonly RuleDataset[],
): { sheets: readonly RuleDataset[]; forms: string[] } {
  const scope = rule.scope ?? [];
  if (scope.length > 0) {
    const sheets = data.filter((d) => scope.some((f) => ofForm(d, f)));
    return { sheets, forms: sheets.length === 0 ? [...scope] : [] };
  }
  const refs = rule.compiled.refs;
  const first = refs[0];
  if (first?.form !== undefined && refs.every((r) => r.form !== undefined)) {
    const form = first.form;
    const sheets = data.filter((d) => ofForm(d, form));
    return { sheets, forms: sheets.length === 0 ? [form] : [] };
  }
  return { sheets: data, forms: [] };
}

/** The forms, items and previous-period items a rule needs that the data does not have. */
export function whatIsMissing(rule: ConfrontRule, data: readonly RuleDataset[]): Missing {
  const out: Missing = { forms: [], items: [], prior: [] };
  const { sheets, forms } = candidates(rule, data);
  out.forms.push(...forms);
  if (sheets.length === 0) return out;
  const add = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  for (const ref of rule.compiled.refs) {
    const now = sheets.map((d) => d.lookup({ ...ref, previous: false }));
    if (!now.some((l) => l.found)) {
      const form = now.some((l) => !l.found && l.missing === 'form');
      if (form && ref.form !== undefined) add(out.forms, ref.form);
      else add(out.items, ref.name);
      continue;
    }
    if (ref.previous && !sheets.some((d) => d.lookup(ref).found)) add(out.prior, ref.name);
  }
  return out;
}
