import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ReportDocument } from '../../src/core/output/document';
import { writeDocxBytes } from '../../src/docx/write';
import { BLOCK_STYLES } from '../../src/docx/styles';
import { isTallyDocx } from '../../src/xlsx/file';
import { runCli } from '../support/capture';
import { SAMPLE_2024, SAMPLE_2025 } from '../support/sample';

/**
 * The Word writer against GB/T 9704—2012 (党政机关公文格式): A4 with a 156 × 225 mm text
 * block (天头 37 mm, 订口 28 mm), 2号小标宋 title, 3号仿宋 body of 22 lines, 黑体 and 楷体
 * headings, page numbers "— N —" in 4号宋体, right on odd pages and left on even ones.
 * Twips are 1/1440 inch: 1 mm = 56.69 twips, 1 pt = 20 twips; sizes are in half-points.
 */
const doc: ReportDocument = {
  lang: 'zh',
  title: '甲县2025年妇女儿童发展纲要监测统计评估报告',
  blocks: [
    { kind: 'title', text: '甲县2025年妇女儿童发展纲要监测统计评估报告' },
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: '2025年，甲县纳入监测的两纲指标共2项。' },
    { kind: 'subheading', text: '（一）健康' },
    { kind: 'item', text: '第一条' },
    { kind: 'item', text: '第二条' },
    { kind: 'paragraph', text: '其间的段落' },
    { kind: 'item', text: '又一条' },
    { kind: 'date', text: '2026年3月1日' },
    { kind: 'pageBreak' },
    { kind: 'annexLabel', text: '附件' },
    { kind: 'tableTitle', text: '甲县2025年监测指标汇总表' },
    {
      kind: 'table',
      table: {
        header: ['编号', '指标', '数值'],
        widths: [1, 2, 1],
        align: ['center', 'left', 'right'],
        rows: [
          { kind: 'group', text: '儿童发展纲要' },
          { kind: 'data', cells: ['C02', '婴儿死亡率', '10.00'], strong: [false, false, true] },
        ],
      },
    },
    { kind: 'note', text: '注：数值由分子、分母合计后重新计算。' },
  ],
};

let parts: Record<string, Uint8Array>;
const part = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
/** The XML of one paragraph style in styles.xml. */
const style = (id: string) =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(
    part('word/styles.xml'),
  )?.[0] ?? '';

beforeAll(async () => {
  parts = unzipSync(await writeDocxBytes(doc));
});

test('A4 with the GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right', () => {
  const body = part('word/document.xml');
  // 210 × 297 mm = 11906 × 16838 twips.
  expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const margins = /<w:pgMar [^>]*\/>/.exec(body)?.[0] ?? '';
  // 37 mm = 2098, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474 twips.
  expect(margins).toContain('w:top="2098"');
  expect(margins).toContain('w:bottom="1984"');
  expect(margins).toContain('w:left="1587"');
  expect(margins).toContain('w:right="1474"');
});

test('title 2号小标宋, body 3号仿宋 at 28.95 pt exact indented two characters, headings 黑体 and 楷体', () => {
  const title = style('TallyTitle');
  expect(title).toContain('w:eastAsia="方正小标宋简体"');
  expect(title).toContain('<w:sz w:val="44"/>'); // 22 pt
  expect(title).toContain('<w:jc w:val="center"/>');
  const body = style('TallyBody');
  expect(body).toContain('w:eastAsia="仿宋"');
  expect(body).toContain('<w:sz w:val="32"/>'); // 16 pt
  expect(body).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/); // 28.95 × 20
  expect(body).toContain('w:firstLine="640"'); // two characters of 16 pt
  expect(style('TallyHeading1')).toContain('w:eastAsia="黑体"');
  expect(style('TallyHeading2')).toContain('w:eastAsia="楷体"');
});

test('where a font is missing Word substitutes 黑体 for 小标宋 and 仿宋_GB2312 for 仿宋', () => {
  const fonts = part('word/fontTable.xml');
  expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');
  expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312"/>');
});

test('each block kind is a paragraph of its own style; items numbered 1． 2． afresh after a paragraph', () => {
  const body = part('word/document.xml');
  const paragraphs = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
    .map((m) => m[0])
    .filter((p) => !/TallyTable(Cell|Header)/.test(p)); // the table's own cells
  const seen = paragraphs.map((p) => [
    /<w:pStyle w:val="(\w+)"\/>/.exec(p)?.[1],
    [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  ]);
  expect(seen).toEqual([
    ['TallyTitle', '甲县2025年妇女儿童发展纲要监测统计评估报告'],
    ['TallyHeading1', '一、总体情况'],
    ['TallyBody', '2025年，甲县纳入监测的两纲指标共2项。'],
    ['TallyHeading2', '（一）健康'],
    ['TallyItem', '1．第一条'],
    ['TallyItem', '2．第二条'],
    ['TallyBody', '其间的段落'],
    ['TallyItem', '1．又一条'],
    ['TallyDate', '2026年3月1日'],
    ['TallyAnnex', '附件'],
    ['TallyTableTitle', '甲县2025年监测指标汇总表'],
    ['TallyNote', '注：数值由分子、分母合计后重新计算。'],
  ]);
  // The annex begins a page.
  expect(paragraphs[9]).toContain('<w:pageBreakBefore/>');
  // Every style the table names is defined.
  for (const look of Object.values(BLOCK_STYLES)) expect(style(look.id)).not.toBe('');
});

test('the table: a header row repeated on every page, a programme row across it, 未达标 in bold', () => {
  const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(part('word/document.xml'))?.[0] ?? '';
  const rows = [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  expect(rows).toHaveLength(3);
  expect(rows[0]).toContain('<w:tblHeader/>');
  expect(rows[1]).toContain('<w:gridSpan w:val="3"/>');
  expect(rows[2]).toMatch(/<w:b\/>[\s\S]*10\.00/);
});

test('page numbers — N — in 4号宋体: right on odd pages, left on even pages', () => {
  expect(part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  expect(footers).toHaveLength(2);
  const sides = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(part(f))?.[1]).sort();
  expect(sides).toEqual(['left', 'right']);
  for (const f of footers) {
    expect(part(f)).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
  }
  expect(style('TallyPageNumber')).toContain('w:eastAsia="宋体"');
  expect(style('TallyPageNumber')).toContain('<w:sz w:val="28"/>'); // 14 pt
});

test('the document says Tally wrote it, so the next report may replace it and no other', async () => {
  expect(part('docProps/core.xml')).toContain('<dc:creator>Tally</dc:creator>');
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-docx-'));
  const out = path.join(dir, 'report.docx');
  const args = ['report', SAMPLE_2025, '--prior', SAMPLE_2024, '--docx', out];
  expect((await runCli(...args)).code).toBe(0);
  expect(isTallyDocx(new Uint8Array(readFileSync(out)))).toBe(true);
  expect((await runCli(...args)).code).toBe(0); // its own: replaced
  const mine = path.join(dir, 'mine.docx');
  writeFileSync(mine, readFileSync(out).subarray(0, 100)); // not a document Tally wrote
  const refused = await runCli('report', SAMPLE_2025, '--docx', mine);
  expect(refused.code).toBe(2);
  expect(readFileSync(mine).length).toBe(100);
});
