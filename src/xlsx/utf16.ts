import { checkFileSize } from './limits';

/**
 * A text file saved as UTF-16 (Excel's "Unicode 文本", a .txt with tabs; some systems' CSV
 * export), known by its byte-order mark, as UTF-8 bytes for the CSV readers; any other file as
 * it is. The size limit is checked on the file itself first, so nothing large is decoded.
 */
export function utf16AsUtf8(bytes: Uint8Array, file: string): Uint8Array {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return bytes;
  checkFileSize(bytes.length, file);
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
  return new TextEncoder().encode(text);
}
