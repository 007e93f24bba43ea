/**
 * Reading a capability file into rows: which headers name which fields (with Swedish aliases, and the
 * scale flattened into three columns or given as an object in JSON), and each cell's value, numbers and
 * the yes/no fields alike. The shared reading of CSV and JSON is `./table.ts`.
 */
import type { Lang } from '../i18n.js';
import {
  CAPABILITY_FIELDS,
  CAPABILITY_TEMPLATE_COLUMNS,
  type CapabilityColumn,
  type CapabilityField,
  columnText,
  isBooleanField,
  SCALE_FIELDS,
} from './capability-fields.js';
import { columnList, type HeaderRules, namesOf, normalizeName, resolveName } from './headers.js';
import type { RawRow } from './merge.js';
import { parseNumber } from './numbers.js';
import { clip, type FileFormat } from './problems.js';
import { type Cell, jsonRaw, type Report, type RowRules, unneutralise } from './table.js';

type Key = CapabilityColumn;

/** The headers a capability file may have: field ids, their labels, and Swedish aliases. */
const HEADERS: HeaderRules<Key> = {
  names: namesOf<Key>(['id', 'name', 'source', ...CAPABILITY_FIELDS], columnText, [
    ['förmåga', 'id'],
    ['namn', 'name'],
    ['källa', 'source'],
    ['minsta bemanning', 'minFte'],
    ['bemanning vid referens', 'fteAtRef'],
    ['referensvolym', 'refVolume'],
    ['övriga kostnader', 'nonStaffCost'],
    ['kan delas', 'poolable'],
    ['kan flyttas', 'transferable'],
    ['scale.low', 'scale_low'],
    ['scale.mode', 'scale_mode'],
    ['scale.high', 'scale_high'],
    ['bemanning vid referensvolym', 'fteAtRef'],
  ]),
  // capability fields that exist but are not set by import
  fixed: new Set(['group', 'kind', 'driver', 'description', 'framework', 'sources'].map((f) => f.toLowerCase())),
  columnList: columnList([...CAPABILITY_TEMPLATE_COLUMNS, 'source' as const], columnText, 'id, minFte'),
  suggest: false,
};

/** A column header's key, or a Swedish explanation of why it is not accepted. */
function resolveHeader(header: string, format: FileFormat): { key: Key } | { error: string } {
  if (normalizeName(header) !== 'scale') return resolveName(HEADERS, header, format);
  return format === 'csv'
    ? {
        error: `skalan anges i kolumnerna ${SCALE_FIELDS.map((f) => columnText(f).label.sv).join(', ')} (eller scale_low, scale_mode, scale_high)`,
      }
    : { error: 'ska vara ett objekt som { "low": 0.8, "mode": 0.9, "high": 1 }' };
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['ja', true],
  ['nej', false],
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['sant', true],
  ['falskt', false],
  ['1', true],
  ['0', false],
]);

/** A yes/no cell: ja/nej, yes/no, true/false, sant/falskt (Swedish Excel's TRUE/FALSE) or 1/0, any case. */
const parseBoolean = (raw: string): boolean | null => BOOLEAN_WORDS.get(normalizeName(raw)) ?? null;

const BOOLEAN_HINT = 'ska vara ja eller nej (också yes/no, true/false, sant/falskt, 1/0)';

/** One cell's value for a field, or a Swedish error. A percentage is no number here: no field is a share. */
function readValue(field: CapabilityField, raw: string): { value: number | boolean } | { error: string } {
  if (isBooleanField(field)) {
    const value = parseBoolean(raw);
    return value === null ? { error: `”${clip(raw)}” ${BOOLEAN_HINT}` } : { value };
  }
  const parsed = parseNumber(raw);
  if (parsed.percent) return { error: `”${clip(raw)}” är inte ett tal` };
  return 'error' in parsed ? { error: parsed.error } : { value: parsed.value };
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file into rows

/** A name given in the file, with the language it claims to be in (`null`: either). */
export interface NameText {
  text: string;
  lang: Lang | null;
}

export interface CapabilityRow extends RawRow<CapabilityField, number | boolean> {
  id: Cell<string> | null;
  name: Cell<NameText[]> | null;
}

/** One JSON value for a field, or a Swedish error. */
function readJsonValue(
  field: CapabilityField,
  value: unknown,
  raw: string,
): { value: number | boolean } | { error: string } {
  if (typeof value === 'string') return readValue(field, value);
  if (isBooleanField(field)) {
    if (typeof value === 'boolean') return { value };
    if (value === 0 || value === 1) return { value: value === 1 };
    return { error: `${raw} ${BOOLEAN_HINT}` };
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  return { error: `${raw} är inte ett tal` };
}

/** The value a JSON entry gives a field into `out`, or a problem. */
function readJsonField(out: CapabilityRow, key: CapabilityField, value: unknown, column: string, report: Report) {
  if (value === null) {
    report(column, 'måste ha ett värde (utelämna fältet för att behålla det)');
    return;
  }
  const raw = jsonRaw(value);
  if (typeof value === 'string' && value.trim() === '') return;
  const parsed = readJsonValue(key, value, raw);
  if ('error' in parsed) report(column, parsed.error);
  else out.values.set(key, { value: parsed.value, raw, column });
}

/** The `id`, `name` or `source` a JSON entry gives into `out`, or a problem. */
function readJsonText(
  out: CapabilityRow,
  key: 'id' | 'name' | 'source',
  value: unknown,
  column: string,
  report: Report,
) {
  const raw = jsonRaw(value);
  if (key === 'name' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const names: NameText[] = [];
    for (const [lang, text] of Object.entries(value)) {
      if ((lang === 'sv' || lang === 'en') && typeof text === 'string') names.push({ text, lang });
      else report(`${column}.${clip(lang)}`, 'namnet anges som { "sv": …, "en": … }');
    }
    out.name = { value: names, raw, column };
  } else if (typeof value === 'string') {
    if (key === 'name') out.name = { value: [{ text: value, lang: null }], raw, column };
    else out[key] = { value, raw, column };
  } else if (value !== null) report(column, `${raw} ska vara text`);
}

/** How capability files are read into rows (see `readFile`). */
export const ROWS: RowRules<Key, CapabilityRow> = {
  items: { plural: 'förmågor', example: '{ "id": "service-desk", "minFte": 0.5 }' },
  row: (row) => ({ row, id: null, name: null, source: null, values: new Map() }),
  resolve: resolveHeader,
  required: {
    key: 'id',
    csv: 'Kolumnen Förmåga saknas (förmågans id, t.ex. service-desk; får också heta id)',
    json: 'fältet Förmåga (id) saknas',
  },
  csvCell: (out, key, raw, column) => {
    if (key === 'id' || key === 'source') out[key] = { value: unneutralise(raw), raw, column };
    else if (key === 'name') out.name = { value: [{ text: unneutralise(raw), lang: null }], raw, column };
    else {
      const value = readValue(key, raw);
      if ('error' in value) return value.error;
      out.values.set(key, { value: value.value, raw, column });
    }
    return undefined;
  },
  jsonField: (out, key, value, column, report) => {
    if (key === 'id' || key === 'name' || key === 'source') readJsonText(out, key, value, column, report);
    else readJsonField(out, key, value, column, report);
  },
  // `scale: { low, mode, high }`: each part as the field scale_low …, named `scale.low` …
  jsonSpecial: (out, name, value, column, report, claim) => {
    if (normalizeName(name) !== 'scale' || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return false;
    }
    for (const [part, inner] of Object.entries(value)) {
      const field = HEADERS.names.get(`scale_${normalizeName(part)}`);
      const innerColumn = `${column}.${clip(part)}`;
      if (field === undefined || !field.startsWith('scale_')) {
        report(innerColumn, 'okänt fält (skalan har low, mode och high)');
      } else if (claim(field, innerColumn)) readJsonField(out, field as CapabilityField, inner, innerColumn, report);
    }
    return true;
  },
};
