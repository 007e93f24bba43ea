/**
 * A user's file as text, for every importer: the checks on its bytes (size, empty, UTF-16, a zip/xlsx,
 * binary content), the text encoding (UTF-8 with or without BOM, else Windows-1252) and whether the text
 * is JSON or CSV. Pure: no DOM apart from `TextDecoder`, which Node, workers and browsers all have.
 */
import type { FileFormat } from './problems.js';

/** Largest file accepted (bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The share of control characters above which a text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;

const BINARY = 'Filen är inte text (binärt innehåll)';

/** Whether a reason of {@link readFileText} says the file is binary data (not text, and not a zip). */
export const isBinaryReason = (reason: string): boolean => reason === BINARY;

/** Megabytes with at most one decimal and a decimal comma. */
export const formatMegabytes = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  return String(mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10).replace('.', ',');
};

/** Why the bytes cannot be a text file we read (too large, empty, UTF-16, a zip/xlsx, NUL bytes), or `null`. */
export function checkBytes(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_FILE_BYTES) {
    return `Filen är för stor (${formatMegabytes(bytes.length)} MB, högst ${formatMegabytes(MAX_FILE_BYTES)} MB)`;
  }
  if (bytes.length === 0) return 'Filen är tom';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'Filen är sparad som UTF-16 (”Unicode-text”). Spara den som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”.';
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return `${BINARY}. Det ser ut att vara en Excel-arbetsbok (.xlsx) eller ett zip-arkiv: spara som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)” först.`;
  }
  if (bytes.includes(0)) return BINARY;
  return null;
}

/** Whether decoded text has too many control characters to be a text file. */
export function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  return control > text.length * MAX_CONTROL_SHARE;
}

/** The text encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Bytes as text: UTF-8 when they are valid UTF-8 (a byte order mark is dropped), otherwise Windows-1252,
 * which is what Swedish Excel on Windows writes for "CSV (semikolonavgränsad)". Any byte sequence decodes
 * in Windows-1252, so this never fails; whether the result is text at all is judged elsewhere.
 *
 * UTF-8 is decoded with `TextDecoder('utf-8', { fatal: true })`. Windows-1252 is decoded here, as the
 * WHATWG Encoding Standard defines it (0x80 is €, 0x96 is –), because Node's `TextDecoder('windows-1252')`
 * decodes 0x80–0x9F as ISO 8859-1 control characters instead.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Code points of the bytes 0x80–0x9F in Windows-1252 (WHATWG index); the five unused bytes map to themselves. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
  }
  let text = '';
  const chunk = 8192;
  for (let i = 0; i < units.length; i += chunk) text += String.fromCharCode(...units.subarray(i, i + chunk));
  return text;
}

/**
 * A user's file as text and its format, or why it cannot be read (a Swedish message about the whole file):
 * the bytes checked ({@link checkBytes}), decoded ({@link decodeText}), refused when more than 1 % of the text
 * is control characters or when it is blank. JSON when the name ends in `.json` or the text starts with
 * `[` or `{`; otherwise CSV.
 */
export function readFileText(
  bytes: Uint8Array,
  fileName: string,
): { text: string; format: FileFormat } | { error: string } {
  const early = checkBytes(bytes);
  if (early) return { error: early };
  const { text } = decodeText(bytes);
  if (looksBinary(text)) return { error: BINARY };
  if (text.trim() === '') return { error: 'Filen är tom' };
  const json = /\.json$/i.test(fileName.trim()) || /^\s*[[{]/.test(text);
  return { text, format: json ? 'json' : 'csv' };
}
