/**
 * The profile fields an import may change and the templates that list them: the field ids in template
 * column order, and the CSV and JSON templates to edit and import again (`./profiles.ts` reads them, and
 * re-exports everything here). Pure: no DOM.
 */
import type { Municipality } from '../engine/index.js';
import { type CsvCell, toCsv } from '../export/csv.js';
import type { Lang } from '../i18n.js';
import { type FieldText, fieldHeader, PROFILE_FIELD_TEXT } from './labels.js';
import { jsonTemplate } from './table.js';

/**
 * The profile fields a file may change, in template column order. All are numbers; `itCost` and `itStaff`
 * may be empty (`null`), and `pupils` may be absent, in which case the engine derives them.
 */
export const EDITABLE_FIELDS = [
  'population',
  'populationYear',
  'populationGrowth',
  'employees',
  'pupils',
  'itCost',
  'itStaff',
  'systems',
  'legacyShare',
] as const;

/** A profile field that an import may change. */
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * The fields of a template, in column order, by id. The ids are accepted as headers (and JSON keys) in
 * every file; the templates themselves carry the labels of {@link templateHeaders}.
 */
export const TEMPLATE_COLUMNS = ['code', 'name', ...EDITABLE_FIELDS] as const;

/** A template column's label and unit. */
export const columnText = (key: ProfileColumn): FieldText => PROFILE_FIELD_TEXT[key];

/**
 * The headers of {@link profilesTemplate} in a language: each field's label with its unit
 * (`Kommunkod`, `Kommun`, `Invånare`, …, `IT-kostnad (kr per år)`, `Andel äldre system (0–1)`).
 */
export const templateHeaders = (lang: Lang): string[] =>
  TEMPLATE_COLUMNS.map((key) => fieldHeader(columnText(key), lang));

/** What a column (or JSON key) of a profile file holds. */
export type ProfileColumn = 'code' | 'name' | 'source' | EditableField;

/** A profile's value of a field; `null` where it has none. */
export const fieldValue = (profile: Municipality, field: EditableField): number | null => profile[field] ?? null;

// ---------------------------------------------------------------------------------------------------------
// Templates

/** A template's rows: code, name and the editable fields of each profile (empty figures `null`). */
const templateRows = (profiles: readonly Municipality[]): CsvCell[][] =>
  profiles.map((p) => [p.code, p.name, ...EDITABLE_FIELDS.map((field) => fieldValue(p, field))]);

/**
 * A CSV template with the given profiles' current figures, to edit and import again: one column per field of
 * {@link TEMPLATE_COLUMNS}, headed by its label in the language ({@link templateHeaders}: `Kommunkod`,
 * `Invånare`, `IT-kostnad (kr per år)` …; the importer also reads the English labels and the field ids), one
 * row per profile, written with `toCsv` so that the language's Excel opens it by double-click (`sv`: `;` and
 * decimal comma; `en`: `,` and decimal point; both UTF-8 with BOM). Empty figures are empty cells. Numbers
 * are rounded as `formatCsvNumber` does (at most 5·10⁻⁷ relative), which an import of the unedited file does
 * not count as a change.
 */
export function profilesTemplate(profiles: readonly Municipality[], lang: Lang): string {
  return toCsv([templateHeaders(lang), ...templateRows(profiles)], lang);
}

/**
 * A JSON template with the given profiles' current figures: an array of objects keyed by the headers of
 * {@link templateHeaders} in the language, empty figures as `null`, pretty-printed. Importing it unedited
 * changes nothing; the field ids (`code`, `population` …) are read as keys too.
 */
export function profilesJsonTemplate(profiles: readonly Municipality[], lang: Lang = 'sv'): string {
  return jsonTemplate(templateHeaders(lang), templateRows(profiles));
}
