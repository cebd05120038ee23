import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { TextDecoder, TextEncoder } from 'node:util';
import type { WorkbookData } from '../../src/core/model/workbook';
import { monitor, reportSheets } from '../../src/core/monitor';
import type { ReportDocument } from '../../src/core/output/document';
import { DownloadReport } from '../../src/taskpane/components/DownloadReport';
import { DOCX_MIME, docxFileName, saveMode } from '../../src/taskpane/download';
import { LangContext } from '../../src/taskpane/i18n';
import { defaultIndex, defaultProfile } from '../support/fixtures';

/** One civil-affairs form of two townships: enough for a report and its document. */
function document(lang: 'zh' | 'en' = 'zh'): ReportDocument {
  const wb: WorkbookData = {
    source: '2025年民政.xlsx',
    sheets: [
      {
        name: '民政',
        origin: { row: 0, col: 0 },
        rows: [
          ['地区', '村委会成员数', '村委会女性成员数'],
          ['甲镇', 10, 4],
          ['乙镇', 6, 2],
        ],
      },
    ],
  };
  const profile = defaultProfile();
  const r = monitor({ workbooks: [wb], profile, index: defaultIndex(), lang, regionName: '某县' });
  return reportSheets(r, profile, lang, '2026-03-01 10:00').document;
}

// Every Office webview has these; jsdom does not.
Object.assign(globalThis, { TextEncoder, TextDecoder });

/** The Blobs the pane made URLs of, and the URLs it freed. */
const made: Blob[] = [];
const revoked: string[] = [];
beforeEach(() => {
  made.length = 0;
  revoked.length = 0;
  // jsdom has no Blob URLs; these record what the pane hands the browser.
  URL.createObjectURL = (b: Blob) => {
    made.push(b);
    return `blob:test/${made.length}`;
  };
  URL.revokeObjectURL = (u: string) => void revoked.push(u);
});

function show(doc: ReportDocument | undefined, platform: string | undefined) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value="zh">
        <DownloadReport document={doc} platform={platform} />
      </LangContext.Provider>
    </FluentProvider>,
  );
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });
}

test('the platforms that save a download get a link; the Mac, the iPad and the unknown do not', () => {
  expect(saveMode('OfficeOnline')).toBe('link');
  expect(saveMode('PC')).toBe('link');
  for (const p of ['Mac', 'iOS', 'Android', 'Universal', '', undefined]) {
    expect([p, saveMode(p)]).toEqual([p, 'unavailable']);
  }
});

test('the file is named after the report, with the characters Windows refuses replaced', () => {
  const doc = document();
  expect(docxFileName(doc)).toBe('某县2025年妇女儿童发展纲要监测统计评估报告.docx');
  expect(docxFileName({ ...doc, title: '甲/乙:县 "2025"\n报告' })).toBe(
    '甲_乙_县 _2025__报告.docx',
  );
  expect(docxFileName({ ...doc, title: '  ' })).toBe('Tally.docx');
});

test('in Office on the web, 下载报告 (Word) is a link to the report as a real .docx', async () => {
  const doc = document();
  const view = show(doc, 'OfficeOnline');
  const link = await screen.findByTestId('download-docx', {}, { timeout: 20_000 });
  expect(link.tagName).toBe('A');
  expect(link.textContent).toBe('下载报告 (Word)');
  expect(link.getAttribute('download')).toBe('某县2025年妇女儿童发展纲要监测统计评估报告.docx');
  expect(link.getAttribute('href')).toBe('blob:test/1');
  expect(screen.getByTestId('download-docx-file').textContent).toContain('按党政机关公文格式排版');
  // The Blob is a Word package holding the report: its title, and the annex's table.
  expect(made).toHaveLength(1);
  const blob = made[0];
  if (!blob) throw new Error('no blob');
  expect(blob.type).toBe(DOCX_MIME);
  const files = unzipSync(await bytesOf(blob));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['word/document.xml', '[Content_Types].xml']),
  );
  const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  expect(xml).toContain('某县2025年妇女儿童发展纲要监测统计评估报告');
  expect(xml).toContain('村委会成员中女性比例');
  // 甲镇 and 乙镇 pooled: (4 + 2) / (10 + 6) = 37.50%.
  expect(xml).toContain('37.50');
  // The URL is freed when the link goes away.
  view.unmount();
  expect(revoked).toEqual(['blob:test/1']);
}, 30_000);

test('in Excel for Mac the pane says it cannot save files, and how to get the document', () => {
  show(document(), 'Mac');
  expect(screen.getByTestId('download-docx').hasAttribute('disabled')).toBe(true);
  const text = screen.getByTestId('docx-unavailable').textContent ?? '';
  expect(text).toContain('不允许加载项保存文件');
  expect(text).toContain('Excel 网页版');
  expect(text).toContain('tally report --docx');
  expect(made).toHaveLength(0);
});

test('before a report there is nothing to download', () => {
  show(undefined, 'OfficeOnline');
  expect(screen.queryByTestId('download-docx-box')).toBeNull();
});

test('a document that cannot be written says so, with what to do', async () => {
  const doc = document();
  // A block kind the Word writer has no style for.
  const broken = { ...doc, blocks: [{ kind: 'chapter', text: 'x' }] } as unknown as ReportDocument;
  show(broken, 'OfficeOnline');
  await waitFor(() => expect(screen.getByTestId('docx-failed')).toBeTruthy(), { timeout: 20_000 });
  expect(screen.getByTestId('docx-failed').textContent).toMatch(
    /^Word 文档未能生成：.+。请再次点击“汇总并生成报告”/,
  );
  expect(screen.queryByRole('link')).toBeNull();
  expect(made).toHaveLength(0);
}, 30_000);
