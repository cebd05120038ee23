import { Hierarchy, type RegionNode } from '../../../src/core/rollup/hierarchy';

/**
 * A name names the first unit that has it, as its own name or a former one (曾用名), whatever
 * kind of unit that is: one known only by its name, or one with a code. Expected values follow
 * from that rule, worked out by hand for each order.
 */
function keysOf(listed: Parameters<typeof Hierarchy.build>[0], seen: { name: string }[]) {
  const found: RegionNode[] = [];
  const h = Hierarchy.build(listed, seen, '全部地区', found);
  return { h, keys: found.map((n) => n.key) };
}

describe('the hierarchy finds a unit by name', () => {
  test('a unit known only by its name, listed first, keeps the name from a coded unit after it', () => {
    const { h, keys } = keysOf(
      [{ name: '西山镇' }, { code: '510100001000', name: '西山镇' }],
      [{ name: '西山镇' }, { name: ' 西山镇 ' }],
    );
    expect(keys).toEqual(['n:西山镇', 'n:西山镇']);
    expect(h.keyOf({ name: '西山镇' })).toBe('n:西山镇');
  });

  test('a coded unit listed first keeps the name from a unit known only by it', () => {
    const { h, keys } = keysOf(
      [{ code: '510100001000', name: '西山镇' }, { name: '西山镇' }],
      [{ name: '西山镇' }],
    );
    expect(keys).toEqual(['510100001000']);
    expect(h.keyOf({ name: '西山镇' })).toBe('510100001000');
  });

  test("a former name finds the unit, unless an earlier unit's own name it is", () => {
    const renamed = keysOf(
      [{ code: '510100002000', name: '新城镇', aliases: ['旧城镇'] }],
      [{ name: '旧城镇' }],
    );
    expect(renamed.keys).toEqual(['510100002000']);
    expect(renamed.h.canonicalName('旧城镇')).toBe('新城镇');
    const taken = keysOf(
      [{ name: '旧城镇' }, { code: '510100002000', name: '新城镇', aliases: ['旧城镇'] }],
      [{ name: '旧城镇' }],
    );
    expect(taken.keys).toEqual(['n:旧城镇']);
    expect(taken.h.canonicalName('旧城镇')).toBe('旧城镇');
  });

  test('units seen only by name are one unit per name, and none once taken out', () => {
    const { h, keys } = keysOf([], [{ name: '一村' }, { name: '二村' }, { name: '一村' }]);
    expect(keys).toEqual(['n:一村', 'n:二村', 'n:一村']);
    expect(h.nodes.size).toBe(3); // two villages and the area they make
    h.remove('n:一村');
    expect(h.keyOf({ name: '一村' })).toBeUndefined();
    expect(h.canonicalName('一村')).toBe('一村');
    expect(h.keyOf({ name: '二村' })).toBe('n:二村');
  });
});
