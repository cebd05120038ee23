import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli as run } from '../support/capture';
import { SAMPLE_2025 } from '../support/sample';

test('tally validate --export writes the findings workbook, and never writes over one', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tally-export-')), '审核结果.xlsx');
  const r = await run('validate', SAMPLE_2025, '--export', file);
  // The sample has errors: exit 1, as without --export.
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`审核结果已写入 ${file}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const names = wb.worksheets.map((s) => s.name);
  expect(names[0]).toBe('填写说明');
  expect(names).toContain('石门镇');
  expect(names).toContain('龙潭镇');
  const header = (wb.getWorksheet('龙潭镇')!.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('说明');
  // A findings workbook goes out to be filled in: a second export does not replace it.
  const again = await run('validate', SAMPLE_2025, '--export', file);
  expect(again.code).toBe(2);
});
