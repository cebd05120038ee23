import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { t } from '../src/core/messages/index';
import { EXCEL_API_FLOOR } from '../src/excel/host';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor, normaliseBaseUrl } = require('../scripts/manifest.js') as {
  manifestFor: (xml: string, base?: string) => string;
  normaliseBaseUrl: (base?: string) => string;
};

const ROOT = path.resolve(__dirname, '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) =>
    [
      'Override',
      'bt:Override',
      'bt:Image',
      'bt:Url',
      'bt:String',
      'Host',
      'Control',
      'Set',
    ].includes(name),
});
const app = (parser.parse(xml) as { OfficeApp: Node }).OfficeApp;

function at(node: unknown, ...keys: (string | number)[]): unknown {
  let cur = node;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function overrides(node: unknown, tag = 'Override'): Record<string, string> {
  const list = (at(node, tag) ?? []) as Node[];
  return Object.fromEntries(list.map((o) => [String(o['@Locale']), String(o['@Value'])]));
}

/** Every attribute value or text that looks like a URL, namespace declarations aside. */
function urls(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (/^[a-z]+:\/\//i.test(node.trim())) out.push(node.trim());
  } else if (Array.isArray(node)) {
    for (const n of node) urls(n, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@xmlns')) urls(v, out);
  }
  return out;
}

const BASE = 'https://localhost:3000/';
/** Where a URL of the development server comes from in the repository. */
function sourceOf(url: string): string {
  const rel = url.slice(BASE.length);
  if (rel.startsWith('assets/')) return path.join(ROOT, rel);
  return path.join(ROOT, 'src/taskpane', rel);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((v, i) => b[i] === v)) throw new Error(`${file} is not a PNG`);
  if (b.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} has no IHDR first`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const resources = at(app, 'VersionOverrides', 'Resources') as Node;
function resource(kind: string, tag: string): Map<string, Node> {
  const list = (at(resources, kind, tag) ?? []) as Node[];
  return new Map(list.map((n) => [String(n['@id']), n]));
}
const images = resource('bt:Images', 'bt:Image');
const urlIds = resource('bt:Urls', 'bt:Url');
const shortStrings = resource('bt:ShortStrings', 'bt:String');
const longStrings = resource('bt:LongStrings', 'bt:String');

describe('manifest.xml', () => {
  it('is an Excel task pane add-in with an id, a version and document access', () => {
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(app['Id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(app['Version']).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app['ProviderName']).toBeTruthy();
    expect(at(app, 'Hosts', 'Host', 0, '@Name')).toBe('Workbook');
    expect(at(app, 'Hosts', 'Host')).toHaveLength(1);
    expect(app['Permissions']).toBe('ReadWriteDocument');
    expect(at(app, 'Requirements', 'Sets', 'Set', 0, '@Name')).toBe('ExcelApi');
  });

  it('names the add-in in Chinese by default and in English, as the pane does', () => {
    expect(app['DefaultLocale']).toBe('zh-CN');
    const name = app['DisplayName'] as Node;
    expect(name['@DefaultValue']).toBe(t('zh', 'app.name'));
    expect(overrides(name)).toEqual({ 'zh-CN': t('zh', 'app.name'), 'en-US': t('en', 'app.name') });
    expect(overrides(app['Description'])).toEqual({
      'zh-CN': t('zh', 'app.tagline'),
      'en-US': t('en', 'app.tagline'),
    });
    for (const s of [...shortStrings.values(), ...longStrings.values()]) {
      expect(Object.keys(overrides(s, 'bt:Override'))).toEqual(['en-US']);
    }
    for (const s of shortStrings.values())
      expect(String(s['@DefaultValue']).length).toBeLessThanOrEqual(125);
  });

  it('opens the task pane from a ribbon button on the Home tab', () => {
    const overridesNode = app['VersionOverrides'] as Node;
    expect(overridesNode['@xsi:type']).toBe('VersionOverridesV1_0');
    const host = at(overridesNode, 'Hosts', 'Host', 0) as Node;
    expect(host['@xsi:type']).toBe('Workbook');
    const tab = at(host, 'DesktopFormFactor', 'ExtensionPoint', 'OfficeTab') as Node;
    expect(tab['@id']).toBe('TabHome');
    const button = at(tab, 'Group', 'Control', 0) as Node;
    expect(button['@xsi:type']).toBe('Button');
    const action = button['Action'] as Node;
    expect(action['@xsi:type']).toBe('ShowTaskpane');
    const pane = String(at(action, 'SourceLocation', '@resid'));
    expect(at(urlIds.get(pane), '@DefaultValue')).toBe(
      at(app, 'DefaultSettings', 'SourceLocation', '@DefaultValue'),
    );
  });

  it('refers only to resources it defines, with ids of at most 32 characters', () => {
    const defined = new Set([
      ...images.keys(),
      ...urlIds.keys(),
      ...shortStrings.keys(),
      ...longStrings.keys(),
    ]);
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('uses https everywhere, and every page and icon it names exists', () => {
    const all = urls(app);
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) {
      expect(u).toMatch(/^https:\/\//);
      if (u.startsWith(BASE)) expect(existsSync(sourceOf(u))).toBe(true);
    }
    expect(at(app, 'DefaultSettings', 'SourceLocation', '@DefaultValue')).toBe(
      `${BASE}taskpane.html`,
    );
  });

  it('has icons of the sizes it declares', () => {
    const declared: [string, number][] = [
      [String(at(app, 'IconUrl', '@DefaultValue')), 32],
      [String(at(app, 'HighResolutionIconUrl', '@DefaultValue')), 64],
    ];
    const ribbon = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)];
    expect(ribbon.length).toBeGreaterThanOrEqual(3);
    for (const [, size, id] of ribbon) {
      declared.push([String(at(images.get(id ?? ''), '@DefaultValue')), Number(size)]);
    }
    expect(new Set(declared.map(([, s]) => s))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of declared) {
      expect(url.startsWith(`${BASE}assets/`)).toBe(true);
      expect(pngSize(sourceOf(url))).toEqual({ width: size, height: size });
    }
  });
});

describe('manifest.xml for the Excel it admits', () => {
  it('requires the ExcelApi set the pane needs, the one the pane checks at start-up', () => {
    const set = at(app, 'Requirements', 'Sets', 'Set', 0) as Node;
    expect(set['@Name']).toBe('ExcelApi');
    expect(set['@MinVersion']).toBe(EXCEL_API_FLOOR);
  });

  it('points its SupportUrl and LearnMoreUrl at the help page, not at the pane', () => {
    const support = String(at(app, 'SupportUrl', '@DefaultValue'));
    expect(support).toBe(`${BASE}help.html`);
    expect(at(urlIds.get('GetStarted.LearnMoreUrl'), '@DefaultValue')).toBe(`${BASE}help.html`);
    const help = readFileSync(path.join(ROOT, 'src/taskpane/help.html'), 'utf8');
    // The help page says which Excel runs Tally, and that WPS does not.
    expect(help).toContain('Office 2021');
    expect(help).toContain('WPS 表格');
    expect(help).not.toMatch(/<script/i);
  });
});

/**
 * The order and types the manifest schema (OfficeAppManifestV1_1.xsd, TaskPaneApp) gives the
 * children of <OfficeApp>: Office refuses a manifest with an element out of order. Written out
 * here from the schema as Microsoft documents it ("How to find the proper order of manifest
 * elements"); the schema files themselves are not shipped by any package this project installs.
 */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  // TaskPaneApp's extension of OfficeApp:
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'DefaultSettings',
  'Permissions',
];

describe('manifest.xml against the manifest schema’s rules', () => {
  const children = [
    ...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/\n {2}<([A-Za-z]+)[\s>/]/g),
  ].map((m) => m[1] ?? '');

  it('has the children of <OfficeApp> the schema requires, once each and in its order', () => {
    for (const name of REQUIRED) expect(children).toContain(name);
    expect(new Set(children).size).toBe(children.length);
    for (const c of children) expect(OFFICE_APP_ORDER).toContain(c);
    const positions = children.map((c) => OFFICE_APP_ORDER.indexOf(c));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('keeps the schema’s types: GUID id, version, culture names, string and URL lengths', () => {
    expect(app['Id']).toMatch(
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    );
    expect(app['Version']).toMatch(/^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/);
    for (const locale of [...xml.matchAll(/Locale="([^"]+)"/g)].map((m) => m[1] ?? '')) {
      expect(locale).toMatch(/^[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}$|^[a-zA-Z]{2,3}(-[a-zA-Z]{2,3})?$/);
    }
    const name = app['DisplayName'] as Node;
    expect(String(name['@DefaultValue']).length).toBeLessThanOrEqual(125);
    expect(String((app['Description'] as Node)['@DefaultValue']).length).toBeLessThanOrEqual(250);
    for (const s of longStrings.values())
      expect(String(s['@DefaultValue']).length).toBeLessThanOrEqual(250);
    for (const u of urls(app)) expect(u.length).toBeLessThanOrEqual(2048);
    expect([
      'Restricted',
      'ReadDocument',
      'ReadAllDocument',
      'WriteDocument',
      'ReadWriteDocument',
    ]).toContain(app['Permissions']);
  });
});

describe('the manifest for a deployment (TALLY_BASE_URL)', () => {
  it('names the development server unless told otherwise', () => {
    expect(manifestFor(xml, undefined)).toBe(xml);
    expect(manifestFor(xml, '')).toBe(xml);
  });

  it('puts the deployment’s address in every URL and its origin in AppDomain', () => {
    const out = manifestFor(xml, 'https://tongji.example.gov.cn/tally/');
    expect(out).not.toContain('https://localhost');
    const parsed = (parser.parse(out) as { OfficeApp: Node }).OfficeApp;
    expect(at(parsed, 'DefaultSettings', 'SourceLocation', '@DefaultValue')).toBe(
      'https://tongji.example.gov.cn/tally/taskpane.html',
    );
    expect(at(parsed, 'SupportUrl', '@DefaultValue')).toBe(
      'https://tongji.example.gov.cn/tally/help.html',
    );
    expect(at(parsed, 'AppDomains', 'AppDomain')).toBe('https://tongji.example.gov.cn');
    const all = urls(parsed);
    expect(all.length).toBe(urls(app).length);
    for (const u of all) expect(u.startsWith('https://tongji.example.gov.cn')).toBe(true);
    // Ids, names and the rest are unchanged.
    expect(parsed['Id']).toBe(app['Id']);
  });

  it('refuses an address Office would not load, saying what to set', () => {
    expect(() => normaliseBaseUrl('http://tongji.example.gov.cn')).toThrow(/must use https/);
    expect(() => normaliseBaseUrl('tongji.example.gov.cn')).toThrow(/is not a URL/);
    expect(() => normaliseBaseUrl('https://x.cn/?a=1')).toThrow(/plain address/);
    expect(normaliseBaseUrl(' https://x.cn/a/ ')).toBe('https://x.cn/a');
  });
});
