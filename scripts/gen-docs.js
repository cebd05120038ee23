#!/usr/bin/env node
// Generate docs/profile.md from the bundled profile (npm run gen:docs).
//
// The document is the profile's own data written out as Markdown tables — the forms and their
// items with every synonym, the indicators with their formulas and targets, the default rules
// word for word — so it can never disagree with what the engine loads.
// test/core/profile/docs.test.ts calls generateDocs() and fails when docs/profile.md is stale;
// `node scripts/gen-docs.js --check` does the same from the command line.
//
// It reads the JSON files as they are (the schema check is the engine's job, in its own tests);
// a field it does not know is written as JSON rather than dropped.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PROFILE_DIR = path.join(ROOT, 'profiles', 'lianggang-2021-2030');
const OUT = path.join(ROOT, 'docs', 'profile.md');

function readJson(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

/** A table cell: pipes escaped, line breaks as spaces. */
function cell(value) {
  return String(value ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|');
}

/** Inline code that survives a backtick in the text. */
function code(text) {
  const s = cell(text);
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** A table row; a cell given as `{ code }` is written as inline code. */
function row(cells) {
  return `| ${cells.map((c) => (c !== null && typeof c === 'object' ? code(c.code) : cell(c))).join(' | ')} |`;
}

function table(head, rows) {
  return [row(head), row(head.map(() => '---')), ...rows].join('\n');
}

/** A target as the rule a reader checks: `≤ 12`, `range 103–107`, `rising`. */
function targetText(t) {
  switch (t.kind) {
    case 'atMost':
      return `≤ ${t.value}`;
    case 'atLeast':
      return `≥ ${t.value}`;
    case 'below':
      return `< ${t.value}`;
    case 'above':
      return `> ${t.value}`;
    case 'about':
      return t.band === undefined ? `about ${t.value}` : `about ${t.value} (± ${t.band})`;
    case 'range':
      return `range ${t.low}–${t.high}`;
    case 'rising':
    case 'falling':
      return t.kind;
    case 'none':
      return 'none (monitored only)';
    case 'relative': {
      const pct = Math.round(Math.abs(t.change) * 1000) / 10;
      const dir = t.change < 0 ? 'below' : 'above';
      const base = t.baseline === null || t.baseline === undefined ? 'not given' : t.baseline;
      return `relative: ${pct}% ${dir} ${t.baseYear} (baseline ${base})`;
    }
    default:
      return JSON.stringify(t);
  }
}

function formsSection(forms) {
  const out = ['## Forms and items 报表与数据项', ''];
  out.push(
    'Each item: its id, the canonical name the blank template writes, the other headers that',
    'mean it (unit suffixes, widths, brackets and spaces are normalised and not listed), its unit.',
    '',
  );
  for (const f of forms) {
    out.push(`### ${f.id} ${f.name} — ${f.nameEn} (${f.department})`, '');
    out.push(
      table(
        ['id', 'canonical name', 'synonyms', 'unit'],
        f.items.map((i) =>
          row([i.id, i.name, (i.synonyms ?? []).join(', ') || '—', i.unit ?? '人']),
        ),
      ),
      '',
    );
  }
  return out;
}

const OUTLINES = { women: '妇女发展纲要 (women)', children: '儿童发展纲要 (children)' };

function indicatorsSection(indicators) {
  const out = ['## Indicators 指标', ''];
  out.push(
    'value = Σ numerator / Σ denominator × scale, pooled afresh at every level of the hierarchy.',
    '',
  );
  const outlines = [...new Set(indicators.map((i) => i.outline))];
  for (const o of outlines) {
    out.push(`### ${OUTLINES[o] ?? o}`, '');
    out.push(
      table(
        [
          'id',
          '指标',
          'indicator',
          'numerator / denominator',
          'scale, unit',
          'target',
          'dir',
          'domain',
          'department',
          'decimals',
          'verified',
          'source',
        ],
        indicators
          .filter((i) => i.outline === o)
          .map((i) =>
            row([
              i.id,
              i.name,
              i.nameEn,
              `${i.numerator} / ${i.denominator}`,
              `×${i.scale}, ${i.unit}`,
              targetText(i.target),
              i.direction,
              `${i.domain} ${i.domainEn}`,
              i.department,
              i.decimals ?? 2,
              i.verified ? 'yes' : 'no',
              i.source,
            ]),
          ),
      ),
      '',
    );
  }
  const extras = indicators.filter((i) => i.mayExceed100 || i.nextStep);
  if (extras.length > 0) {
    out.push('Notes:', '');
    for (const i of extras) {
      if (i.mayExceed100) out.push(`- ${i.id}: a gross ratio, may exceed 100%.`);
      if (i.nextStep) out.push(`- ${i.id} next step: ${cell(i.nextStep)}`);
    }
    out.push('');
  }
  return out;
}

function rulesSection(rules) {
  const out = ['## Default audit rules 默认审核规则', ''];
  out.push(
    'error = 强制 (must be fixed), warning = 核实 (needs a written explanation). `{[item]}` in a',
    'message is the item’s value in the failing record.',
    '',
  );
  out.push(
    table(
      ['id', 'rule', 'severity', 'scope', 'kind', 'tolerance', 'message', 'message (en)'],
      rules.map((r) =>
        row([
          r.id,
          { code: r.rule },
          r.severity,
          r.scope ?? '—',
          r.kind ?? '—',
          r.tolerance ?? '—',
          r.message ?? '',
          r.messageEn ?? '',
        ]),
      ),
    ),
    '',
  );
  return out;
}

/** The Markdown of a profile folder. */
function generateDocs(dir = PROFILE_DIR) {
  const meta = readJson(dir, 'profile.json');
  const { forms } = readJson(dir, 'forms.json');
  const { indicators } = readJson(dir, 'indicators.json');
  const { rules } = readJson(dir, 'rules.json');
  const rel = path.relative(ROOT, dir).split(path.sep).join('/');
  const lines = [
    `<!-- GENERATED by scripts/gen-docs.js from ${rel}/*.json — do not edit; run npm run gen:docs. -->`,
    '',
    `# Profile ${meta.id}: ${meta.name}`,
    '',
    `${meta.nameEn}, version ${meta.version}. ${forms.length} forms, ` +
      `${forms.reduce((n, f) => n + f.items.length, 0)} items, ${indicators.length} indicators, ` +
      `${rules.length} default rules.`,
    '',
    `- Reporting-unit column headers 填报单位列: ${meta.reportingUnitHeaders.join(', ')}`,
    `- Code column headers 代码列: ${meta.codeHeaders.join(', ') || '—'}`,
    `- Total-row markers 合计行: ${meta.totalMarkers.join(', ')}`,
    '',
    ...formsSection(forms),
    ...indicatorsSection(indicators),
    ...rulesSection(rules),
  ];
  return { markdown: lines.join('\n').replace(/\n+$/, '\n'), path: OUT };
}

module.exports = { generateDocs };

if (require.main === module) {
  const { markdown, path: out } = generateDocs();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== markdown) {
      process.stderr.write(`${path.relative(ROOT, out)} is stale: run npm run gen:docs\n`);
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, markdown);
    process.stdout.write(`wrote ${path.relative(ROOT, out)}\n`);
  }
}
