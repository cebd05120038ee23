import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTally } from '../support/child';
import { fixturePath, ROOT } from '../support/fixtures';

// The generator is a plain CommonJS script; the test uses the same function it does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeHostile, SMALL } = require('../../scripts/make-hostile.js') as {
  makeHostile(
    dir: string,
    options?: { small?: boolean; large?: boolean; only?: string[] },
  ): string[];
  SMALL: string[];
};

/**
 * Every hostile input of test/fixtures/hostile (and the large ones, made here) through `tally` as
 * a real process: exit code 2, one line on stderr naming the file and what is wrong where, no
 * stack trace, the input unchanged, and a peak resident set under 200 MB (the tally process's own
 * high-water mark, VmHWM: see test/support/tally-src.js).
 */

const HOSTILE = fixturePath('hostile');
const SAMPLE = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
const large = mkdtempSync(path.join(tmpdir(), 'tally-hostile-'));
const MB = 200;

jest.setTimeout(300_000);

beforeAll(() => makeHostile(large, { small: false, large: true }));
afterAll(() => rmSync(large, { recursive: true, force: true }));

/** What the one line must say, beyond the file's name. */
const CASES: [file: string, where: 'fixture' | 'large', says: RegExp][] = [
  [
    'zip-bomb.xlsx',
    'fixture',
    /xl\/worksheets\/sheet1\.xml 解压后有 300 MB，超过单个部件的上限 256 MB/,
  ],
  ['ratio-bomb.xlsx', 'fixture', /xl\/worksheets\/sheet1\.xml 压缩比为 1,0\d\d:1.*上限 500:1/],
  ['lying-bomb.xlsx', 'fixture', /xl\/worksheets\/sheet1\.xml 解压后的大小与它声明的 10 KB 不符/],
  ['many-parts-total.xlsx', 'fixture', /解压后共 512 MB\+，超过上限 512 MB/],
  ['huge-dimension.xlsx', 'fixture', /工作表「妇幼」的范围 A1:XFD2000000 超出了 Excel 的上限/],
  ['cell-beyond-excel.xlsx', 'fixture', /工作表「妇幼」的单元格 A1048577 超出了 Excel 的上限/],
  ['wide-row.xlsx', 'fixture', /工作表「妇幼」的单元格 XFE1 超出了 Excel 的上限/],
  [
    'far-cells.xlsx',
    'fixture',
    /工作表「妇幼」的数据从 A1 到 XFD1048576，共 17,179,869,184 个单元格/,
  ],
  [
    'far-rows.xlsx',
    'fixture',
    /工作表「妇幼」有数据的 \d+ 列一直用到第 600,000 行.*超过上限 10,000,000/,
  ],
  ['cols-bomb.xlsx', 'fixture', /工作表「妇幼」定义了第 1 到第 1000000000 列/],
  ['merge-bomb.xlsx', 'fixture', /工作表「妇幼」的合并单元格超过上限.*A1:XFD1048576/],
  ['sheets-20000-listed.xlsx', 'fixture', /工作表多于 1,000 个/],
  ['sheets-1500.xlsx', 'large', /工作表多于 1,000 个/],
  ['sheets-20000.xlsx', 'large', /压缩包内有 20,004 个部件，超过上限 10,000/],
  ['wide-line.csv', 'fixture', /第 1 行有 16,384\+ 列，超过 Excel 的上限 16,384 列/],
  [
    'long-field.csv',
    'fixture',
    /第 2 行有一个 352 KB 的单元格，超过 Excel 单元格的上限 32,767 个字符/,
  ],
  [
    'ragged.csv',
    'fixture',
    /最宽的一行有 16,384 列，按表格共 [\d,]+ 个单元格，超过上限 10,000,000/,
  ],
  [
    'empty-lines.csv',
    'large',
    /超过 1,048,576 行（Excel 的行数上限），在第 1,048,577 行处。请按地区把它拆成几个文件/,
  ],
  ['many-cells.csv', 'large', /到第 626 行时单元格已超过 10,000,000 个。请按地区把它拆成/],
  [
    'huge-line.csv',
    'large',
    /文件有 2\.0 GB，超过上限 64 MB。请按地区把它拆成几个不超过 64 MB 的文件（每个都保留表头行）/,
  ],
  ['empty-lines-1e8.csv', 'large', /文件有 95 MB，超过上限 64 MB/],
];

const RULE_CASES: [file: string, says: RegExp][] = [
  [
    'rules-empty.csv',
    /规则表 .*rules-empty\.csv 无法使用：第 1 行是表头（编号, 规则, 级别, 说明），但下面没有任何规则/,
  ],
  [
    'rules-no-rule-column.csv',
    /规则表 .*rules-no-rule-column\.csv 无法使用：缺少 rule\/规则\/审核公式 列，表头一行写的是「编号, 公式, 级别」/,
  ],
  ['rules-deep.csv', /规则 DEEP-01（第 2 行）：第 65 个字符处：括号和正负号嵌套超过 64 层/],
  [
    'rules-deep-5000.csv',
    /规则 DEEP-02（第 2 行）：规则过长：共 10010 个字符，超过上限 4000 个字符/,
  ],
  ['rules-long.csv', /规则 LONG-01（第 2 行）：规则过长：共 80004 个字符，超过上限 4000 个字符/],
];

function fingerprint(file: string): string {
  const size = statSync(file).size;
  // The 2 GiB sparse file is compared by size and modification time, not read.
  if (size > 256 * 1024 * 1024) return `${size} ${statSync(file).mtimeMs}`;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** One line, naming the file, saying `says`, and nothing a user should not see. */
function expectOneLine(stderr: string, file: string, says: RegExp): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^tally: /);
  expect(lines[0]).toContain(path.basename(file));
  expect(lines[0]).toMatch(says);
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+|RangeError|Invalid string length|内部错误/);
}

describe('hostile files: exit 2, one line naming the file, under 200 MB, input unchanged', () => {
  test.each(CASES)('%s', async (name, where, says) => {
    const file = path.join(where === 'fixture' ? HOSTILE : large, name);
    const before = fingerprint(file);
    const r = await runTally(['validate', file]);
    expect({ code: r.code, signal: r.signal, stdout: r.stdout }).toEqual({
      code: 2,
      signal: null,
      stdout: '',
    });
    expectOneLine(r.stderr, file, says);
    expect(r.peakRssMb).toBeLessThan(MB);
    expect(fingerprint(file)).toBe(before);
  });

  test('inspect and report refuse the same way', async () => {
    const bomb = path.join(HOSTILE, 'zip-bomb.xlsx');
    for (const args of [
      ['inspect', bomb],
      ['report', bomb, '--period', '2025'],
    ]) {
      const r = await runTally(args);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, bomb, /超过单个部件的上限 256 MB/);
      expect(r.peakRssMb).toBeLessThan(MB);
    }
  });
});

describe('hostile rule tables: exit 2, the rule (or the table) and the limit named', () => {
  test.each(RULE_CASES)('%s', async (name, says) => {
    const file = path.join(HOSTILE, name);
    const before = fingerprint(file);
    const r = await runTally(['validate', SAMPLE, '--rules', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(says);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+|RangeError|内部错误/);
    expect(r.peakRssMb).toBeLessThan(MB);
    expect(fingerprint(file)).toBe(before);
  });
});

describe('the fixtures', () => {
  test('the control file of the same construction reads (exit 0 for inspect)', async () => {
    const r = await runTally(['inspect', path.join(HOSTILE, 'plain.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('every committed file is what scripts/make-hostile.js makes (the bombs, slow to make, are not rebuilt here)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-hostile-small-'));
    try {
      const cheap = SMALL.filter((n) => !n.includes('bomb'));
      makeHostile(dir, { only: cheap });
      for (const n of cheap) {
        expect({ n, sha: fingerprint(path.join(dir, n)) }).toEqual({
          n,
          sha: fingerprint(path.join(HOSTILE, n)),
        });
      }
      const committed = readdirSync(HOSTILE).filter((f) => f !== 'README.md');
      expect(committed.sort()).toEqual([...SMALL].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
