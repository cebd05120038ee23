/**
 * The Office host: the one `Office.onReady`, the display language and the API sets the host
 * supports. Only src/excel may touch the Office.js globals (see ARCHITECTURE.md).
 */

export interface OfficeInfo {
  /** `Excel` inside Excel; empty when the page is opened outside Office. */
  host: string;
  /** Office's UI language, e.g. `zh-CN`, `en-US`; empty when unknown. */
  displayLanguage: string;
  /** Office.PlatformType: `OfficeOnline`, `PC`, `Mac`, `iOS`, …; empty when unknown. */
  platform: string;
}

/** Thrown when Office.js did not load (no network to the CDN, or the page opened by hand). */
export class OfficeUnavailableError extends Error {
  override name = 'OfficeUnavailableError';
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Resolves once Office.js has initialised. Call it once, before rendering. */
export async function onOfficeReady(): Promise<OfficeInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== 'function') {
    throw new OfficeUnavailableError('Office.js is not loaded');
  }
  const info = await office.onReady();
  return {
    host: info.host ? String(info.host) : '',
    displayLanguage: displayLanguage(),
    platform: info.platform ? String(info.platform) : '',
  };
}

/** Office's display language, or '' outside Office. */
export function displayLanguage(): string {
  const office = officeGlobal();
  try {
    return office?.context?.displayLanguage ?? '';
  } catch {
    return '';
  }
}

/** Whether the host implements an Excel API set, e.g. `('1.13')` for merged areas. */
export function supportsExcelApi(version: string): boolean {
  const office = officeGlobal();
  try {
    return office?.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

/** The host name Office.onReady reports inside Excel. */
export const EXCEL_HOST = 'Excel';

/**
 * The ExcelApi set the pane needs, as manifest.xml's Requirements and taskpane.html's start-up
 * script say (test/manifest.test.ts and test/taskpane/boot.test.ts keep the three the same):
 * merged areas (1.13), conditional formats over RangeAreas (1.9), a new workbook for the export
 * (1.8), waiting out cell-edit mode (1.11). Microsoft 365 from version 2102, Office 2021 and
 * later, Excel on the web, Excel for Mac 16.50.
 */
export const EXCEL_API_FLOOR = '1.13';
