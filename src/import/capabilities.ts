/**
 * Import of the capability catalogue's figures from a user's file: CSV (as Swedish or English Excel saves
 * it) or JSON. The companion of `./profiles.ts`, with the same flow: download a template
 * ({@link capabilitiesTemplate} or {@link capabilitiesJsonTemplate}), edit it, upload it, look at the preview
 * ({@link CapabilityImportOk.changes}, with the rows left out and why in {@link CapabilityImportOk.problems})
 * and apply ({@link CapabilityImportOk.capabilities}). The templates' headers are labels in the UI language
 * (`Förmåga (id);Namn;Minsta bemanning (årsarbetare);…`); the field ids are read as headers too.
 *
 * Pure: no DOM apart from `TextDecoder`. Nothing here throws on bad input and nothing mutates its
 * arguments; every problem is returned with its row and column and a Swedish message. Only the figures a
 * municipality may want to calibrate can be changed (staffing, volumes, scale exponents, costs and the two
 * flags); which capabilities exist, their groups, kinds and drivers are fixed by the catalogue.
 *
 * What is the same for every import lives beside this file: decoding the bytes (`./decode.ts`: UTF-8 with
 * or without BOM, else Windows-1252), reading CSV and JSON into rows (`./table.ts`), matching headers
 * (`./headers.ts`), numbers (`./numbers.ts`; capabilities have no percent fields), problems
 * (`./problems.ts`) and applying rows (`./merge.ts`); the fields and templates are in
 * `./capability-fields.ts` (re-exported here). What is particular to capabilities is in `./capability-rows.ts`
 * (the flattened scale and the yes/no fields) and `./capability-merge.ts` (matching rows to the catalogue
 * and placing the schema's problems).
 */
import type { Capability } from '../engine/index.js';
import type { CapabilityField } from './capability-fields.js';
import { MERGE } from './capability-merge.js';
import { ROWS } from './capability-rows.js';
import { importFile } from './merge.js';
import type { Problem, Refused } from './problems.js';

export {
  CAPABILITY_FIELDS,
  CAPABILITY_TEMPLATE_COLUMNS,
  type CapabilityField,
  capabilitiesJsonTemplate,
  capabilitiesTemplate,
  capabilityTemplateHeaders,
} from './capability-fields.js';

/**
 * One reason a file was refused: the same shape as profile import problems. `row` is the row as Excel
 * numbers it (header = 1, a leading `sep=;` line not counted) or the JSON entry's position from 1; `column`
 * is the header or JSON key as written (`scale.low` for a key inside `scale`). Either is `null` when not tied
 * to one. `message` is Swedish and names the place itself.
 */
export type CapabilityProblem = Problem;

/**
 * One field that an import changes, for a preview. `name` is the capability's Swedish name; `source` is
 * what the capability's `sources` entry for the field becomes (`sources.scale` for the scale parts); `row`
 * is the file row (or JSON entry) it came from.
 */
export interface CapabilityChange {
  id: string;
  name: string;
  field: CapabilityField;
  from: number | boolean;
  to: number | boolean;
  source: string;
  row: number;
}

/**
 * A file that can be applied, wholly or in part: the changes of its valid rows, the whole catalogue after
 * applying them, and the rows left out with their problems.
 */
export interface CapabilityImportOk {
  ok: true;
  /** One entry per changed field of the valid rows, in file order. Empty when they match the current data. */
  changes: CapabilityChange[];
  /** `current` with the valid rows' changes applied, in `current`'s order; unchanged capabilities are the same objects. */
  capabilities: Capability[];
  /** The problems of the rows left out (none of their values is applied), in file order; empty when none. */
  problems: CapabilityProblem[];
}

/** A refused file (nothing in it can be applied): every problem found (never empty). */
export type CapabilityImportFailed = Refused;

/**
 * The outcome of {@link parseCapabilityFile}: refused when the file as a whole cannot be read or no row is
 * valid; otherwise the valid rows, and the problems of the others.
 */
export type CapabilityImportResult = CapabilityImportOk | CapabilityImportFailed;

/**
 * Reads a user's file of capability figures and merges it onto `current` (the catalogue), for a preview and
 * then applying.
 *
 * **Formats.** JSON when the name ends in `.json` or the text starts with `[` or `{`: an array of partial
 * capabilities `{ "id": "service-desk", "minFte": 0.6, "scale": { "high": 0.95 }, "poolable": false }`
 * (numbers or numeric text; booleans, 0/1 or yes/no words; `name` as text or `{ "sv", "en" }`). Otherwise
 * CSV with a header row, read with papaparse, in UTF-8 (with or without BOM) or Windows-1252 (see
 * `decodeText`); the delimiter is taken from an Excel `sep=` line or the header row (`;`, `,` or tab).
 * Numbers may have a decimal comma or point and spaces between groups of three digits; a single `,` or `.`
 * is a decimal mark. An empty cell keeps the current value.
 *
 * **Columns.** `id` is required and must name an existing capability, once. Any of
 * {@link CAPABILITY_FIELDS} may be present; `poolable` and `transferable` accept ja/nej, yes/no, true/false,
 * sant/falskt and 1/0. `name` is optional and only checked against the id's Swedish or English name, which
 * catches shifted rows. `source` is optional and becomes the `sources` entry of every field the row changes
 * (`sources.scale` for the scale parts), else `import: <fileName>`. Headers are matched trimmed and
 * case-insensitive, with Swedish aliases: förmåga → id, namn → name, källa → source, minsta bemanning →
 * minFte, bemanning vid referens → fteAtRef, referensvolym → refVolume, övriga kostnader → nonStaffCost,
 * kan delas → poolable, kan flyttas → transferable. Any other column is refused by name.
 *
 * **Checks.** At most `MAX_FILE_BYTES` bytes and `MAX_DATA_ROWS` rows; NUL bytes, a zip/xlsx header or more
 * than 1 % control characters mean binary data; the scale must stay `scale_low ≤ scale_mode ≤ scale_high`;
 * and the merged catalogue must pass `parseCapabilities`, whose issues come back placed at the file's row
 * and column. Nothing is returned but the problems when there is any. `current` is not modified; values
 * equal to the current ones, also after a template's rounding, are not changes.
 */
export function parseCapabilityFile(
  bytes: Uint8Array,
  fileName: string,
  current: readonly Capability[],
): CapabilityImportResult {
  const result = importFile(bytes, fileName, current, ROWS, MERGE);
  return result.ok
    ? { ok: true, changes: result.changes, capabilities: result.merged, problems: result.problems }
    : result;
}
