/**
 * Import of municipality profiles from a user's file: CSV (as Swedish or English Excel saves it) or JSON.
 *
 * Pure: no DOM apart from `TextDecoder`, which Node, workers and browsers all have. Nothing here throws on
 * bad input and nothing mutates its arguments; every problem found is returned with its row and column and
 * a Swedish message meant for the person who made the file.
 *
 * What is the same for every import lives beside this file: decoding the bytes (`./decode.ts`), reading
 * CSV and JSON into rows (`./table.ts`), matching headers (`./headers.ts`), numbers (`./numbers.ts`),
 * problems (`./problems.ts`) and applying rows (`./merge.ts`); the fields and templates are in
 * `./profile-fields.ts` (re-exported here). Here is what is particular to reading profiles.
 *
 * The flow for the user: download a template ({@link profilesTemplate} or {@link profilesJsonTemplate}),
 * with headers in the UI language (`Kommunkod;Kommun;Invånare;…;IT-kostnad (kr per år)`), edit it in Excel
 * or an editor, upload it, look at the preview ({@link ImportOk.changes}, with the rows left out and why in
 * {@link ImportOk.problems}) and apply ({@link ImportOk.profiles}). A bad row does not block the others:
 * the valid rows can be applied while the invalid ones stay listed.
 */
import { type Municipality, parseMunicipalities } from '../engine/index.js';
import { columnList, type HeaderRules, namesOf, resolveName, sameName } from './headers.js';
import { describeOther, importFile, type MergeSpec, type RawRow } from './merge.js';
import { parseNumber } from './numbers.js';
import { clip, notAllowed, type Problem, problemAt, type Refused } from './problems.js';
import {
  columnText,
  EDITABLE_FIELDS,
  type EditableField,
  fieldValue,
  type ProfileColumn,
  TEMPLATE_COLUMNS,
} from './profile-fields.js';
import { type Cell, jsonRaw, type Report, type RowRules, unneutralise } from './table.js';

export { decodeText, MAX_FILE_BYTES, type TextEncoding } from './decode.js';
export type { Problem } from './problems.js';
export {
  EDITABLE_FIELDS,
  type EditableField,
  profilesJsonTemplate,
  profilesTemplate,
  TEMPLATE_COLUMNS,
  templateHeaders,
} from './profile-fields.js';
export { MAX_DATA_ROWS } from './table.js';

/** Fields given as shares, which also accept a percentage (`30 %` → 0.3). */
const PERCENT_FIELDS: ReadonlySet<EditableField> = new Set(['legacyShare', 'populationGrowth']);

/** Fields that a JSON `null` may empty (`itCost`, `itStaff` become `null`; `pupils` is removed). */
const CLEARABLE_FIELDS: ReadonlySet<EditableField> = new Set(['pupils', 'itCost', 'itStaff']);

/**
 * One field that an import changes, for a preview before applying. `from` and `to` are `null` for an empty
 * value (no IT cost given, or pupils left to the engine). `source` is what the profile's `sources[field]`
 * becomes; `row` is the file row (or JSON entry) it came from. `note` explains anything read with
 * interpretation, such as a three-digit code padded with a leading zero.
 */
export interface Change {
  code: string;
  name: string;
  field: EditableField;
  from: number | null;
  to: number | null;
  source: string;
  row: number;
  note?: string;
}

/**
 * A file that can be applied, wholly or in part: the changes of its valid rows, every profile (changed or
 * not) after applying them, and the rows left out with their problems.
 */
export interface ImportOk {
  ok: true;
  /** One entry per changed field of the valid rows, in file order. Empty when they match the current data. */
  changes: Change[];
  /** `current` with the valid rows' changes applied, in `current`'s order; unchanged profiles are the same objects. */
  profiles: Municipality[];
  /** The problems of the rows left out (none of their values is applied), in file order; empty when none. */
  problems: Problem[];
}

/** A refused file (nothing in it can be applied): every problem found (never empty). */
export type ImportFailed = Refused;

/**
 * The outcome of {@link parseProfileFile}: refused when the file as a whole cannot be read (not text, a
 * broken header, broken quotes) or when no row is valid; otherwise the valid rows, and the problems of the
 * others.
 */
export type ImportResult = ImportOk | ImportFailed;

// ---------------------------------------------------------------------------------------------------------
// Columns

/** What a column (or JSON key) holds. */
type Key = ProfileColumn;

const HEADERS: HeaderRules<Key> = {
  names: namesOf<Key>(['code', 'name', 'source', ...EDITABLE_FIELDS], columnText, [
    ['kommunkod', 'code'],
    ['kod', 'code'],
    ['kommun', 'name'],
    ['namn', 'name'],
    ['kommunnamn', 'name'],
    ['källa', 'source'],
    ['invånare', 'population'],
    ['folkmängd', 'population'],
    ['befolkning', 'population'],
    ['folkmängdsår', 'populationYear'],
    ['befolkningsår', 'populationYear'],
    ['befolkningstillväxt', 'populationGrowth'],
    ['tillväxt', 'populationGrowth'],
    ['anställda', 'employees'],
    ['elever', 'pupils'],
    ['it-kostnad', 'itCost'],
    ['it-kostnader', 'itCost'],
    ['it-personal', 'itStaff'],
    ['system', 'systems'],
    ['antal system', 'systems'],
    ['andel äldre system', 'legacyShare'],
    ['äldre system', 'legacyShare'],
    ['verksamhetssystem', 'systems'],
    ['elever med it-konto', 'pupils'],
  ]),
  // profile fields that exist but are not set by import
  fixed: new Set(
    ['county', 'countyName', 'populationPrev', 'populationPrevYear', 'sources', 'län', 'länskod'].map((f) =>
      f.toLowerCase(),
    ),
  ),
  columnList: columnList([...TEMPLATE_COLUMNS, 'source' as const], columnText, 'code, itCost'),
  suggest: true,
};

// ---------------------------------------------------------------------------------------------------------
// Cells

/**
 * A number cell of a field (see `parseNumber`); for share fields also a percentage (`30 %` → 0.3), which
 * other fields refuse. Returns an error text in Swedish when the text is not such a number.
 */
function readNumber(raw: string, field: EditableField): { value: number } | { error: string } {
  const parsed = parseNumber(raw);
  if (parsed.percent && !PERCENT_FIELDS.has(field)) {
    return {
      error: `”${clip(raw)}” är ett procenttal, men procent går bara för andelar (${[...PERCENT_FIELDS].map((f) => columnText(f).label.sv.toLowerCase()).join(', ')})`,
    };
  }
  if ('error' in parsed) return { error: parsed.error };
  return { value: parsed.percent ? parsed.value / 100 : parsed.value };
}

/** A kommunkod as written, made four digits; a three-digit code gets its leading zero back. */
function parseCode(raw: string): { code: string; note?: string } | { error: string } {
  const s = unneutralise(raw.trim());
  if (/^\d{4}$/.test(s)) return { code: s };
  if (/^\d{3}$/.test(s)) {
    const code = `0${s}`;
    return {
      code,
      note: `Kommunkoden ${s} lästes som ${code} (den inledande nollan saknades, vilket Excel brukar göra)`,
    };
  }
  return { error: `”${clip(raw)}” är ingen kommunkod (fyra siffror, t.ex. 0114 eller 1485)` };
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file into rows

/** One data row or JSON entry, read but not yet checked against the municipalities. */
interface ProfileRow extends RawRow<EditableField, number | null> {
  code: Cell<string> | null;
  name: Cell<string> | null;
}

/** One JSON value of an editable field into `out`, or a problem. */
function readJsonValue(out: ProfileRow, key: EditableField, value: unknown, column: string, report: Report) {
  const raw = jsonRaw(value);
  if (value === null) {
    if (CLEARABLE_FIELDS.has(key)) out.values.set(key, { value: null, raw, column });
    else
      report(
        column,
        `måste ha ett värde (null går bara för ${[...CLEARABLE_FIELDS].map((f) => columnText(f).label.sv).join(', ')})`,
      );
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    out.values.set(key, { value, raw, column });
  } else if (typeof value === 'string') {
    if (value.trim() === '') return;
    const parsedNumber = readNumber(value, key);
    if ('error' in parsedNumber) report(column, parsedNumber.error);
    else out.values.set(key, { value: parsedNumber.value, raw, column });
  } else report(column, `${raw} är inte ett tal`);
}

/** How profile files are read into rows (see `readFile`). */
const ROWS: RowRules<Key, ProfileRow> = {
  items: { plural: 'kommuner', example: '{ "code": "1485", "population": 57000 }' },
  row: (row) => ({ row, code: null, name: null, source: null, values: new Map() }),
  resolve: (name, format) => resolveName(HEADERS, name, format),
  required: {
    key: 'code',
    csv: 'Kolumnen Kommunkod saknas (fyra siffror, t.ex. 1485; får också heta code)',
    json: 'fältet Kommunkod (code) saknas',
  },
  delimitersToGuess: [';', ',', '\t'],
  csvCell: (out, key, raw, column) => {
    if (key === 'code' || key === 'name' || key === 'source') {
      out[key] = { value: unneutralise(raw), raw, column };
      return undefined;
    }
    const parsedNumber = readNumber(raw, key);
    if ('error' in parsedNumber) return parsedNumber.error;
    out.values.set(key, { value: parsedNumber.value, raw, column });
  },
  jsonField: (out, key, value, column, report) => {
    const raw = jsonRaw(value);
    if (key === 'code') {
      if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
        out.code = { value: String(value), raw, column };
      } else report(column, `${raw} är ingen kommunkod (text med fyra siffror)`);
    } else if (key === 'name' || key === 'source') {
      if (typeof value === 'string') out[key] = { value, raw, column };
      else if (value !== null) report(column, `${raw} ska vara text`);
    } else readJsonValue(out, key, value, column, report);
  },
};

// ---------------------------------------------------------------------------------------------------------
// Applying the rows

/** What each field must be, in Swedish, for validation messages (mirrors MunicipalitySchema). */
const RULE: Record<EditableField, string> = {
  population: 'ska vara ett heltal från 1 till 2 000 000',
  populationYear: 'ska vara ett årtal (heltal) från 1990 till 2100',
  populationGrowth: 'ska vara en årlig förändring mellan −0,1 och 0,1 (−10 % till 10 %)',
  employees: 'ska vara minst 1',
  pupils: 'får inte vara negativt',
  itCost: 'får inte vara negativt (kronor per år)',
  itStaff: 'får inte vara negativt (årsarbetare)',
  systems: 'ska vara från 1 till 5 000',
  legacyShare: 'ska vara en andel från 0 till 1 (t.ex. 0,3 eller 30 %)',
};

/** A resolved row: the profile it changes (its index in `current`) and any note on how its code was read. */
interface Resolved {
  read: ProfileRow;
  at: number;
  note?: string;
}

/** How rows are applied (see `importFile`). */
type Spec = MergeSpec<Municipality, EditableField, number | null, ProfileRow, Resolved, Change>;

/** The rows whose codes are well-formed, known and given once (with names that fit), in file order. */
const resolveRows: Spec['resolve'] = (format, rows, log, current) => {
  const index = new Map(current.map((profile, i) => [profile.code, i]));
  const resolved: Resolved[] = [];
  for (const read of rows) {
    if (read.code === null) {
      log.reject(problemAt(format, read.row, null, 'kommunkod saknas'));
      continue;
    }
    const parsed = parseCode(read.code.value);
    if ('error' in parsed) {
      log.reject(problemAt(format, read.row, read.code.column, parsed.error));
      continue;
    }
    const i = index.get(parsed.code);
    if (i === undefined) {
      log.reject(problemAt(format, read.row, read.code.column, `okänd kommunkod ${parsed.code}`));
      continue;
    }
    if (!log.claim(parsed.code, read)) continue;
    const profile = current[i];
    if (read.name !== null && !sameName(read.name.value, profile.name)) {
      const text = `kommunkoden ${parsed.code} är ${profile.name}, inte ”${clip(read.name.value)}”. Kontrollera koden.`;
      log.reject(problemAt(format, read.row, read.name.column, text));
    }
    resolved.push({ read, at: i, note: parsed.note });
  }
  // a municipality given twice: which row is meant is unknown, so neither is applied
  log.refuseRepeated(format, 'Kommunkoden', (r) => r.code?.column ?? null);
  return resolved;
};

/** The problems of one changed profile against the project's schema, each placed at its cell in the file. */
const schemaProblems: Spec['check'] = (format, next, i, origins, current) => {
  const checked = parseMunicipalities([next]);
  if (checked.ok) return [];
  const problems: Problem[] = [];
  const placed = new Set<string>();
  const row = [...origins.values()][0]?.row ?? null;
  for (const issue of checked.issues) {
    const [, second, third] = issue.path.split('.');
    const field = (second === 'sources' ? third : second) as EditableField;
    const origin = origins.get(field);
    if (origin && second === 'sources') {
      if (placed.has('source')) continue;
      placed.add('source');
      problems.push(problemAt(format, origin.row, origin.sourceColumn, 'källan ska ha från 3 till 2 000 tecken'));
    } else if (origin) {
      if (placed.has(field)) continue;
      placed.add(field);
      problems.push(problemAt(format, origin.row, origin.column, notAllowed(format, origin.raw, RULE[field])));
    } else {
      // not a value from the file: name the field by its label
      problems.push(
        problemAt(format, row, null, describeOther('municipalities', i, issue, { municipalities: current })),
      );
    }
  }
  return problems;
};

/** How profile rows are applied onto the municipalities (see `importFile`). */
const MERGE: Spec = {
  resolve: resolveRows,
  fields: EDITABLE_FIELDS,
  get: fieldValue,
  copy: (profile) => ({ ...profile, sources: { ...profile.sources } }),
  set: (next, field, value) => {
    if (value === null && field === 'pupils') delete next.pupils;
    else Object.assign(next, { [field]: value });
  },
  sourceKey: (field) => field,
  change: ({ read, note }, { code, name }, field, from, to, source) => {
    const change: Change = { code, name, field, from, to, source, row: read.row };
    if (note) change.note = note;
    return change;
  },
  check: schemaProblems,
};

/**
 * Reads a user's file of municipality figures and merges it onto `current`, for a preview and then applying.
 *
 * **Formats.** JSON when the name ends in `.json` or the text starts with `[` or `{`: an array of partial
 * profiles `{ "code": "1485", "population": 57000, … }` (numbers or numeric text; `null` empties `itCost`,
 * `itStaff` or `pupils`). Otherwise CSV with a header row, read with papaparse, in UTF-8 (with or without
 * BOM) or Windows-1252 (see {@link decodeText}); the delimiter is taken from an Excel `sep=` line or from the
 * header row (`;`, tab or `,`). Numbers may have a decimal comma or point, spaces or no-break spaces between
 * groups of three digits, and for `legacyShare` and `populationGrowth` a trailing `%` (`30 %` → 0.3). A
 * single `,` or `.` is always a decimal mark, so `1,234` is 1.234. An empty cell keeps the current value.
 *
 * **Columns.** `code` (kommunkod) is required; a three-digit code gets back the leading zero that Excel
 * drops (and the change says so in {@link Change.note}). Any of {@link EDITABLE_FIELDS} may be present. `name`
 * is optional and only checked: a name that is not the code's municipality is refused, which catches
 * shifted rows. `source` is optional and becomes `sources[field]` of every field the row changes, else
 * `import: <fileName>`. Headers are matched trimmed and case-insensitive, with Swedish aliases (kommunkod,
 * kommun/namn, invånare/folkmängd, anställda, elever, it-kostnad, it-personal, system, andel äldre system,
 * källa, …). Any other column is refused by name, so typos are caught.
 *
 * **Checks.** At most {@link MAX_FILE_BYTES} bytes and {@link MAX_DATA_ROWS} rows; NUL bytes, a zip/xlsx
 * header or more than 1 % control characters mean binary data; each code once; and the merged profiles must
 * pass `parseMunicipalities`, whose issues come back placed at the file's row and column.
 *
 * Rows are needed only for the municipalities to change; the others stay as they are (the same objects).
 * `current` is not modified. Values equal to the current ones, also after the rounding of a template, are
 * not changes.
 */
export function parseProfileFile(bytes: Uint8Array, fileName: string, current: readonly Municipality[]): ImportResult {
  const result = importFile(bytes, fileName, current, ROWS, MERGE);
  return result.ok ? { ok: true, changes: result.changes, profiles: result.merged, problems: result.problems } : result;
}
