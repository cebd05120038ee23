import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The layer rule of ARCHITECTURE.md, checked by running ESLint on probe sources as if they sat
 * at the given path (`--stdin-filename`); nothing is written into src/.
 */
const ROOT = path.resolve(__dirname, '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(file: string, source: string): { code: number | null; output: string } {
  const r = spawnSync(
    process.execPath,
    [ESLINT, '--stdin', '--stdin-filename', file, '--format', 'stylish'],
    {
      cwd: ROOT,
      input: source,
      encoding: 'utf8',
    },
  );
  return { code: r.status, output: r.stdout + r.stderr };
}

describe('the import rule (ARCHITECTURE.md)', () => {
  jest.setTimeout(60_000);

  test.each([
    ["import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n", 'exceljs'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'node:fs'],
    ["import * as React from 'react';\nexport const x = React;\n", 'react'],
    [
      "import { parseXlsx } from '../../xlsx/parse';\nexport const x = parseXlsx;\n",
      '../../xlsx/parse',
    ],
  ])('src/core may not import %#', (source, what) => {
    const r = lint('src/core/read/probe.ts', source);
    expect(r.code).toBe(1);
    expect(r.output).toContain(`'${what}' import is restricted`);
  });

  test('src/core may not touch the DOM or Office.js', () => {
    const r = lint('src/core/probe.ts', 'export const x = [document.title, Office.context];\n');
    expect(r.code).toBe(1);
    expect(r.output).toContain("Unexpected use of 'document'");
    expect(r.output).toContain("Unexpected use of 'Office'");
  });

  test('only src/excel may use the Excel global', () => {
    expect(lint('src/taskpane/probe.ts', 'export const run = Excel.run;\n').code).toBe(1);
    expect(lint('src/excel/probe.ts', 'export const run = Excel.run;\n').code).toBe(0);
  });

  test('src/core may import itself and zod', () => {
    const r = lint(
      'src/core/read/probe.ts',
      "import { z } from 'zod';\nimport { a1 } from '../model/a1';\nexport const x = [z, a1];\n",
    );
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });
});
