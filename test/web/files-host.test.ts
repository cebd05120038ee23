import ExcelJS from 'exceljs';
import type { WorkbookData } from '../../src/core/model/workbook';
import { findingKey } from '../../src/core/validate/result';
import { createWebEngine, type PageWorker, type WebEngine } from '../../src/web/engine';
import { FilesTally } from '../../src/web/files-host';
import { base64ToBytes, fileName } from '../../src/web/save';
import { inputFiles } from '../../src/taskpane/drop';

/**
 * The files host (src/web/files-host.ts) and the page's engine (src/web/engine.ts) in Node:
 * tasks run on the page (no worker), as they do where a browser starts none.
 */

type Saved = { name: string; bytes: Uint8Array; mime: string };

function host(): { tally: FilesTally; saved: Saved[]; engine: WebEngine } {
  const saved: Saved[] = [];
  const engine = createWebEngine();
  const tally = new FilesTally({
    engine,
    save: (name, bytes, mime) => saved.push({ name, bytes, mime }),
  });
  return { tally, saved, engine };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

const explanationTable: WorkbookData = {
  source: '说明.xlsx',
  sheets: [
    {
      name: '审核说明',
      origin: { row: 0, col: 0 },
      rows: [
        ['规则编号', '工作表', '填报单位', '说明'],
        ['X-01', '妇幼卫生', '龙潭镇', '外地居民在本镇登记结婚'],
        ['FE1-02', '妇幼卫生', '白沙镇', '已核实'],
      ],
    },
  ],
};

describe('FilesTally', () => {
  jest.setTimeout(60_000);

  test('explanations: those a table carries, overridden by those typed; an empty one removes', async () => {
    const { tally } = host();
    const imports = {
      current: [],
      prior: [],
      tables: [{ name: '说明.xlsx', data: explanationTable }],
    };
    const x01 = { ruleId: 'X-01', sheet: '妇幼卫生', unit: '龙潭镇' };
    const fe2 = { ruleId: 'FE1-02', sheet: '妇幼卫生', unit: '白沙镇' };
    const read = await tally.read(undefined, imports);
    expect(read.workbooks).toEqual([]);
    expect(read.explanations.get(findingKey(x01))).toBe('外地居民在本镇登记结婚');

    await tally.saveExplanation(x01, '  已电话核实  ');
    const saved = await tally.saveExplanation(fe2, '');
    expect(saved.explanations.get(findingKey(x01))).toBe('已电话核实');
    expect(saved.explanations.has(findingKey(fe2))).toBe(false);
    // A new read of the same files keeps what was typed on top.
    const again = await tally.read(undefined, imports);
    expect(again.explanations.get(findingKey(x01))).toBe('已电话核实');
    expect(again.explanations.has(findingKey(fe2))).toBe(false);
  });

  test('the report is one .xlsx download named after its title, never written anywhere else', async () => {
    const { tally, saved } = host();
    const placed = await tally.writeReport(
      { sheets: [{ name: '指标汇总', rows: [[{ value: 'W07' }, { value: 28.74 }]] }] },
      '青川市/2025年:报告',
    );
    expect(saved.map((s) => s.name)).toEqual(['青川市_2025年_报告.xlsx']);
    expect(placed).toEqual([
      { role: 'report', wanted: '青川市_2025年_报告.xlsx', name: '青川市_2025年_报告.xlsx' },
    ]);
    const wb = await load(saved[0]!.bytes);
    expect(wb.getWorksheet('指标汇总')?.getCell('B1').value).toBe(28.74);
  });

  test('the rules table is a download of 审核规则.xlsx', async () => {
    const { tally, saved } = host();
    const r = await tally.insertRules([
      { id: 'R-1', severity: 'error', expression: 'a >= b', message: 'a < b' } as never,
    ]);
    expect(r).toEqual({ sheet: '审核规则.xlsx', existed: false });
    const wb = await load(saved[0]!.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核规则']);
  });
});

describe('createWebEngine', () => {
  jest.setTimeout(60_000);

  test('reads a file on the page where no worker starts, and where the worker breaks', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('民政').addRows([
      ['区划名称', '村委会成员数（人）'],
      ['青山镇', 84],
    ]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const broken = (): PageWorker => {
      throw new Error('no workers here');
    };
    for (const engine of [createWebEngine(), createWebEngine({ spawn: broken })]) {
      const data = await engine.parse(bytes, '青山镇.xlsx');
      expect(data.sheets.map((s) => s.name)).toEqual(['民政']);
    }
  });

  test('a file it cannot read is refused by name', async () => {
    const engine = createWebEngine();
    await expect(
      engine.parse(new TextEncoder().encode('not a zip'), '坏文件.xlsx'),
    ).rejects.toThrow(/坏文件\.xlsx/);
  });
});

describe('save and drop helpers', () => {
  test('a title as a file name: what Windows refuses becomes _', () => {
    expect(fileName('青川市2025年<监测>报告?', 'Tally')).toBe('青川市2025年_监测_报告_');
    expect(fileName('  ', 'Tally')).toBe('Tally');
  });

  test('base64 back to bytes', () => {
    expect([...base64ToBytes('AAEC/w==')]).toEqual([0, 1, 2, 255]);
  });

  test('a folder stands for its workbooks and CSVs, sorted by path; not lock files or hidden files', () => {
    const f = (name: string, rel: string) =>
      Object.assign(new Blob([]), { name, webkitRelativePath: rel }) as Blob & { name: string };
    const picked = inputFiles(
      [
        f('乙镇.xlsx', '报表/乙镇.xlsx'),
        f('~$乙镇.xlsx', '报表/~$乙镇.xlsx'),
        f('.甲镇.csv', '报表/.甲镇.csv'),
        f('说明.docx', '报表/说明.docx'),
        f('甲镇.CSV', '报表/a/甲镇.CSV'),
      ],
      true,
    );
    expect(picked.map((p) => p.name)).toEqual(['甲镇.CSV', '乙镇.xlsx']);
  });
});
