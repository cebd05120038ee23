import { readFileSync } from 'node:fs';
import * as path from 'node:path';
interface SchemaCheck {
  validateManifest: (
    xml: string,
    opts?: { dir?: string },
  ) => Promise<{
    valid: boolean;
    errors: { line: number | null; message: string }[];
    repairs: string[];
  }>;
  missingSchemas: (dir?: string) => string[];
  schemaDir: (dir?: string) => string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const check = require('../scripts/validate-manifest.js') as SchemaCheck;
const { validateManifest, missingSchemas, schemaDir } = check;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require('../scripts/manifest.js') as {
  manifestFor: (xml: string, base?: string) => string;
};

/**
 * manifest.xml against Microsoft's XML schemas of the add-in manifest (OfficeAppManifestV1_1.xsd
 * and what it imports), validated by libxml2 (xmllint-wasm). The schemas are looked for in
 * $TALLY_MANIFEST_XSD_DIR or test/fixtures/office-manifest-xsd/ (its README says where they
 * come from); without them these tests are skipped, and test/manifest.test.ts's structural
 * checks stand in.
 */

const ROOT = path.resolve(__dirname, '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const missing = missingSchemas();
const withSchemas = missing.length === 0 ? describe : describe.skip;
if (missing.length > 0) {
  console.warn(
    `manifest schema tests skipped: ${missing.join(', ')} not in ${schemaDir()} (see test/fixtures/office-manifest-xsd/README.md)`,
  );
}

jest.setTimeout(60_000);

withSchemas('manifest.xml against Microsoft’s manifest schemas', () => {
  it('is valid as it is (the development server’s URLs)', async () => {
    const result = await validateManifest(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is valid as TALLY_BASE_URL makes it for a deployment', async () => {
    const deployed = manifestFor(xml, 'https://tongji.example.gov.cn/tally/');
    expect(deployed).not.toBe(xml);
    const result = await validateManifest(deployed);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('would catch an element out of the schema’s order, naming the line', async () => {
    // <Permissions> moved before <Version>: Office refuses such a manifest.
    const permissions = '  <Permissions>ReadWriteDocument</Permissions>\n';
    expect(xml).toContain(permissions);
    const moved = xml
      .replace(permissions, '')
      .replace(/(\n {2}<Version>)/, `\n${permissions.trimEnd()}$1`);
    const line = moved.split('\n').findIndex((l) => l.includes('<Permissions>')) + 1;
    const result = await validateManifest(moved);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.line).toBe(line);
    expect(result.errors[0]?.message).toMatch(/Permissions.*not expected.*Version/);
  });

  it('would catch a display name over the schema’s 125 characters and a resource id over 32', async () => {
    const long = xml.replace(
      /<DisplayName DefaultValue="[^"]*"/,
      `<DisplayName DefaultValue="${'统'.repeat(126)}"`,
    );
    const longResult = await validateManifest(long);
    expect(longResult.valid).toBe(false);
    expect(longResult.errors[0]?.message).toMatch(
      /DisplayName', attribute 'DefaultValue': \[facet 'maxLength'\].*'126'.*'125'/,
    );

    const id = xml.match(/<bt:Url id="([^"]+)"/)?.[1] ?? '';
    expect(id).not.toBe('');
    const longId = `${id}${'X'.repeat(33 - id.length)}`;
    const badId = xml.split(`"${id}"`).join(`"${longId}"`);
    const idResult = await validateManifest(badId);
    expect(idResult.valid).toBe(false);
    expect(idResult.errors[0]?.message).toContain(
      `The value '${longId}' has a length of '33'; this exceeds the allowed maximum length of '32'`,
    );
  });
});
