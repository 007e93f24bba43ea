/**
 * The part of `./xlsx.ts` that is loaded on first use (a dynamic import, its own chunk): an .xlsx workbook's
 * sheets read with [read-excel-file](https://gitlab.com/catamphetamine/read-excel-file) (MIT). Its `universal`
 * entry runs alike in browsers and Node and starts no worker of its own; its unzip (fflate's asynchronous
 * `unzip`) would start a worker from a `blob:` URL for an entry larger than 512 kB, which the app's
 * Content-Security-Policy forbids (`worker-src 'self'`). So the workbook is unzipped here, synchronously, and
 * handed over stored (uncompressed), which fflate reads without a worker. The build gives this chunk its own
 * copy of fflate (`vite-plugins/lazy-fflate.ts`), so that the main chunk does not grow.
 */
import { unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';

/** Most bytes the entries of a workbook may unpack to (a zip bomb is refused). */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** A cell as text: numbers as Excel stores them (`2`, `1438`, `1.5`), dates as `YYYY-MM-DD`, empty as "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * A zip archive's sheets, in the workbook's order, each as rows of cell texts; `null` when it is no
 * workbook (no `xl/workbook.xml`). Throws when it is no zip, is damaged or unpacks to too much.
 */
export async function workbookSheets(bytes: Uint8Array): Promise<{ name: string; rows: string[][] }[] | null> {
  let unpacked = 0;
  const entries = unzipSync(bytes, {
    filter: (f) => {
      unpacked += f.originalSize;
      if (unpacked > MAX_UNPACKED_BYTES) throw new Error('the workbook unpacks to too much');
      return /\.(xml|rels)$/i.test(f.name);
    },
  });
  if (!Object.keys(entries).some((k) => /(^|\/)workbook\.xml$/i.test(k))) return null;
  const stored = zipSync(entries, { level: 0 });
  const buffer = stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer;
  const sheets = await readXlsxFile(buffer);
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) }));
}
