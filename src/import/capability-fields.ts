/**
 * The capability fields an import may change and the templates that list them: the field ids in template
 * column order (the scale flattened into `scale_low`, `scale_mode`, `scale_high`), how to get them from a
 * capability, and the CSV and JSON templates to edit and import again (`./capabilities.ts` reads them, and
 * re-exports everything here). Pure: no DOM.
 */
import type { Capability } from '../engine/index.js';
import { type CsvCell, toCsv } from '../export/csv.js';
import type { Lang } from '../i18n.js';
import { CAPABILITY_FIELD_TEXT, type FieldText, fieldHeader } from './labels.js';
import { jsonTemplate } from './table.js';

/**
 * The capability fields a file may change, in template column order. The scale exponents are flattened
 * into `scale_low`, `scale_mode` and `scale_high` (in JSON also `scale: { low, mode, high }`); `poolable`
 * and `transferable` are yes/no, all others numbers.
 */
export const CAPABILITY_FIELDS = [
  'minFte',
  'fteAtRef',
  'refVolume',
  'scale_low',
  'scale_mode',
  'scale_high',
  'nonStaffCost',
  'nonStaffScale',
  'poolable',
  'transferable',
] as const;

/** A capability field that an import may change (scale parts flattened, see {@link CAPABILITY_FIELDS}). */
export type CapabilityField = (typeof CAPABILITY_FIELDS)[number];

/**
 * The fields of {@link capabilitiesTemplate} by id, in column order: `id`, `name` and {@link CAPABILITY_FIELDS}.
 * The ids are read as headers (and JSON keys) in every file; the templates carry the labels of
 * {@link capabilityTemplateHeaders}.
 */
export const CAPABILITY_TEMPLATE_COLUMNS = ['id', 'name', ...CAPABILITY_FIELDS] as const;

/** A column's label and unit. */
export const columnText = (key: CapabilityColumn): FieldText => CAPABILITY_FIELD_TEXT[key];

/**
 * The headers of {@link capabilitiesTemplate} in a language: each field's label with its unit
 * (`Förmåga (id)`, `Namn`, `Minsta bemanning (årsarbetare)`, …, `Kan delas (ja/nej)`).
 */
export const capabilityTemplateHeaders = (lang: Lang): string[] =>
  CAPABILITY_TEMPLATE_COLUMNS.map((key) => fieldHeader(columnText(key), lang));
/** What a column (or JSON key) of a capability file holds. */
export type CapabilityColumn = 'id' | 'name' | 'source' | CapabilityField;

// ---------------------------------------------------------------------------------------------------------
// Fields

export type BooleanField = 'poolable' | 'transferable';
type ScalePart = 'low' | 'mode' | 'high';

export const isBooleanField = (field: CapabilityField): field is BooleanField =>
  field === 'poolable' || field === 'transferable';

export const SCALE_PART: Partial<Record<CapabilityField, ScalePart>> = {
  scale_low: 'low',
  scale_mode: 'mode',
  scale_high: 'high',
};
export const SCALE_FIELDS = ['scale_low', 'scale_mode', 'scale_high'] as const;

export function getField(capability: Capability, field: CapabilityField): number | boolean {
  const part = SCALE_PART[field];
  return part ? capability.scale[part] : capability[field as Exclude<CapabilityField, (typeof SCALE_FIELDS)[number]>];
}

/** The key of `sources` that documents a field. */
export const sourceKey = (field: CapabilityField): string => (SCALE_PART[field] ? 'scale' : field);

// ---------------------------------------------------------------------------------------------------------
// Templates

const booleanCell = (value: boolean, lang: Lang): string =>
  lang === 'sv' ? (value ? 'ja' : 'nej') : value ? 'yes' : 'no';

/**
 * A CSV template with the capabilities' current figures, to edit and import again: one column per field of
 * {@link CAPABILITY_TEMPLATE_COLUMNS} (scale flattened into its low, most likely and high parts), headed by
 * its label in the language ({@link capabilityTemplateHeaders}; the importer also reads the English labels
 * and the field ids), one row per capability with its name in `lang`, written with `toCsv` (`sv`: `;` and
 * decimal comma; `en`: `,` and decimal point; both UTF-8 with BOM). Yes/no fields are `ja`/`nej` (sv) or
 * `yes`/`no` (en). Importing the unedited file changes nothing.
 */
export function capabilitiesTemplate(current: readonly Capability[], lang: Lang): string {
  const rows: CsvCell[][] = current.map((c) => [
    c.id,
    c.name[lang],
    ...CAPABILITY_FIELDS.map((field) => {
      const value = getField(c, field);
      return typeof value === 'boolean' ? booleanCell(value, lang) : value;
    }),
  ]);
  return toCsv([capabilityTemplateHeaders(lang), ...rows], lang);
}

/**
 * A JSON template with the capabilities' current figures: an array of objects keyed by the headers of
 * {@link capabilityTemplateHeaders} in the language, the name as `{ sv, en }`, the scale flattened, yes/no
 * as booleans, pretty-printed. Importing it unedited changes nothing; the field ids (`id`, `minFte`,
 * `scale: { low, mode, high }` …) are read as keys too.
 */
export function capabilitiesJsonTemplate(current: readonly Capability[], lang: Lang = 'sv'): string {
  const rows = current.map((c) => [
    c.id,
    { sv: c.name.sv, en: c.name.en },
    ...CAPABILITY_FIELDS.map((field) => getField(c, field)),
  ]);
  return jsonTemplate(capabilityTemplateHeaders(lang), rows);
}
