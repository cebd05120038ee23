import { UnreadableInputError } from '../core/errors';
import { checkFileSize, FILE_LIMITS, formatBytes, formatCount } from './limits';

/**
 * A CSV file checked on its bytes, in one pass, before it is decoded or parsed: its size, its
 * rows and columns against Excel's limits, its fields against the cell limit, the grid its
 * lines make (as many lines as it has, as wide as the widest) against the used-range limit, and
 * each field's length. Quotes are followed as RFC 4180 has them (a newline or a delimiter inside quotes is
 * data). The bytes that matter — `"` `,` `;` tab CR LF — are the same in UTF-8 and GBK, whose
 * multi-byte characters never contain them.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS = [0x2c, 0x3b, 0x09] as const;

/** The delimiter parseCsv will use, from the first line: the most frequent of `,` `;` tab. */
function delimiterOf(bytes: Uint8Array): number {
  const counts = new Map<number, number>(DELIMITERS.map((d) => [d, 0]));
  for (let i = 0; i < bytes.length && bytes[i] !== LF && bytes[i] !== CR; i++) {
    const b = bytes[i] as number;
    const n = counts.get(b);
    if (n !== undefined) counts.set(b, n + 1);
  }
  let best: number = DELIMITERS[0];
  let most = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/** Throws an UnreadableInputError naming the file and the line when the CSV is beyond a limit. */
export function guardCsv(bytes: Uint8Array, file: string): void {
  const L = FILE_LIMITS;
  checkFileSize(bytes.length, file);
  const delimiter = delimiterOf(bytes);
  // A character is at most 3 bytes in UTF-8 or GBK for each UTF-16 unit, plus two quotes: a field
  // of more bytes than this has more characters than a cell can hold.
  const fieldBytes = L.fieldChars * 3 + 2;
  let records = 0;
  let fields = 1;
  let widest = 0;
  let total = 0;
  let fieldStart = 0;
  const endRecord = (): void => {
    records++;
    total += fields;
    if (records > L.rows) {
      throw new UnreadableInputError('limit.csvRows', {
        file,
        limit: formatCount(L.rows),
        line: formatCount(records),
      });
    }
    if (total > L.cells) {
      throw new UnreadableInputError('limit.csvCells', {
        file,
        line: formatCount(records),
        limit: formatCount(L.cells),
      });
    }
    // The readers build a grid as wide as the widest line for every line (csv-columnar.ts).
    if (fields > widest) widest = fields;
    if (records * widest > L.usedRange) {
      throw new UnreadableInputError('limit.csvGrid', {
        file,
        rows: formatCount(records),
        cols: formatCount(widest),
        cells: formatCount(records * widest),
        limit: formatCount(L.usedRange),
      });
    }
    fields = 1;
  };
  // The bytes that matter, by class (0: any other, the common case, skipped at once); a quoted
  // span is skipped to its closing quote with indexOf (a doubled quote closes and reopens it).
  const kind = new Uint8Array(256);
  kind[delimiter] = 1;
  kind[LF] = 2;
  kind[CR] = 2;
  kind[QUOTE] = 3;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    const k = kind[b] as number;
    if (k === 0) continue;
    if (k === 3) {
      const close = bytes.indexOf(QUOTE, i + 1);
      i = close < 0 ? n : close;
    } else {
      if (i - fieldStart > fieldBytes) {
        throw new UnreadableInputError('limit.csvField', {
          file,
          line: formatCount(records + 1),
          size: formatBytes(i - fieldStart),
          limit: formatCount(L.fieldChars),
        });
      }
      fieldStart = i + 1;
      if (b === delimiter) {
        if (++fields > L.columns) {
          throw new UnreadableInputError('limit.csvColumns', {
            file,
            line: formatCount(records + 1),
            count: `${formatCount(L.columns)}+`,
            limit: formatCount(L.columns),
          });
        }
      } else if (b === LF || bytes[i + 1] !== LF) {
        endRecord();
      }
    }
  }
  if (bytes.length - fieldStart > fieldBytes) {
    throw new UnreadableInputError('limit.csvField', {
      file,
      line: formatCount(records + 1),
      size: formatBytes(bytes.length - fieldStart),
      limit: formatCount(L.fieldChars),
    });
  }
  if (fieldStart < bytes.length || fields > 1) endRecord();
}
