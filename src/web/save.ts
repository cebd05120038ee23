/**
 * Handing a file the page made to the user: a Blob URL on an `<a download>` clicked for them,
 * as a browser saves any download (into the downloads folder, or where the browser asks).
 * Nothing leaves the machine: the URL is local to the page. It is revoked a minute later (at
 * once could cancel the download in some browsers).
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the page saves through; a stand-in in tests. */
export type Save = (name: string, bytes: Uint8Array, mime: string) => void;

export const saveInBrowser: Save = (name, bytes, mime) => {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** A title as a file name: the characters Windows refuses become `_`. */
export function fileName(title: string, fallback: string): string {
  const base = [...title]
    .map((ch) => (/[\\/:*?"<>|]/.test(ch) || (ch.codePointAt(0) ?? 0) < 32 ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 120);
  return base || fallback;
}

/** Base64 (what the UI hands a host's openWorkbook) back to bytes. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
