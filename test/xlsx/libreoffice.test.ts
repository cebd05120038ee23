import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../support/capture';
import { SAMPLE_2024, SAMPLE_2025 } from '../support/sample';

/**
 * The report as a reader gets it: report.xlsx and report.docx of the bundled sample converted
 * to PDF by LibreOffice (one start-up for both files), then read back with poppler's
 * pdfinfo, pdftotext and pdftoppm. Skipped, with a message, only where LibreOffice is absent
 * and CI is not set; CI installs it (.ci/run).
 */
function has(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = has('soffice') && has('pdftotext') && has('pdftoppm') && has('pdfinfo');
if (!available && process.env['CI']) {
  throw new Error('CI must have LibreOffice and poppler-utils (soffice, pdftotext): see .ci/run');
}
if (!available) {
  console.warn('LibreOffice or poppler-utils not found: the print and Word tests are skipped.');
}
const suite = available ? describe : describe.skip;

const dir = mkdtempSync(path.join(tmpdir(), 'tally-lo-'));
const file = (name: string) => path.join(dir, name);
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', timeout: 240_000 });
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
/** A page's text laid out as printed, or (`raw`) in the order it was drawn. */
const pageText = (pdf: string, page: number, mode: 'layout' | 'raw' = 'layout') =>
  run('pdftotext', ['-f', String(page), '-l', String(page), `-${mode}`, pdf, '-']);

/** The pages of a PDF whose header names a sheet (the page header's centre is its name). */
function pagesOf(pdf: string, sheet: string): { page: number; text: string }[] {
  const out: { page: number; text: string }[] = [];
  for (let p = 1; p <= pageCount(pdf); p++) {
    const text = pageText(pdf, p);
    if ((text.split('\n')[0] ?? '').includes(sheet)) out.push({ page: p, text });
  }
  return out;
}

/** Pixels of a page rendered by pdftoppm (binary PPM) within `tolerance` of a colour. */
function pixelsOf(pdf: string, page: number, rgb: [number, number, number], tolerance = 16) {
  const ppm = execFileSync(
    'pdftoppm',
    ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', pdf],
    { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  // "P6\n<width> <height>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (
      Math.abs((ppm[i] ?? 0) - rgb[0]) <= tolerance &&
      Math.abs((ppm[i + 1] ?? 0) - rgb[1]) <= tolerance &&
      Math.abs((ppm[i + 2] ?? 0) - rgb[2]) <= tolerance
    )
      n++;
  }
  return n;
}

const xlsxPdf = file('report.pdf');
const docxPdf = file('report-doc.pdf');

suite('the report printed and as a Word document (LibreOffice)', () => {
  beforeAll(async () => {
    const r = await runCli(
      'report',
      SAMPLE_2025,
      '--prior',
      SAMPLE_2024,
      '--out',
      file('report.xlsx'),
      '--docx',
      file('report-doc.docx'),
    );
    expect(r.code).toBe(0);
    const profile = `file://${file('lo-profile')}`;
    run('soffice', [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file('report.xlsx'),
      file('report-doc.docx'),
    ]);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('指标汇总 prints one page wide: every page has the header row from 纲要 to 小数字', () => {
    const pages = pagesOf(xlsxPdf, '指标汇总');
    // 27 indicator rows fit one landscape page; the domain table and its chart begin the
    // second (a manual break). Before the print settings it took 4 pages, 2 of them wide.
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    for (const { page, text } of pages) {
      // Print titles: the header row is repeated on page 2, whole.
      for (const h of ['纲要', '指标', '数值', '目标', '达标情况', '小数字']) {
        expect(text).toContain(h);
      }
      // The internal columns are collapsed: not printed.
      expect(text).not.toContain('目标已核对');
      // The footer numbers the pages of the whole workbook.
      expect(pageText(xlsxPdf, page, 'raw')).toContain(`第 ${page} 页，共 `);
      // The header names the region and the period.
      expect(text.split('\n')[0]).toContain('青川市');
      expect(text.split('\n')[0]).toContain('2025年');
    }
    const first = pages[0]?.text ?? '';
    for (const id of ['W01', 'W11', 'C01', 'C16']) expect(first).toContain(id);
  });

  test('分单位指标 prints one page wide too, from the first indicator to the last', () => {
    const pages = pagesOf(xlsxPdf, '分单位指标');
    expect(pages.length).toBeGreaterThan(0);
    for (const { text } of pages) {
      expect(text).toContain('W01');
      expect(text).toContain('C16');
    }
    // Every township of the sample is a row.
    const all = pages.map((p) => p.text).join('\n');
    for (const unit of ['城东街道', '大坪镇', '高峰乡']) expect(all).toContain(unit);
  });

  test('print titles are defined: the header rows and the name columns of both sheets', () => {
    const files = unzipSync(new Uint8Array(readFileSync(file('report.xlsx'))));
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    const titles = [
      ...workbook.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)</g),
    ].map((m) => (m[1] ?? '').replace(/&apos;/g, "'"));
    // Summary: indicator columns A–D, header row 5. By unit: unit column A, header rows 3–5.
    expect(titles).toEqual([
      "'指标汇总'!$A:$D,'指标汇总'!$5:$5",
      "'分单位指标'!$A:$A,'分单位指标'!$3:$5",
    ]);
  });

  test('the chart part is in the workbook, referenced, and LibreOffice draws it', () => {
    const files = unzipSync(new Uint8Array(readFileSync(file('report.xlsx'))));
    expect(files['xl/charts/chart1.xml']).toBeDefined();
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toMatch(
      /<drawing r:id="rId\d+"\/>/,
    );
    expect(strFromU8(files['[Content_Types].xml'] ?? new Uint8Array())).toContain(
      '/xl/charts/chart1.xml',
    );
    // The chart's bars are #4472C4 and nothing else on the page is: the domain page has
    // them, the indicator page has none.
    const [indicators, domains] = pagesOf(xlsxPdf, '指标汇总').map((p) => p.page);
    expect(pixelsOf(xlsxPdf, domains ?? 0, [0x44, 0x72, 0xc4])).toBeGreaterThan(300);
    expect(pixelsOf(xlsxPdf, indicators ?? 0, [0x44, 0x72, 0xc4])).toBe(0);
  });

  test('the Word document opens as A4 pages numbered — N —, the summary table in its annex', () => {
    const info = run('pdfinfo', [docxPdf]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pageCount(docxPdf);
    expect(pages).toBeGreaterThan(2);
    // pdftotext may drop the spaces around the number.
    for (let p = 1; p <= pages; p++) {
      expect(pageText(docxPdf, p)).toMatch(new RegExp(`—\\s*${p}\\s*—`));
    }
    expect(pageText(docxPdf, 1).replace(/\s+/g, '')).toContain(
      '青川市2025年妇女儿童发展纲要监测统计评估报告',
    );
    const texts = Array.from({ length: pages }, (_, i) => pageText(docxPdf, i + 1));
    const annex = texts.findIndex((t) => /^\s*附件\s*1\s*$/m.test(t));
    expect(annex).toBeGreaterThan(0);
    expect(pageText(docxPdf, annex + 1).replace(/\s+/g, '')).toContain('指标汇总表');
    // 附件2, 数据质量说明, on pages of its own after the table; the report before 附件1
    // carries none of the statistician's to-dos.
    const annex2 = texts.findIndex((t) => /^\s*附件\s*2\s*$/m.test(t));
    expect(annex2).toBeGreaterThan(annex);
    expect(texts[annex2]?.replace(/\s+/g, '')).toContain('青川市2025年两纲监测数据质量说明');
    const report = texts.slice(0, annex).join('').replace(/\s+/g, '');
    for (const todo of ['请核实', '容差', '指标目标表'])
      expect([todo, report.includes(todo)]).toEqual([todo, false]);
    expect(texts.slice(annex2).join('').replace(/\s+/g, '')).toContain('请核实分子、分母');
    // No figure of the annex's table breaks over two lines of its cell: each of the table's
    // lines, as printed, holds an indicator's value, last year's value and the change whole.
    const lines = Array.from({ length: pages - annex }, (_, i) => pageText(docxPdf, annex + 1 + i))
      .join('\n')
      .split('\n');
    for (const id of ['W01', 'C05', 'C16']) {
      const line = lines.find((l) => new RegExp(`^\\s*${id}\\b`).test(l)) ?? '';
      // (A change over the units of both years carries the legend's *.)
      expect([id, line]).toEqual([id, expect.stringMatching(/\d+\.\d\d\s.*\s-?\d+\.\d\d\*?\s*$/)]);
    }
  });

  test("the Word document's figures are the summary sheet's, and its narrative says them", async () => {
    const docx = unzipSync(new Uint8Array(readFileSync(file('report-doc.docx'))));
    const xml = strFromU8(docx['word/document.xml'] ?? new Uint8Array());
    const texts = (fragment: string) =>
      [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join('');
    const tableXml = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0] ?? '';
    const rows = [...tableXml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => texts(tc[0])),
    );
    const data = rows.filter((r) => r.length === 8 && /^[WC]\d\d$/.test(r[0] ?? ''));
    expect(data).toHaveLength(27);

    // The same rows in the summary sheet, as it shows them (number formats applied).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('report.xlsx'));
    const ws = wb.getWorksheet('指标汇总');
    if (!ws) throw new Error('no 指标汇总');
    const header = ws.getRow(5).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const shown = (v: ExcelJS.CellValue, fmt: string) => {
      if (v === null || v === undefined || v === '') return '';
      // `0.00`, or `0.00"*"` (a change 按可比口径): as Excel shows it, literal text after.
      const d = /^0(?:\.(0+))?(?:"([^"]*)")?$/.exec(fmt);
      return typeof v === 'number' && d ? v.toFixed(d[1]?.length ?? 0) + (d[2] ?? '') : String(v);
    };
    for (const row of data) {
      const [id, name, value, , , status, prior, change] = row;
      let found = 0;
      ws.eachRow((r) => {
        if (r.getCell(col('编号')).value !== id) return;
        found++;
        const cell = (h: string) => shown(r.getCell(col(h)).value, r.getCell(col(h)).numFmt);
        expect([id, name, value, status, prior, change]).toEqual([
          id,
          cell('指标'),
          cell('数值'),
          cell('达标情况'),
          cell('上年'),
          cell('变化'),
        ]);
      });
      expect([id, found]).toEqual([id, 1]);
    }

    // The narrative before the annex: every value it states is the table's.
    const narrative = [...xml.slice(0, xml.indexOf('<w:tbl>')).matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)]
      .map((p) => texts(p[0]))
      .join('\n');
    for (const [id, name, value] of data) {
      if (value) expect([id, narrative.includes(`${name}为${value}`)]).toEqual([id, true]);
    }
    // The overview's counts are the table's statuses.
    const count = (s: string) => data.filter((r) => r[5] === s).length;
    // (The sample has no indicator without data, so the sentence leaves 无数据 out.)
    const overview =
      /纳入监测的两纲指标共(\d+)项，[^。]*。在设有目标的(\d+)项指标中，已达到目标的(\d+)项（[^）]*），尚未达到的(\d+)项，暂无法评估的(\d+)项；另有(\d+)项仅作监测、不设目标。按可评估的(\d+)项指标计算，达标率为([\d.]+)%/.exec(
        narrative,
      );
    expect(count('无数据')).toBe(0);
    expect(overview?.slice(1).map(Number)).toEqual([
      data.length,
      data.length - count('仅监测'),
      count('达标'),
      count('未达标'),
      count('无法评估'),
      count('仅监测'),
      count('达标') + count('未达标'),
      Math.round((count('达标') / (count('达标') + count('未达标'))) * 1000) / 10,
    ]);
  });
});
