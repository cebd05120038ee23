import { fold } from '../read/normalize';

/**
 * The region hierarchy (issue 4): from 12-digit statistical division codes (6 county + 3
 * township + 3 village) or from a region sheet (代码 / 名称 / 上级代码). Every unit that
 * reported gets a node; parents implied by codes are added until the units meet in one root.
 */
export interface RegionNode {
  key: string;
  code?: string;
  name: string;
  parent?: string;
  children: string[];
  /** True when the node came from a region sheet (it is expected to exist). */
  listed: boolean;
}

export interface RegionRow {
  code?: string;
  name: string;
  parent?: string;
}

export const SYNTHETIC_ROOT = '*';

export function unitNameKey(name: string): string {
  return fold(name).replace(/[\s\u00A0\u3000]+/g, '');
}

const CODE12 = /^\d{12}$/;

/** The parent a 12-digit code implies, or undefined at province level. */
export function impliedParent(code: string): string | undefined {
  if (!CODE12.test(code)) return undefined;
  if (code.slice(9) !== '000') return code.slice(0, 9) + '000'; // village → township
  if (code.slice(6, 9) !== '000') return code.slice(0, 6) + '000000'; // township → county
  if (code.slice(4, 6) !== '00') return code.slice(0, 4) + '00000000'; // county → prefecture
  if (code.slice(2, 4) !== '00') return code.slice(0, 2) + '0000000000'; // prefecture → province
  return undefined;
}

export class Hierarchy {
  readonly nodes = new Map<string, RegionNode>();
  private readonly byName = new Map<string, string>();
  root = SYNTHETIC_ROOT;

  /** Build from region-sheet rows and the units seen in the forms. */
  static build(
    listed: readonly RegionRow[],
    seen: readonly RegionRow[],
    rootName: string,
  ): Hierarchy {
    const h = new Hierarchy();
    for (const row of listed) h.add(row, true);
    // Coded rows first, so a unit known by code in one form and by name in another is one node,
    // whatever the order of the sheets.
    for (const row of seen) if (row.code) h.resolve(row);
    for (const row of seen) if (!row.code) h.resolve(row);
    h.link(rootName);
    return h;
  }

  private add(row: RegionRow, listed: boolean): string {
    const key = row.code ? row.code : `n:${unitNameKey(row.name)}`;
    const existing = this.nodes.get(key);
    if (existing) {
      if (listed) existing.listed = true;
      if (!existing.parent && row.parent && row.parent !== key) existing.parent = row.parent;
      return key;
    }
    const node: RegionNode = { key, name: row.name || row.code || key, children: [], listed };
    if (row.code) node.code = row.code;
    if (row.parent && row.parent !== key) node.parent = row.parent;
    this.nodes.set(key, node);
    const nameKey = unitNameKey(node.name);
    if (!this.byName.has(nameKey)) this.byName.set(nameKey, key);
    return key;
  }

  /**
   * The key of a reporting unit: its code when it has one, else the node of the same name,
   * else a new node. Matched by code when a code column exists, else by normalised name.
   */
  resolve(row: RegionRow): string {
    if (row.code) return this.add(row, false);
    const known = this.byName.get(unitNameKey(row.name));
    return known ?? this.add(row, false);
  }

  /** The key a unit would have, without adding it. */
  keyOf(row: RegionRow): string | undefined {
    if (row.code && this.nodes.has(row.code)) return row.code;
    return this.byName.get(unitNameKey(row.name));
  }

  private link(rootName: string): void {
    const isTop = (n: RegionNode) => !n.parent || !this.nodes.has(n.parent);
    // Parents implied by codes, climbing until the coded tops meet (units known only by name
    // do not make the codes climb past their city).
    for (let guard = 0; guard < 8; guard++) {
      const tops = [...this.nodes.values()].filter((n) => n.code && isTop(n));
      if (tops.length <= 1) break;
      let climbed = false;
      for (const top of tops) {
        if (top.parent && !this.nodes.has(top.parent)) {
          this.add({ code: top.parent, name: '' }, false);
          climbed = true;
          continue;
        }
        const up = top.code ? impliedParent(top.code) : undefined;
        if (up) {
          top.parent = up;
          if (!this.nodes.has(up)) this.add({ code: up, name: '' }, false);
          climbed = true;
        }
      }
      if (!climbed) break;
    }
    const tops = [...this.nodes.values()].filter(isTop);
    const coded = tops.filter((n) => n.code);
    if (tops.length === 1 && tops[0]) {
      this.root = tops[0].key;
    } else if (coded.length === 1 && coded[0]) {
      // Units known only by name hang under the one coded top (the city the codes imply).
      const root = coded[0].key;
      this.root = root;
      for (const n of tops) if (n.key !== root) n.parent = root;
    } else {
      this.nodes.set(SYNTHETIC_ROOT, {
        key: SYNTHETIC_ROOT,
        name: rootName,
        children: [],
        listed: false,
      });
      for (const n of tops) n.parent = SYNTHETIC_ROOT;
      this.root = SYNTHETIC_ROOT;
    }
    // A root known only by its code is called by the area's name (never shown as a code).
    const root = this.nodes.get(this.root);
    if (root && (root.name === '' || root.name === root.code)) root.name = rootName;
    for (const n of this.nodes.values()) {
      if (n.parent && n.key !== this.root) this.nodes.get(n.parent)?.children.push(n.key);
    }
    // A parent cycle in a region sheet must not hide units: what the root cannot reach hangs under it.
    const reached = new Set(this.subtree(this.root));
    for (const n of this.nodes.values()) {
      if (reached.has(n.key)) continue;
      const old = n.parent !== undefined ? this.nodes.get(n.parent) : undefined;
      if (old) old.children = old.children.filter((c) => c !== n.key);
      n.parent = this.root;
      this.nodes.get(this.root)?.children.push(n.key);
      for (const k of this.subtree(n.key)) reached.add(k);
    }
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

  /** Nodes from the root down, parents before children, children in insertion order. */
  ordered(): RegionNode[] {
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
    return [...this.nodes.values()]
      .filter((n) => n.listed && !n.children.some((c) => this.nodes.get(c)?.listed))
      .filter((n) => n.key !== this.root)
      .map((n) => n.key);
  }
}
