import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { parseRange, columnLetter } from '../core/model/a1';
import type { ChartSpec, OutputSheet, OutputWorkbook, OutputValue } from '../core/output/spec';

/**
 * Charts in a workbook exceljs wrote. exceljs cannot write charts, so this writes the
 * DrawingML parts (ECMA-376 Part 1, §21.2 charts and §20.5 spreadsheet drawing) into the
 * package it produced: for each sheet with charts a drawing part `xl/drawings/drawingN.xml`
 * with one two-cell anchor per chart, the charts `xl/charts/chartN.xml`, their relationship
 * parts, the content-type overrides and the sheet's `<drawing r:id>`. Every chart carries
 * the cached values of the cells it refers to, so a reader draws it without recalculating.
 * No file system: bytes in, bytes out.
 */

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The theme's first accent (Office blue), the colour the pane's chart gets by default. */
const BAR_COLOUR = '4472C4';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name as string] ?? '';
  });
}

/** The attributes of one XML start tag (the package's own, machine-written parts). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) {
    if (m[1] !== undefined && m[2] !== undefined) out[m[1]] = unescapeXml(m[2]);
  }
  return out;
}

/** `'指标汇总'!$A$3:$A$9`: a formula reference to a range of the sheet. */
export function sheetRef(sheet: string, range: string): string {
  const { top, left, bottom, right } = parseRange(range);
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return top === bottom && left === right
    ? `${quoted}!${cell(top, left)}`
    : `${quoted}!${cell(top, left)}:${cell(bottom, right)}`;
}

/** The values of a one-row or one-column range of the description, in order. */
function valuesOf(sheet: OutputSheet, range: string): OutputValue[] {
  const { top, left, bottom, right } = parseRange(range);
  const out: OutputValue[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) out.push(sheet.rows[r]?.[c]?.value ?? null);
  }
  return out;
}

/** The number format of the first cell of a range, for the cached values. */
function formatOf(sheet: OutputSheet, range: string): string {
  const { top, left } = parseRange(range);
  return sheet.rows[top]?.[left]?.numberFormat ?? 'General';
}

const val = (tag: string, v: string | number) => `<c:${tag} val="${v}"/>`;

function strCache(values: OutputValue[]): string {
  const pts = values
    .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strCache>${val('ptCount', values.length)}${pts}</c:strCache>`;
}

function numCache(values: OutputValue[], format: string): string {
  const pts = values
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>${val('ptCount', values.length)}${pts}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    '<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>' +
    `<a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r>` +
    '</a:p></c:rich></c:tx>'
  );
}

const NO_LINE = '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';

/** The chart part: a clustered bar or column chart of the spec's series (CT_ChartSpace). */
export function chartXml(spec: ChartSpec, sheet: OutputSheet): string {
  const catAx = 500000001;
  const valAx = 500000002;
  const categories = valuesOf(sheet, spec.categories);
  const series = spec.series
    .map((s, i) => {
      const format = formatOf(sheet, s.values);
      return (
        `<c:ser>${val('idx', i)}${val('order', i)}` +
        `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOUR}"/></a:solidFill></c:spPr>` +
        val('invertIfNegative', 0) +
        `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>${NO_LINE}` +
        `${val('dLblPos', 'outEnd')}${val('showLegendKey', 0)}${val('showVal', 1)}` +
        `${val('showCatName', 0)}${val('showSerName', 0)}${val('showPercent', 0)}` +
        `${val('showBubbleSize', 0)}</c:dLbls>` +
        `<c:cat><c:strRef><c:f>${escapeXml(sheetRef(sheet.name, spec.categories))}</c:f>` +
        `${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(sheetRef(sheet.name, s.values))}</c:f>` +
        `${numCache(valuesOf(sheet, s.values), format)}</c:numRef></c:val>` +
        '</c:ser>'
      );
    })
    .join('');
  const horizontal = spec.kind === 'bar';
  const scaling = spec.percentAxis
    ? `<c:scaling>${val('orientation', 'minMax')}${val('max', 100)}${val('min', 0)}</c:scaling>`
    : `<c:scaling>${val('orientation', 'minMax')}</c:scaling>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${val('date1904', 0)}${val('lang', 'zh-CN')}${val('roundedCorners', 0)}` +
    '<c:chart>' +
    `<c:title>${richText(spec.title, 1200, true)}${val('overlay', 0)}</c:title>` +
    val('autoTitleDeleted', 0) +
    '<c:plotArea><c:layout/>' +
    `<c:barChart>${val('barDir', horizontal ? 'bar' : 'col')}${val('grouping', 'clustered')}` +
    `${val('varyColors', 0)}${series}${val('gapWidth', 80)}` +
    `${val('axId', catAx)}${val('axId', valAx)}</c:barChart>` +
    `<c:catAx>${val('axId', catAx)}<c:scaling>${val('orientation', horizontal ? 'maxMin' : 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', horizontal ? 'l' : 'b')}` +
    '<c:numFmt formatCode="General" sourceLinked="0"/>' +
    `${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${val('crossAx', valAx)}${val('crosses', 'autoZero')}${val('auto', 1)}` +
    `${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>` +
    `<c:valAx>${val('axId', valAx)}${scaling}${val('delete', 0)}${val('axPos', horizontal ? 'b' : 'l')}` +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="0" sourceLinked="0"/>' +
    `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${val('crossAx', catAx)}${val('crosses', horizontal ? 'max' : 'autoZero')}` +
    `${val('crossBetween', 'between')}${spec.percentAxis ? val('majorUnit', 20) : ''}</c:valAx>` +
    '</c:plotArea>' +
    (spec.series.length > 1
      ? `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}</c:legend>`
      : '') +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}` +
    '</c:chart>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>' +
    '</c:chartSpace>'
  );
}

function anchorXml(spec: ChartSpec, index: number, relId: string): string {
  const from = parseRange(spec.anchor);
  const to = parseRange(spec.to);
  const corner = (tag: string, r: { top: number; left: number }) =>
    `<xdr:${tag}><xdr:col>${r.left}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${r.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    corner('from', from) +
    corner('to', to) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.rels}">` +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
      .join('') +
    '</Relationships>'
  );
}

/** The next free relationship id of a .rels part (`rId7`). */
function nextRelId(rels: string | undefined): string {
  let max = 0;
  for (const m of (rels ?? '').matchAll(/Id="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return `rId${max + 1}`;
}

function addRelationship(rels: string | undefined, id: string, type: string, target: string) {
  const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!rels) return relationshipsXml([{ id, type, target }]);
  return rels.replace('</Relationships>', `${entry}</Relationships>`);
}

/** The worksheet part of each sheet, by sheet name, from the workbook and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a['Id'] && a['Target']) targets.set(a['Id'], a['Target']);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = a['r:id'] ? targets.get(a['r:id']) : undefined;
    if (a['name'] && target) {
      parts.set(a['name'], target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  return parts;
}

/**
 * CT_Worksheet puts `<drawing>` after the page set-up and breaks and before the legacy
 * drawings, pictures, OLE objects, controls, table parts and extensions.
 */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

export function insertDrawing(sheetXml: string, relId: string): string {
  if (/<drawing\b/.test(sheetXml)) {
    throw new Error(
      'the worksheet already has a drawing part; Tally adds charts only to its own sheets',
    );
  }
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  return `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
}

function highestPart(files: Record<string, Uint8Array>, re: RegExp): number {
  let max = 0;
  for (const name of Object.keys(files)) {
    const m = re.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** The package with the charts of the description's sheets added. */
export function addCharts(xlsx: Uint8Array, out: OutputWorkbook): Uint8Array {
  const withCharts = out.sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return xlsx;
  const files = unzipSync(xlsx);
  const parts = sheetParts(files);
  let types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
  let drawingNo = highestPart(files, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNo = highestPart(files, /^xl\/charts\/chart(\d+)\.xml$/);
  const added: Zippable = {};

  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    const sheetXml = part ? files[part] : undefined;
    if (!part || !sheetXml) throw new Error(`no worksheet part for the sheet "${sheet.name}"`);
    drawingNo += 1;
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: { id: string; type: string; target: string }[] = [];
    (sheet.charts ?? []).forEach((spec, i) => {
      chartNo += 1;
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      added[chartPart] = strToU8(chartXml(spec, sheet));
      types = types.replace(
        '</Types>',
        `<Override PartName="/${chartPart}" ContentType="${CONTENT_TYPE.chart}"/></Types>`,
      );
      const id = `rId${i + 1}`;
      drawingRels.push({ id, type: REL.chart, target: `../charts/chart${chartNo}.xml` });
      anchors.push(anchorXml(spec, i, id));
    });
    added[drawingPart] = strToU8(
      `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`,
    );
    added[`xl/drawings/_rels/drawing${drawingNo}.xml.rels`] = strToU8(
      relationshipsXml(drawingRels),
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/${drawingPart}" ContentType="${CONTENT_TYPE.drawing}"/></Types>`,
    );

    const slash = part.lastIndexOf('/');
    const relsPart = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    const oldRels = files[relsPart] ? strFromU8(files[relsPart]) : undefined;
    const relId = nextRelId(oldRels);
    files[relsPart] = strToU8(
      addRelationship(oldRels, relId, REL.drawing, `../drawings/drawing${drawingNo}.xml`),
    );
    files[part] = strToU8(insertDrawing(strFromU8(sheetXml), relId));
  }
  files['[Content_Types].xml'] = strToU8(types);
  return zipSync({ ...files, ...added }, { level: 6 });
}
