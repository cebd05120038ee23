import type { Lang } from '../messages/index';
import { failureMessage, type ConfrontRule } from '../rules/confront';
import type { RuleRef } from '../rules/compile';
import type { RuleDataset } from '../rules/data';
import type { Finding, FindingCell, Severity } from './result';

/**
 * A written rule's failure on one record, its message and cells made each time they are read,
 * from the record's place in the sheet's rule data. The random forms of 100,000 villages fail
 * 1.27 million times: as plain objects (message, cells, an address each) that was about 530
 * bytes a finding, 670 MB; this holds two references. Readers see a `Finding` (the getters are
 * its fields). What crosses to a Web Worker or is compared field by field is `plainFinding`.
 */

/** What every failure of one rule on one sheet shares, held once. */
export interface FailureSource {
  readonly rule: ConfrontRule;
  readonly data: RuleDataset;
  readonly lang: Lang;
  /** The file and sheet the rule ran on. */
  readonly file: string;
  readonly sheet: string;
}

export class RuleFinding implements Finding {
  /** Set by applyExplanations on a warning explained in writing. */
  declare explanation?: string;

  constructor(
    private readonly source: FailureSource,
    private readonly record: number,
  ) {}

  get ruleId(): string {
    return this.source.rule.id;
  }

  get severity(): Severity {
    return this.source.rule.severity;
  }

  get file(): string {
    return this.source.file;
  }

  get sheet(): string {
    return this.source.sheet;
  }

  get unit(): string {
    return this.source.data.unit?.(this.record) ?? '';
  }

  get message(): string {
    const { rule, data, lang } = this.source;
    return failureMessage({ rule }, data, this.record, lang) || rule.expression;
  }

  /** Each cell straight from its location; no value is formatted for a message. */
  get cells(): FindingCell[] {
    const { rule, data, file, sheet } = this.source;
    return rule.compiled.refs.map((ref) => {
      const loc = data.locate?.(ref, this.record);
      const fc: FindingCell = {
        item: itemLabel(ref),
        cell: loc?.cell ?? '',
        value: cellValue(loc?.value),
      };
      const otherFile = loc?.file !== undefined && loc.file !== file;
      if (loc && (otherFile || loc.sheet !== sheet)) fc.sheet = loc.sheet;
      if (otherFile) fc.file = loc?.file;
      return fc;
    });
  }

  /**
   * Each cell's file, sheet, row and column (from 0), as `cells` names them, without their
   * addresses or values: what Exclusions reads of a million findings. False (nothing given)
   * when the rule data cannot place its cells; read `cells` then.
   */
  places(to: (file: string, sheet: string, row: number, col: number) => void): boolean {
    const { rule, data, file } = this.source;
    if (!data.place) return false;
    for (const ref of rule.compiled.refs) {
      const p = data.place(ref, this.record);
      if (p) to(p.file ?? file, p.sheet, p.row, p.col);
    }
    return true;
  }

  /** The finding as JSON.stringify writes a plain one (its fields in the same order). */
  toJSON(): Finding {
    return plainFinding(this);
  }
}

/** A finding as a plain object: for structured clone (a Web Worker), and for comparing. */
export function plainFinding(f: Finding): Finding {
  const out: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    sheet: f.sheet,
    unit: f.unit,
    cells: f.cells,
  };
  if (f.explanation !== undefined) out.explanation = f.explanation;
  return out;
}

/** Findings as plain objects, where any is a RuleFinding (the others are kept as they are). */
export function plainFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f instanceof RuleFinding ? plainFinding(f) : f));
}

/** A located cell's text as its value: a number when it reads as one, else the text. */
function cellValue(text: string | undefined): number | string | null {
  if (text === undefined || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? n : text;
}

/**
 * How a finding names the item a reference reads (`PREV(活产数)`, `FE2!在校生数`), made once per
 * reference: a million findings share the few texts rather than each holding its own.
 */
const itemLabels = new WeakMap<RuleRef, string>();
function itemLabel(ref: RuleRef): string {
  let label = itemLabels.get(ref);
  if (label === undefined) {
    label = ref.previous ? `PREV(${ref.name})` : ref.form ? `${ref.form}!${ref.name}` : ref.name;
    itemLabels.set(ref, label);
  }
  return label;
}
