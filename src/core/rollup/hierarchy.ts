import { KeyMap } from '../model/key-map';
import { levelOfCode, levelOfName, levelRank, type Level } from '../read/levels';
import { squeeze, unitIdentity } from '../read/normalize';
import type { TableArea } from '../read/labels';

/**
 * The region hierarchy (issue 4): from 12-digit statistical division codes (6 county + 3
 * township + 3 village) or from a region sheet (代码 / 名称 / 上级代码). Every unit that
 * reported gets a node; parents implied by codes are added until the units meet in one root.
 */
export interface RegionNode {
  key: string;
  /** The node's number in its hierarchy, from 0, never given again (`Hierarchy.idCount`). */
  id: number;
  code?: string;
  name: string;
  parent?: string;
  /** Keys of the nodes under it; a leaf shares one frozen empty list (a million villages). */
  children: string[];
  /** True when the node came from a region sheet (it is expected to exist). */
  listed: boolean;
  /** Former names (the region sheet's 曾用名), by which last year's forms may name it. */
  aliases?: string[];
}

export interface RegionRow {
  code?: string;
  name: string;
  /** The parent's code (or key). */
  parent?: string;
  /** The parent's name, for a row with no code under a region named in the same form. */
  parentName?: string;
  aliases?: string[];
}

/**
 * Seen rows `start` to `end` (exclusive) are one table's, whose lines name `areas` (its
 * 填报单位, its title's township, its sheet's name: labels.ts `tableAreas`).
 */
export interface TableRange {
  start: number;
  end: number;
  areas: readonly TableArea[];
}

export const SYNTHETIC_ROOT = '*';

/** The children of every leaf: shared, so frozen (a push would throw, never leak into others). */
const NO_CHILDREN = Object.freeze([]) as unknown as string[];

/** Put `child` under `parent`, giving a leaf a list of its own first. */
function adopt(parent: RegionNode | undefined, child: string): void {
  if (!parent) return;
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/** A node's level: by its division code, else by its name's ending. */
export function levelOfNode(node: Pick<RegionNode, 'code' | 'name'>): Level | undefined {
  return (node.code ? levelOfCode(node.code) : undefined) ?? levelOfName(node.name);
}

/** Whether `node` may lie under `area`: never at or above its level, when both levels are known. */
function finer(node: RegionNode, area: RegionNode): boolean {
  const a = levelOfNode(area);
  const n = levelOfNode(node);
  return a === undefined || n === undefined || levelRank(a) < levelRank(n);
}

/**
 * The last name `townshipStem` was asked for and its stem: a township's villages come
 * together, so a million villages under ten thousand townships ask for each stem a hundred
 * times in a row. A pure function's memo of one entry, so nothing depends on what it holds.
 */
let lastStemOf: string | undefined;
let lastStem = '';

/** A township's name as forms vary it, reduced to its stem: 石门镇人民政府, 石门镇, 石门 → 石门. */
function townshipStem(name: string): string {
  if (name === lastStemOf) return lastStem;
  lastStem = stemOf(name);
  lastStemOf = name;
  return lastStem;
}

function stemOf(name: string): string {
  const s = unitNameKey(name)
    .replace(/(人民政府|政府|街道办事处|街道办|办事处|党委|党工委)$/, '')
    .replace(/(民族乡|街道|镇|乡)$/, '');
  return s === '' ? unitNameKey(name) : s;
}

/** A unit's name as the hierarchy keys it: squeezed, the office after it dropped (unitIdentity). */
export function unitNameKey(name: string): string {
  return unitIdentity(squeeze(name));
}

// Constants, not literals: a literal is a new object each time it is evaluated (each coded row).
const CODE12 = /^\d{12}$/;
const CODE9 = /^\d{9}$/;
const CODE6 = /^\d{6}$/;

/**
 * The parent a division code implies, or undefined at province level. A 12-digit code's
 * parent is 12 digits; a 9-digit township code's is its 6-digit county.
 */
export function impliedParent(code: string): string | undefined {
  if (CODE9.test(code)) return code.slice(6) === '000' ? undefined : code.slice(0, 6);
  if (CODE6.test(code)) {
    if (code.slice(4) !== '00') return code.slice(0, 4) + '00';
    return code.slice(2, 4) !== '00' ? code.slice(0, 2) + '0000' : undefined;
  }
  if (!CODE12.test(code)) return undefined;
  if (code.slice(9) !== '000') return code.slice(0, 9) + '000'; // village → township
  if (code.slice(6, 9) !== '000') return code.slice(0, 6) + '000000'; // township → county
  if (code.slice(4, 6) !== '00') return code.slice(0, 4) + '00000000'; // county → prefecture
  if (code.slice(2, 4) !== '00') return code.slice(0, 2) + '0000000000'; // prefecture → province
  return undefined;
}

/** How alike two unit names are: shared characters over all (Dice), 0 to 1. */
export function nameSimilarity(a: string, b: string): number {
  const x = [...unitNameKey(a)];
  const y = [...unitNameKey(b)];
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const c of y) pool.set(c, (pool.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of x) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(c, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

export class Hierarchy {
  /** By key. `values()` is a fresh array each time: a caller may add nodes while it walks it. */
  readonly nodes = new KeyMap<RegionNode>();
  /**
   * Nodes by normalised name and former names: the first node of each name, as `named()` reads
   * it. A unit known only by its name, the first of that name, is not written here: its key
   * (`n:` and the name) finds it in `nodes`, so a million villages make one Map, not two.
   */
  private readonly byName = new KeyMap<RegionNode>();
  private anyListed: boolean | undefined;
  private listedNames: string[] | undefined;
  /** Nodes no form or region sheet named: parents implied by codes. */
  private readonly implied = new Set<string>();
  private serial = 0;
  root = SYNTHETIC_ROOT;

  /** One more than the highest node id given so far: the size of an array indexed by id. */
  get idCount(): number {
    return this.serial;
  }

  /** Build from region-sheet rows and the units seen in the forms. */
  static build(
    listed: readonly RegionRow[],
    seen: readonly RegionRow[],
    rootName: string,
    /** Filled with each seen row's node, so the caller need not resolve the rows again. */
    found?: RegionNode[],
    /** The tables the seen rows come from, with the regions each names. */
    ranges: readonly TableRange[] = [],
  ): Hierarchy {
    const h = new Hierarchy();
    h.nodes.reserve(listed.length + seen.length);
    found ??= [];
    for (const row of listed) h.add(row, true);
    // Coded rows first, so a unit known by code in one form and by name in another is one node,
    // whatever the order of the sheets.
    seen.forEach((row, i) => {
      if (!row.code) return;
      const node = h.resolveNode(row);
      if (found) found[i] = node;
    });
    seen.forEach((row, i) => {
      if (row.code) return;
      const node = h.resolveNode(row);
      if (found) found[i] = node;
    });
    // Parents named in a form (a township above its villages), once every node is known. The
    // rows of one township come together: its key is resolved once per run of them (resolving
    // a name again finds the node the first call found or made, and nothing here renames one).
    let lastName: string | undefined;
    let lastParent = '';
    seen.forEach((row, i) => {
      if (!row.parentName) return;
      const node = found[i];
      if (!node || (node.parent && node.listed)) return;
      if (row.parentName !== lastName) {
        lastParent = h.resolve({ name: row.parentName });
        lastName = row.parentName;
      }
      if (lastParent !== node.key) node.parent = lastParent;
    });
    h.placeInAreas(seen, found, ranges);
    h.link(rootName);
    return h;
  }

  /**
   * Rows with no parent of their own hang under the region their table names (`areas`): a
   * unit that reported elsewhere (the township of a county's form, above the villages of its
   * own file or sheet), or a township a file of villages is titled by. So a township is never
   * pooled beside its own villages, and a per-township target sees the township.
   */
  private placeInAreas(
    seen: readonly RegionRow[],
    nodes: readonly (RegionNode | undefined)[],
    ranges: readonly TableRange[],
  ): void {
    const free = (row: RegionRow) => !row.code && !row.parent && !row.parentName;
    for (const { start, end, areas } of ranges) {
      let first = start;
      while (first < end && !free(seen[first] as RegionRow)) first++;
      if (first >= end) continue;
      // A region the table names is outside it, never one of its own rows (赞皇 in
      // 填报单位：赞皇县卫生健康局 over 赞皇, 院头, …): its nodes listed only when one is named.
      let own: Set<RegionNode | undefined> | undefined;
      const inTable = (node: RegionNode) => (own ??= new Set(nodes.slice(start, end))).has(node);
      const area = this.areaParent(areas, seen[first] as RegionRow, inTable);
      if (!area) continue;
      for (let i = first; i < end; i++) {
        const node = nodes[i];
        if (!free(seen[i] as RegionRow) || !node) continue;
        if (node.parent || node.code || node === area || !finer(node, area)) continue;
        node.parent = area.key;
      }
    }
  }

  /**
   * The region `areas` names: a node by that name, or one its 填报单位 starts with that is
   * named with its level (`甲镇` of `甲镇卫生院`), never one of the table's own units; else a
   * township made for rows that are villages by name.
   */
  private areaParent(
    areas: readonly TableArea[],
    row: RegionRow,
    inTable: (node: RegionNode) => boolean,
  ): RegionNode | undefined {
    const usable = (node: RegionNode | undefined, prefix: boolean) =>
      node && (!prefix || levelOfNode(node) !== undefined) && !inTable(node) ? node : undefined;
    for (const { name, prefix } of areas) {
      const s = unitNameKey(name);
      for (let n = s.length; n >= (prefix ? 2 : s.length) && n > 0; n--) {
        const node = usable(this.named(s.slice(0, n)), prefix);
        if (node) return node;
      }
    }
    // No unit of that name reported: a township only, above rows that are villages by name.
    if (levelOfName(row.name) !== 'village') return undefined;
    for (const { name, prefix } of areas) {
      const s = unitNameKey(name);
      for (let n = s.length; n >= (prefix ? 2 : s.length) && n > 0; n--) {
        const head = s.slice(0, n);
        if (levelOfName(head) === 'township') return this.add({ name: head }, false);
      }
    }
    return undefined;
  }

  /** `unnamed`: resolve() has just found no node by this name (one Map lookup fewer per unit). */
  private add(
    row: RegionRow,
    listed: boolean,
    nameKey = unitNameKey(row.name),
    unnamed = false,
    key = row.code ? row.code : `n:${nameKey}`,
  ): RegionNode {
    const existing = unnamed ? undefined : this.nodes.get(key);
    this.orderedCache = undefined;
    this.anyListed = undefined;
    this.listedNames = undefined;
    if (existing) {
      if (listed) existing.listed = true;
      if (!existing.parent && row.parent && row.parent !== key) existing.parent = row.parent;
      return existing;
    }
    // Every field in the literal, set or undefined: one shape for every node, and no property
    // store added to each of a million when link() gives it its parent.
    const node: RegionNode = {
      key,
      id: this.serial++,
      code: row.code ? row.code : undefined,
      name: row.name || row.code || key,
      parent: row.parent && row.parent !== key ? row.parent : undefined,
      children: NO_CHILDREN,
      listed,
      aliases: row.aliases && row.aliases.length > 0 ? [...row.aliases] : undefined,
    };
    this.nodes.set(key, node);
    const own = node.name === row.name ? nameKey : unitNameKey(node.name);
    // Found by its key: a node known only by its own (non-empty) name, first of that name.
    const byKey = !node.code && own === nameKey && own !== '';
    if (!byKey && ((unnamed && own === nameKey) || !this.named(own))) this.byName.set(own, node);
    if (node.aliases)
      for (const alias of node.aliases) {
        const k = unitNameKey(alias);
        if (!this.named(k)) this.byName.set(k, node);
      }
    return node;
  }

  /**
   * The key of a reporting unit: its code when it has one, else the node of the same name,
   * else a new node. Matched by code when a code column exists, else by normalised name.
   */
  resolve(row: RegionRow): string {
    return this.resolveNode(row).key;
  }

  /** `resolve()`'s node. */
  resolveNode(row: RegionRow): RegionNode {
    if (row.code) return this.add(row, false);
    const nameKey = unitNameKey(row.name);
    if (row.parentName !== undefined) {
      // Named within its region (a village under its township): the node of that name under
      // that region, else the first of the name if it has no other parent, else its own.
      const stem = townshipStem(row.parentName);
      const inArea = `n:${stem}/${nameKey}`;
      const own = this.nodes.get(inArea) ?? this.listedIn(stem, nameKey);
      if (own) return own;
      const first = this.named(nameKey, `n:${nameKey}`);
      if (!first) {
        const node = this.add(row, false, nameKey, true, `n:${nameKey}`);
        this.areaOf.set(node, townshipStem(row.parentName));
        return node;
      }
      if (!first.code && this.sameArea(first, row.parentName)) return first;
      return this.add(row, false, nameKey, true, inArea);
    }
    // The key made once, for the look-up and the new node (a million villages, a million keys).
    const key = `n:${nameKey}`;
    return this.named(nameKey, key) ?? this.add(row, false, nameKey, true, key);
  }

  /**
   * The node a normalised name names: the first node of that name, or of that former name.
   * `key`: the name's node key (`n:` and the name), when the caller has made it.
   */
  private named(nameKey: string, key?: string): RegionNode | undefined {
    return (
      this.byName.get(nameKey) ??
      (nameKey === '' ? undefined : this.nodes.get(key ?? `n:${nameKey}`))
    );
  }

  /**
   * A listed node (a region sheet's, with a code) of this name under a region of this stem: the
   * region sheet's 东村 of 乙镇 for a form's `乙镇 | 东村`. Indexed once, when first asked.
   */
  private listedIn(stem: string, nameKey: string): RegionNode | undefined {
    if (!this.listedByArea) {
      const index = new Map<string, RegionNode | null>();
      this.nodes.each((n) => {
        if (!n.listed || n.parent === undefined) return;
        const parent = this.nodes.get(n.parent);
        if (!parent) return;
        const key = `${townshipStem(parent.name)}/${unitNameKey(n.name)}`;
        // Two of one name under one region: neither is chosen by the name.
        index.set(key, index.has(key) ? null : n);
      });
      this.listedByArea = index;
    }
    return this.listedByArea.get(`${stem}/${nameKey}`) ?? undefined;
  }

  private listedByArea: Map<string, RegionNode | null> | undefined;

  /** Whether `node` lies in the region named `area`, or in none yet (so it may be placed there). */
  private sameArea(node: RegionNode, area: string): boolean {
    const seenIn = this.areaOf.get(node);
    const stem = townshipStem(area);
    if (seenIn === undefined) {
      this.areaOf.set(node, stem);
      return true;
    }
    // 石门, 石门镇 and 石门镇人民政府 are one township: compared by their stems.
    return seenIn === stem || seenIn.startsWith(stem) || stem.startsWith(seenIn);
  }

  /** The region (its stem) each node known by name was first named in (a `乡镇 | 村` form's township). */
  private readonly areaOf = new Map<RegionNode, string>();

  /** The key a unit would have, without adding it. */
  keyOf(row: RegionRow): string | undefined {
    if (row.code && this.nodes.has(row.code)) return row.code;
    return this.named(unitNameKey(row.name))?.key;
  }

  private link(rootName: string): void {
    this.orderedCache = undefined;
    const isTop = (n: RegionNode) => !n.parent || !this.nodes.has(n.parent);
    // A parent given by its code (a unit's implied township, the county a partial code list
    // implies) is a node, so units under it are siblings and none of them becomes the area.
    // Walked in place (`each`): the nodes added are parents with codes, not visited.
    this.nodes.each((n) => {
      if (n.parent && !this.nodes.has(n.parent) && levelOfCode(n.parent))
        this.implied.add(this.add({ code: n.parent, name: '' }, false).key);
    });
    // Parents implied by codes, climbing until the coded tops meet (units known only by name
    // do not make the codes climb past their city).
    for (let guard = 0; guard < 8; guard++) {
      const tops = this.filtered((n) => n.code !== undefined && isTop(n));
      if (tops.length <= 1) break;
      let climbed = false;
      for (const top of tops) {
        if (top.parent && !this.nodes.has(top.parent)) {
          this.implied.add(this.add({ code: top.parent, name: '' }, false).key);
          climbed = true;
          continue;
        }
        const up = top.code ? impliedParent(top.code) : undefined;
        if (up) {
          top.parent = up;
          if (!this.nodes.has(up)) this.implied.add(this.add({ code: up, name: '' }, false).key);
          climbed = true;
        }
      }
      if (!climbed) break;
    }
    const tops = this.filtered(isTop);
    const coded = tops.filter((n) => n.code);
    if (tops.length === 1 && tops[0]) {
      this.root = tops[0].key;
    } else if (coded.length === 1 && coded[0] && this.implied.has(coded[0].key)) {
      // Units known only by name hang under the one coded top the codes imply (the city), never
      // under a unit that reported: one township's code does not make it the area.
      const root = coded[0].key;
      this.root = root;
      for (let k = 0; k < tops.length; k++) {
        const n = tops[k] as RegionNode;
        if (n.key !== root) n.parent = root;
      }
    } else {
      this.nodes.set(SYNTHETIC_ROOT, {
        key: SYNTHETIC_ROOT,
        id: this.serial++,
        name: rootName,
        children: [],
        listed: false,
      });
      for (let k = 0; k < tops.length; k++) (tops[k] as RegionNode).parent = SYNTHETIC_ROOT;
      this.root = SYNTHETIC_ROOT;
    }
    // A root known only by its code is called by the area's name (never shown as a code).
    const root = this.nodes.get(this.root);
    if (root && (root.name === '' || root.name === root.code)) root.name = rootName;
    // Siblings mostly come together (a township's villages): the parent looked up once per run.
    let lastKey: string | undefined;
    let last: RegionNode | undefined;
    this.nodes.each((n) => {
      if (!n.parent || n.key === this.root) return;
      if (n.parent !== lastKey) {
        lastKey = n.parent;
        last = this.nodes.get(n.parent);
      }
      adopt(last, n.key);
    });
    // A parent cycle in a region sheet must not hide units: what the root cannot reach hangs under it.
    // Every node is in one children list at most and the root in none, so the walk is a tree.
    if (this.allReach()) return;
    const reached = new Set(this.subtree(this.root));
    for (const n of this.nodes.values()) {
      if (reached.has(n.key)) continue;
      const old = n.parent !== undefined ? this.nodes.get(n.parent) : undefined;
      if (old) old.children = old.children.filter((c) => c !== n.key);
      n.parent = this.root;
      adopt(this.nodes.get(this.root), n.key);
      for (const k of this.subtree(n.key)) reached.add(k);
    }
  }

  /** The nodes that pass `keep`, without a copy of every node first. */
  private filtered(keep: (n: RegionNode) => boolean): RegionNode[] {
    const out: RegionNode[] = [];
    this.nodes.each((n) => {
      if (keep(n)) out.push(n);
    });
    return out;
  }

  /**
   * A unit the region sheet expects: listed itself, or under a listed unit that has no listed
   * units below it (a village form under a sheet that lists townships). True without a sheet.
   */
  isExpected(key: string): boolean {
    // Whether the sheet lists any unit, asked once per unit row: worked out once.
    this.anyListed ??= this.nodes.values().some((n) => n.listed);
    if (!this.anyListed) return true;
    const node = this.nodes.get(key);
    if (!node) return false;
    if (node.listed) return true;
    const seen = new Set<string>();
    for (let p = node.parent; p !== undefined && !seen.has(p); p = this.nodes.get(p)?.parent) {
      seen.add(p);
      const up = this.nodes.get(p);
      if (!up) return false;
      if (up.listed) return !up.children.some((c) => this.nodes.get(c)?.listed);
    }
    return false;
  }

  /** Listed units whose names are like `name` ("是否应为 …？"), best first. */
  similar(name: string, most = 2): string[] {
    // The candidates once, not a pass over every node for each unlisted row.
    this.listedNames ??= this.nodes
      .values()
      .filter((n) => n.listed && n.key !== this.root)
      .map((n) => n.name);
    return this.listedNames
      .map((n) => ({ name: n, score: nameSimilarity(name, n) }))
      .filter((c) => c.score >= 0.5)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, most)
      .map((c) => c.name);
  }

  /** Take a node out (a unit set aside): no level lists or pools it. */
  remove(key: string): void {
    const node = this.nodes.get(key);
    if (!node || key === this.root) return;
    const parent = node.parent === undefined ? undefined : this.nodes.get(node.parent);
    if (parent) parent.children = parent.children.filter((c) => c !== key);
    this.nodes.delete(key);
    this.orderedCache = undefined;
    // The names add() gave it (a node removed is never the renamed root).
    for (const name of [node.name, ...(node.aliases ?? [])].map(unitNameKey))
      if (this.byName.get(name) === node) this.byName.delete(name);
    this.anyListed = undefined;
    this.listedNames = undefined;
  }

  /** The current name of a unit, by its own name or a former one (曾用名). */
  canonicalName(name: string): string {
    return this.named(unitNameKey(name))?.name ?? name;
  }

  /** Give the whole area a name of the user's choosing (`--region`). */
  rename(key: string, name: string): void {
    const n = this.nodes.get(key);
    if (n) n.name = name;
  }

  node(key: string): RegionNode | undefined {
    return this.nodes.get(key);
  }

  name(key: string): string {
    return this.nodes.get(key)?.name ?? key;
  }

  /**
   * Whether every node's parents lead to the root (no cycle hides any). Each chain is followed
   * only until it meets a node already known to lead there, so a village costs one look-up of
   * its township.
   */
  private allReach(): boolean {
    const ok = new Set<string>([this.root]);
    let all = true;
    this.nodes.each((n) => {
      if (!all || n.key === this.root || n.parent === this.root) return;
      const chain: string[] = [];
      let p = n.parent;
      while (p !== undefined && !ok.has(p)) {
        if (chain.length > this.nodes.size) {
          all = false;
          return;
        }
        chain.push(p);
        p = this.nodes.get(p)?.parent;
      }
      if (p === undefined) all = false;
      else for (const k of chain) ok.add(k);
    });
    return all;
  }

  /** Every key at or under `key`. */
  subtree(key: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [key];
    while (stack.length > 0) {
      const k = stack.pop() as string;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(k);
      const n = this.nodes.get(k);
      // One push per child: spreading 200,000 children overflows the call stack.
      if (n) for (const child of n.children) stack.push(child);
    }
    return out;
  }

  /** `ordered()`'s list, kept until a node is added, removed or moved. */
  private orderedCache: RegionNode[] | undefined;

  /** Nodes from the root down, parents before children, children in insertion order. */
  ordered(): RegionNode[] {
    this.orderedCache ??= this.walkOrdered();
    return this.orderedCache.slice();
  }

  private walkOrdered(): RegionNode[] {
    const out: RegionNode[] = [];
    const seen = new Set<string>();
    const visit = (k: string) => {
      const n = this.nodes.get(k);
      if (!n || seen.has(k)) return;
      seen.add(k);
      out.push(n);
      for (const c of n.children) visit(c);
    };
    visit(this.root);
    return out;
  }

  /** The listed nodes without listed children: the units a region sheet expects to report. */
  expectedLeaves(): string[] {
    return this.nodes
      .values()
      .filter((n) => n.listed && !n.children.some((c) => this.nodes.get(c)?.listed))
      .filter((n) => n.key !== this.root)
      .map((n) => n.key);
  }
}
