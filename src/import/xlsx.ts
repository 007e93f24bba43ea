/**
 * Excel workbooks (.xlsx) for the capability map's import: a user's file as the sheets it holds, each as
 * rows of cell texts, or why it cannot be read; CSV files pass through as bytes (see {@link readMapInputs}).
 * The capability map's import (`./capability-map.ts`) reads a sheet as it reads a CSV table, so that every
 * rule and message is the same.
 *
 * Only the recognising is here; the reading (`./xlsx-workbook.ts`, with read-excel-file) is loaded on first
 * use, so that the app does not grow for those who never import a workbook.
 */
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

/** Whether the bytes start as a zip archive, which an .xlsx workbook is. */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Whether the bytes start as an OLE2 compound file: a legacy Excel 97–2003 workbook (.xls). */
const isOle = (bytes: Uint8Array): boolean =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);

/**
 * The sheets of an .xlsx workbook, in the workbook's order, or why it cannot be read: `xls` for a legacy
 * Excel 97–2003 file, `notTable` for anything else that is no readable workbook (not a zip, a zip that is no
 * workbook, a damaged workbook, one too large).
 */
export async function readWorkbook(bytes: Uint8Array): Promise<{ sheets: SheetRows[] } | { problem: WorkbookProblem }> {
  if (isOle(bytes)) return { problem: 'xls' };
  if (!isZip(bytes) || bytes.length > MAX_FILE_BYTES) return { problem: 'notTable' };
  try {
    const { workbookSheets } = await import('./xlsx-workbook.js');
    const sheets = await workbookSheets(bytes);
    return sheets ? { sheets } : { problem: 'notTable' };
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
