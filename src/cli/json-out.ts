import type { Out } from './output';

/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`, but a top-level
 * object's members and their arrays' elements are stringified one at a time, so a million
 * findings never become one string (V8's longest is about 512 million characters) and output
 * starts before the end.
 */
const BATCH = 1_000;

function indentLines(text: string, pad: string): string {
  return pad + text.replace(/\n/g, `\n${pad}`);
}

/** An array's elements, `pad`-indented, batched into writes. */
function writeArray(items: readonly unknown[], pad: string, write: (s: string) => void): void {
  if (items.length === 0) {
    write('[]');
    return;
  }
  write('[\n');
  let chunk = '';
  items.forEach((item, i) => {
    // In an array, what JSON cannot hold (undefined, a function) is null, as stringify has it.
    const text = JSON.stringify(item, null, 2) ?? 'null';
    chunk += indentLines(text, `${pad}  `) + (i < items.length - 1 ? ',\n' : '\n');
    if (i % BATCH === BATCH - 1) {
      write(chunk);
      chunk = '';
    }
  });
  write(`${chunk}${pad}]`);
}

export function writeJson(out: Out, value: unknown): void {
  const write = (s: string) => out.stream.write(s);
  if (Array.isArray(value)) {
    writeArray(value, '', write);
    write('\n');
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.line(JSON.stringify(value, null, 2));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== 'function',
  );
  if (entries.length === 0) {
    out.line('{}');
    return;
  }
  write('{\n');
  entries.forEach(([key, v], i) => {
    write(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(v)) writeArray(v, '  ', write);
    else write(indentLines(JSON.stringify(v, null, 2), '  ').slice(2));
    write(i < entries.length - 1 ? ',\n' : '\n');
  });
  write('}\n');
}
