import { readFileSync } from 'node:fs';
import { TallyError } from '../../src/core/errors';
import { asRows } from '../../src/core/model/workbook';
import { readPickedFile, type PickedFile } from '../../src/taskpane/imports';
import { fixturePath } from '../support/fixtures';

/** The pane's file import goes through the same guards as the command line. */

const MiB = 1024 * 1024;

function picked(name: string): PickedFile {
  const blob = new Blob([readFileSync(fixturePath('hostile', name))]);
  return Object.assign(blob, { name });
}

async function refusal(p: Promise<unknown>): Promise<{ key: string; file: unknown }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TallyError)) throw e;
    return { key: e.key, file: e.params.file };
  }
  throw new Error('not refused');
}

describe('readPickedFile: the file limits before and while reading', () => {
  test('a file over 64 MB is refused by its size, before its bytes are read', async () => {
    const arrayBuffer = jest.fn(() => Promise.resolve(new ArrayBuffer(0)));
    const big = { name: '大.xlsx', size: 64 * MiB + 1, arrayBuffer } as unknown as PickedFile;
    expect(await refusal(readPickedFile(big))).toEqual({ key: 'limit.fileSize', file: '大.xlsx' });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  test.each([
    ['zip-bomb.xlsx', 'limit.partSize'],
    ['lying-bomb.xlsx', 'limit.sizeMismatch'],
    ['far-rows.xlsx', 'limit.grid'],
    ['ragged.csv', 'limit.csvGrid'],
  ])('%s is refused by %s, naming the file', async (name, key) => {
    expect(await refusal(readPickedFile(picked(name)))).toEqual({ key, file: name });
  });

  test('the control workbook reads', async () => {
    const wb = await readPickedFile(picked('plain.xlsx'));
    expect(asRows(wb.sheets[0]!).rows).toEqual([
      ['地区', '活产数'],
      ['甲镇', 12],
    ]);
  });
});
