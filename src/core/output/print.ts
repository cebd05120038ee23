import { t, type Lang } from '../messages/index';
import { TABLE_MARGINS, type HeaderFooterText, type PrintSetup, type Span } from './spec';

/**
 * The page set-up of Tally's printed tables, as data: A4, narrow margins, the region and
 * period in the header, "第 N 页，共 M 页" in the footer. Both adapters apply it.
 */
export interface TablePrintInput {
  lang: Lang;
  region: string;
  period: string;
  /** What the page header says the sheet is (指标汇总). */
  title: string;
  /** The monitoring profile's name, at the right of the header. */
  profile: string;
  orientation: PrintSetup['orientation'];
  titleRows?: Span;
  titleColumns?: Span;
  /** Pages wide; 1 unless the table cannot be read that small. */
  fitToWidth?: number;
  breaksBefore?: number[];
}

/** A catalogue sentence with `{page}` and `{pages}` as page fields. */
export function withPageFields(text: string): HeaderFooterText {
  return text
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? { field: 'page' } : part === '{pages}' ? { field: 'pages' } : part,
    );
}

export function pageNumbers(lang: Lang): HeaderFooterText {
  return withPageFields(t(lang, 'print.page', { page: '{page}', pages: '{pages}' }));
}

export function tablePrint(input: TablePrintInput): PrintSetup {
  const { lang } = input;
  return {
    orientation: input.orientation,
    fitToWidth: input.fitToWidth ?? 1,
    ...(input.titleRows ? { titleRows: input.titleRows } : {}),
    ...(input.titleColumns ? { titleColumns: input.titleColumns } : {}),
    margins: { ...TABLE_MARGINS },
    centerHorizontally: true,
    header: {
      left: [t(lang, 'print.header', { region: input.region, period: input.period })],
      center: [input.title],
      right: [input.profile],
    },
    footer: { center: pageNumbers(lang) },
    ...(input.breaksBefore ? { breaksBefore: input.breaksBefore } : {}),
  };
}
