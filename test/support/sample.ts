import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { asRows, WorkbookData } from '../../src/core/model/workbook';
import { parseXlsx } from '../../src/xlsx/parse';
import type { FakeSheetInit, FakeWorkbookInit } from './fake-excel';
import { ROOT } from './fixtures';

export const SAMPLE_2025 = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
export const SAMPLE_2024 = path.join(ROOT, 'samples', '2024年青川市两纲监测数据.xlsx');

export async function readSample(file = SAMPLE_2025): Promise<WorkbookData> {
  return parseXlsx(new Uint8Array(readFileSync(file)), path.basename(file));
}

/** A workbook as the fake's initial contents (CellErrors become their codes). */
export function fakeInit(
  wb: WorkbookData,
  extra: { [sheet: string]: Partial<FakeSheetInit> } = {},
  more: FakeSheetInit[] = [],
): FakeWorkbookInit {
  return {
    name: wb.source,
    sheets: [
      ...wb.sheets.map((s) => ({
        name: s.name,
        origin: s.origin,
        rows: asRows(s).rows,
        ...(s.merges ? { merges: s.merges } : {}),
        ...(extra[s.name] ?? {}),
      })),
      ...more,
    ],
  };
}
