import type { Cell } from '../../src/core/model/cell';
import { TallyError } from '../../src/core/errors';
import { monitor } from '../../src/core/monitor';
import { defaultIndex, defaultProfile } from '../support/fixtures';

/**
 * A report needs a period. Forms that name none (no year in a title, a sheet or a file name)
 * are refused right after they are recognised: before this, 100,000 villages were audited,
 * pooled and assessed for 30 s, and then refused.
 */
const undated = (): {
  source: string;
  sheets: { name: string; origin: { row: number; col: number }; rows: Cell[][] }[];
}[] => {
  const rows: Cell[][] = [['地区', '活产数', '男婴活产数', '女婴活产数']];
  for (let i = 0; i < 50; i++) rows.push([`村${i}`, 10, 5, 5]);
  return [
    { source: '卫健报表.xlsx', sheets: [{ name: '卫健', origin: { row: 0, col: 0 }, rows }] },
  ];
};

function run(requirePeriod: boolean, period?: string) {
  const stages: string[] = [];
  let error: unknown;
  try {
    monitor({
      workbooks: undated(),
      profile: defaultProfile(),
      index: defaultIndex(),
      lang: 'zh',
      requirePeriod,
      ...(period ? { period } : {}),
      onProgress: (stage) => stages.push(stage),
    });
  } catch (e) {
    error = e;
  }
  return { stages, error };
}

test('a report of forms that name no period is refused before any unit is audited', () => {
  const { stages, error } = run(true);
  expect(error).toBeInstanceOf(TallyError);
  expect((error as TallyError).key).toBe('error.noPeriod');
  expect(stages).toEqual(['read']);
});

test('the same forms go through when the period is given, or when none is needed (validate)', () => {
  expect(run(true, '2025')).toEqual({
    stages: ['read', 'audit', 'assess', 'report'],
    error: undefined,
  });
  expect(run(false)).toEqual({ stages: ['read', 'audit', 'assess', 'report'], error: undefined });
});

test('a report of sheets that hold no form says so first, not that the period is missing', () => {
  let error: unknown;
  try {
    monitor({
      workbooks: [
        {
          source: '说明.xlsx',
          sheets: [{ name: '说明', origin: { row: 0, col: 0 }, rows: [['填报说明']] }],
        },
      ],
      profile: defaultProfile(),
      index: defaultIndex(),
      lang: 'zh',
      requirePeriod: true,
    });
  } catch (e) {
    error = e;
  }
  expect((error as TallyError).key).toBe('error.noForms');
});
