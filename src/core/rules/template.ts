import { t, type Lang } from '../messages/index';
import { queryOf, type ItemQuery, type RuleData } from './data';
import { parseRule } from './parse';
import { numberToText } from './vector';

/**
 * Message templates (rules.md): in a rule's message, `{[item]}` is replaced by that item's
 * value in the failing record (also `{[FE3!item]}` and `{PREV([item])}`), and `{unit}` by the
 * reporting unit. Any other `{…}` is left as written.
 */

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'item'; query: ItemQuery; written: string }
  | { kind: 'unit'; written: string };

export interface MessageTemplate {
  source: string;
  parts: TemplatePart[];
}

export interface ParsedTemplate {
  template: MessageTemplate;
  /** Placeholders that look like items but do not parse as one (`{[活产数}`), as written. */
  unresolved: string[];
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const unresolved: string[] = [];
  let last = 0;
  const text = (s: string): void => {
    if (!s) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.kind === 'text') prev.text += s;
    else parts.push({ kind: 'text', text: s });
  };
  for (const m of source.matchAll(PLACEHOLDER)) {
    const written = m[0];
    const inner = (m[1] ?? '').trim();
    text(source.slice(last, m.index));
    last = m.index + written.length;
    if (inner.toLowerCase() === 'unit') {
      parts.push({ kind: 'unit', written });
      continue;
    }
    if (/^(\[|［|【|prev\s*[(（])/i.test(inner)) {
      const parsed = parseRule(inner);
      if (parsed.ok && parsed.ast.type === 'item') {
        parts.push({ kind: 'item', query: queryOf(parsed.ast), written });
        continue;
      }
      unresolved.push(written);
    }
    text(written);
  }
  text(source.slice(last));
  return { template: { source, parts }, unresolved };
}

/** How a value is shown in a message: numbers to 15 significant digits, blank as 空 / blank. */
export function formatValue(
  column: ReturnType<RuleData['column']>,
  record: number,
  lang: Lang,
): string {
  if (!column) return '';
  if (column.kind === 'number') {
    const s = numberToText(column.values[record] ?? NaN);
    return s ?? t(lang, 'rules.blank');
  }
  const s = column.values[record];
  return s === null || s === undefined || s.trim() === '' ? t(lang, 'rules.blank') : s;
}

/**
 * The message for one record. An item the data lacks is left as written. The pieces are joined
 * once, into one flat string: added one to another they stay a tree of pieces (470 bytes a
 * message where the text is 80), and a million findings keep their messages.
 */
export function renderTemplate(
  template: MessageTemplate,
  data: RuleData & { unit?(record: number): string },
  record: number,
  lang: Lang = 'zh',
): string {
  const pieces: string[] = [];
  for (const p of template.parts) {
    switch (p.kind) {
      case 'text':
        pieces.push(p.text);
        break;
      case 'unit':
        pieces.push(data.unit ? data.unit(record) : p.written);
        break;
      case 'item': {
        const column = data.column(p.query);
        pieces.push(column ? formatValue(column, record, lang) : p.written);
        break;
      }
    }
  }
  return pieces.join('');
}
