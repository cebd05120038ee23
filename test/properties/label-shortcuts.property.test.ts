import fc from 'fast-check';
import { isGroupLabel } from '../../src/core/read/role-groups';
import { levelOfName } from '../../src/core/read/levels';
import { unitIdentity } from '../../src/core/read/normalize';
import { runs } from '../support/property';

/**
 * Two tests asked of every row of a million-village form answer most rows by a shortcut (the
 * label's first or last character). Whatever the label, the answer must be what the rule itself
 * says. The rules are written out here as they are stated in role-groups.ts and normalize.ts.
 */

// Labels made of the characters the rules turn on, so numbered, coloned, bracketed and office
// names come up often, beside plain village names.
const piece = fc.constantFrom(
  '一、',
  '（二）',
  '(3)',
  '4.',
  '5、',
  '第一部分',
  '十',
  '第',
  '城区',
  '农村',
  '街道',
  '乡镇',
  '镇',
  '乡',
  '村',
  '社区',
  '东',
  '片区',
  '片',
  '部',
  '小计',
  '合计',
  '石门',
  '东风',
  ':',
  '：',
  '人民政府',
  '街道办事处',
  '办事处',
  '(补报)',
  '(更正)',
  ')',
  '府',
  '处',
  '7',
  'A',
);
const label = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));

const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[部分类组])/;
const GROUP_WORD =
  /^(?:城区|城镇|城市|农村|乡村|街道|乡镇|镇|乡|社区|村|城区街道|农村乡镇)(?:部分|合计|小计)?$/;
const AREA_GROUP = /^[东西南北中]?(?:片区|片|区域|部)$|^[^镇乡村街道]{1,4}片区$/;

/** A group label: its bare form (numbering and a final colon taken off) is a group word. */
function groupByRule(key: string): boolean {
  const bare = key.replace(NUMBERING, '').replace(/[:：]$/, '');
  if (bare === '') return false;
  return (
    GROUP_WORD.test(bare) ||
    AREA_GROUP.test(bare) ||
    (bare !== key && levelOfName(bare) === undefined)
  );
}

/** A unit's identity: a note after it dropped, then an office after a place's name. */
function identityByRule(key: string): string {
  let s = key.replace(/\((?:补报|更正|修正|修订|调整后?|重报|补录)\)$/, '');
  const m = /(?:人民政府|街道办事处|办事处)$/.exec(s);
  if (m) {
    const rest = s.slice(0, s.length - m[0].length);
    if (m[0] === '街道办事处' && rest !== '') s = `${rest}街道`;
    else if (/(?:镇|乡|街道|村|社区)$/.test(rest)) s = rest;
  }
  return s === '' ? key : s;
}

describe('shortcuts of the per-row label tests', () => {
  it('isGroupLabel answers as its rule does, for any label', () => {
    fc.assert(
      fc.property(label, (key) => expect(isGroupLabel(key)).toBe(groupByRule(key))),
      runs(3000),
    );
  });

  it('unitIdentity answers as its rule does, for any label', () => {
    fc.assert(
      fc.property(label, (key) => expect(unitIdentity(key)).toBe(identityByRule(key))),
      runs(3000),
    );
  });

  it('the rules themselves, on the forms counties write', () => {
    // By hand: numbered or coloned group headings are groups, villages and towns are not.
    expect(['一、城区', '（二）农村', '东片区', '城区：', '乡镇小计'].map(isGroupLabel)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['村0', '石门镇', '东风村', '城关镇'].map(isGroupLabel)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(unitIdentity('石门镇人民政府')).toBe('石门镇');
    expect(unitIdentity('城东街道办事处')).toBe('城东街道');
    expect(unitIdentity('石门镇(补报)')).toBe('石门镇');
    expect(unitIdentity('县人民政府')).toBe('县人民政府');
  });
});
