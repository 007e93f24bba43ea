/**
 * Excel workbooks (.xlsx) for the capability map's import: a user's file as the sheets it holds, each as
 * rows of cell texts, or why it cannot be read; CSV files pass through as bytes (see {@link readMapInputs}).
 * The capability map's import (`./capability-map.ts`) reads a sheet as it reads a CSV table, so that every
 * rule and message is the same.
 *
 * The workbook is read with [read-excel-file](https://gitlab.com/catamphetamine/read-excel-file) (MIT), loaded
 * on first use (a dynamic import, its own chunk), so that the app does not grow for those who never import a
 * workbook. Its `universal` entry runs alike in browsers and Node and starts no worker of its own. Its unzip
 * (fflate's asynchronous `unzip`) would start a worker from a `blob:` URL for a large entry, which the app's
 * Content-Security-Policy forbids (`worker-src 'self'`); so the workbook is unzipped here, synchronously, and
 * handed over stored (uncompressed), which fflate reads without a worker.
 */
import { unzipSync, zipSync } from 'fflate';
import { MAX_FILE_BYTES } from './decode.js';

/** A workbook's sheet: its name and its rows, every cell as text ("" when empty). */
export interface SheetRows {
  name: string;
  rows: string[][];
}

/** Why a file that is a workbook, or meant to be one, cannot be read. */
export type WorkbookProblem = 'notTable' | 'xls';

/** A file to import: CSV bytes, a workbook's sheets, or a workbook that cannot be read. */
export type MapInput =
  | { name: string; bytes: Uint8Array }
  | { name: string; sheets: SheetRows[] }
  | { name: string; unreadable: WorkbookProblem };

/** Most bytes the entries of a workbook may unpack to (a zip bomb is refused). */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** Whether the bytes start as a zip archive, which an .xlsx workbook is. */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Whether the bytes start as an OLE2 compound file: a legacy Excel 97–2003 workbook (.xls). */
const isOle = (bytes: Uint8Array): boolean =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);

/** A cell as text: numbers as Excel stores them (`2`, `1438`, `1.5`), dates as `YYYY-MM-DD`, empty as "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * The sheets of an .xlsx workbook, in the workbook's order, or why it cannot be read: `xls` for a legacy
 * Excel 97–2003 file, `notTable` for anything else that is no readable workbook (not a zip, a zip that is no
 * workbook, a damaged workbook, one too large).
 */
export async function readWorkbook(bytes: Uint8Array): Promise<{ sheets: SheetRows[] } | { problem: WorkbookProblem }> {
  if (isOle(bytes)) return { problem: 'xls' };
  if (!isZip(bytes) || bytes.length > MAX_FILE_BYTES) return { problem: 'notTable' };
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    let unpacked = 0;
    const entries = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new Error('too large');
        return /\.(xml|rels)$/i.test(f.name);
      },
    });
    if (!('xl/workbook.xml' in entries) && !Object.keys(entries).some((k) => /(^|\/)workbook\.xml$/i.test(k)))
      return { problem: 'notTable' };
    const stored = zipSync(entries, { level: 0 });
    const buffer = stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile(buffer);
    return { sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) })) };
  } catch {
    return { problem: 'notTable' };
  }
}

/** Whether a file is to be read as a workbook: a zip or legacy Excel file, or named `.xlsx`/`.xls` and not text. */
const isWorkbook = (name: string, bytes: Uint8Array): boolean =>
  isZip(bytes) || isOle(bytes) || (/\.xlsx?$/i.test(name.trim()) && bytes.includes(0));

/**
 * Users' files as the capability map's import reads them: workbooks (by their content, whatever their name)
 * as their sheets, other files as their bytes (CSV, judged by `parseMapFiles`). Never throws.
 */
export function readMapInputs(files: readonly { name: string; bytes: Uint8Array }[]): Promise<MapInput[]> {
  return Promise.all(
    files.map(async ({ name, bytes }): Promise<MapInput> => {
      if (!isWorkbook(name, bytes)) return { name, bytes };
      const read = await readWorkbook(bytes);
      return 'problem' in read ? { name, unreadable: read.problem } : { name, sheets: read.sheets };
    }),
  );
}
