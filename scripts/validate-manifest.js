#!/usr/bin/env node
'use strict';
/**
 * Validates an add-in manifest against Microsoft's XML schemas for Office add-in manifests
 * (OfficeAppManifestV1_1.xsd and the schemas it imports), offline, with xmllint-wasm (libxml2
 * compiled to WebAssembly: no native build, no network).
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--schemas DIR]
 *
 * The schemas are not in this repository (see test/fixtures/office-manifest-xsd/README.md for
 * where they come from and why). DIR defaults to $TALLY_MANIFEST_XSD_DIR, then to
 * test/fixtures/office-manifest-xsd/. Exits 0 when valid, 1 naming each line and what the
 * schema expected there, 2 when the schemas are missing.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_DIR = path.join(ROOT, 'test', 'fixtures', 'office-manifest-xsd');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';
/** What OfficeAppManifestV1_1.xsd imports, and what a task pane manifest needs. */
const REQUIRED = [
  ROOT_SCHEMA,
  'OfficeAppBasicTypesV1_0.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
];
const CONTENT_OVERRIDES = 'ContentAppVersionOverridesV1_0.xsd';

function schemaDir(dir) {
  return path.resolve(dir ?? process.env.TALLY_MANIFEST_XSD_DIR ?? DEFAULT_DIR);
}

/** The required schema files missing from `dir` (all of them when it does not exist). */
function missingSchemas(dir) {
  const d = schemaDir(dir);
  return REQUIRED.filter((f) => !fs.existsSync(path.join(d, f)));
}

/**
 * Known defects of the copies once published in OfficeDev/office-js-docs-pr (removed in 2020
 * for Microsoft's [MS-OWEMXML] appendix), repaired in memory so either copy compiles in
 * libxml2; Microsoft's own copies need none of it:
 *  - the XML Schema namespace written as https://www.w3.org/2001/XMLSchema (a 2018 link
 *    rewrite), which makes the file no schema at all;
 *  - a lazy quantifier, `{0,3}?`, in the Version pattern, which XSD regular expressions do not
 *    have (.NET accepts it, libxml2 does not);
 *  - an import of ContentAppVersionOverridesV1_0.xsd, never published beside them: when absent,
 *    a stand-in declares that namespace's VersionOverrides element as any content. Only a
 *    content add-in uses it; a task pane manifest is validated the same either way.
 * Returns the files and a note of each repair made.
 */
function loadSchemas(dir) {
  const d = schemaDir(dir);
  const repairs = [];
  const files = fs
    .readdirSync(d)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((fileName) => {
      let text = fs.readFileSync(path.join(d, fileName), 'utf8');
      const fixed = text
        .replace(/(["'])https:\/\/www\.w3\.org\//g, '$1http://www.w3.org/')
        .replace(/\{(\d+),(\d+)\}\?/g, '{$1,$2}');
      if (fixed !== text) repairs.push(fileName);
      text = fixed;
      return { fileName, contents: text };
    });
  const root = files.find((f) => f.fileName === ROOT_SCHEMA);
  if (
    root &&
    root.contents.includes(CONTENT_OVERRIDES) &&
    !files.some((f) => f.fileName === CONTENT_OVERRIDES)
  ) {
    repairs.push(`${CONTENT_OVERRIDES} (stand-in)`);
    files.push({
      fileName: CONTENT_OVERRIDES,
      contents:
        '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<xs:schema elementFormDefault="qualified"' +
        ' targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides"' +
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema">\n' +
        '  <xs:element name="VersionOverrides" type="xs:anyType"/>\n' +
        '</xs:schema>\n',
    });
  }
  return { files, repairs };
}

/**
 * Validates the manifest text against the schemas in `dir`.
 * @returns {Promise<{ valid: boolean, errors: { line: number | null, message: string }[], repairs: string[] }>}
 */
async function validateManifest(xml, { dir, fileName = 'manifest.xml' } = {}) {
  const missing = missingSchemas(dir);
  if (missing.length > 0) {
    throw new Error(
      `the manifest schemas are missing from ${schemaDir(dir)}: ${missing.join(', ')}`,
    );
  }
  const { validateXML } = require('xmllint-wasm');
  const { files, repairs } = loadSchemas(dir);
  const root = files.find((f) => f.fileName === ROOT_SCHEMA);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [root],
    preload: files.filter((f) => f !== root),
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message })),
    repairs,
  };
}

async function main(argv) {
  const args = [...argv];
  let dir;
  const at = args.indexOf('--schemas');
  if (at >= 0) {
    dir = args[at + 1];
    args.splice(at, 2);
  }
  const file = path.resolve(args[0] ?? path.join(ROOT, 'manifest.xml'));
  const missing = missingSchemas(dir);
  if (missing.length > 0) {
    console.error(
      `The manifest schemas are not in ${schemaDir(dir)} (missing: ${missing.join(', ')}).\n` +
        'See test/fixtures/office-manifest-xsd/README.md for where to get them, or pass --schemas DIR.',
    );
    return 2;
  }
  const result = await validateManifest(fs.readFileSync(file, 'utf8'), {
    dir,
    fileName: path.basename(file),
  });
  if (result.repairs.length > 0)
    console.log(`schemas repaired in memory: ${result.repairs.join(', ')}`);
  if (result.valid) {
    console.log(`${file} is valid against the Office add-in manifest schemas`);
    return 0;
  }
  for (const e of result.errors)
    console.error(`${path.basename(file)}:${e.line ?? '?'}: ${e.message}`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 2;
    },
  );
}

module.exports = { validateManifest, missingSchemas, schemaDir, REQUIRED };
