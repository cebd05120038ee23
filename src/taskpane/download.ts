import type { ReportDocument } from '../core/output/document';
import type * as Docx from '../docx/write';

/**
 * Handing the Word report to the user from the pane. Office gives an add-in no "save file"
 * call, and Excel.createWorkbook opens only workbooks, so the pane offers the document as a
 * Blob URL on an `<a download>` link that the user clicks:
 *
 * - Office on the web runs the pane in the browser: the browser saves the file.
 * - Excel on Windows runs it in WebView2, which saves downloads too (office-js #2700, #1793);
 *   the old Internet Explorer webview has no `download` attribute and gets the message below.
 * - Excel on the Mac and on the iPad (WKWebView) saves nothing a page offers, by design
 *   (office-js #2700, #3385): the pane says so and names the two ways that work.
 *
 * Nothing leaves the machine: the document is made in the pane and the URL is local.
 */
export type SaveMode = 'link' | 'unavailable';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The platform of the web page (src/web): a browser, which saves what a link offers. */
export const BROWSER_PLATFORM = 'Browser';

/** How the pane can hand over a file on this Office platform (Office.PlatformType). */
export function saveMode(platform: string | undefined): SaveMode {
  if (platform !== 'OfficeOnline' && platform !== 'PC' && platform !== BROWSER_PLATFORM)
    return 'unavailable';
  const canLink =
    typeof URL !== 'undefined' &&
    typeof URL.createObjectURL === 'function' &&
    typeof HTMLAnchorElement !== 'undefined' &&
    'download' in HTMLAnchorElement.prototype;
  return canLink ? 'link' : 'unavailable';
}

/** The document's title as a file name: characters Windows refuses become `_`. */
export function docxFileName(doc: ReportDocument): string {
  const base = [...doc.title]
    .map((ch) => (/[\\/:*?"<>|]/.test(ch) || (ch.codePointAt(0) ?? 0) < 32 ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 120);
  return `${base || 'Tally'}.docx`;
}

/** The .docx bytes; the writer (and the docx package with it) is a chunk of its own. */
export async function docxBytes(doc: ReportDocument): Promise<Uint8Array> {
  const { writeDocxBytes } = (await import(
    // @ts-expect-error TS2835: tsc checks src as CommonJS under node16, where import() wants a
    // file extension; webpack (and jest) resolve the .ts file and split it into its own chunk.
    '../docx/write'
  )) as typeof Docx;
  return writeDocxBytes(doc);
}

export interface OfferedFile {
  name: string;
  url: string;
  /** Frees the Blob URL; call it when the link goes away. */
  revoke: () => void;
}

/** The document as a Blob URL for a download link. */
export async function offerDocx(doc: ReportDocument): Promise<OfferedFile> {
  const bytes = await docxBytes(doc);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_MIME }));
  return { name: docxFileName(doc), url, revoke: () => URL.revokeObjectURL(url) };
}
