/**
 * The capability map's words in the UI language: levels, ways of delivery, template columns, and the
 * problems of an imported file ("Rad 14, kolumn Nivå: …"). Every text comes from `STRINGS` in `../i18n.ts`.
 */
import type { CapabilityLevel, Delivery, MapCell } from '../engine/index.js';
import { type Lang, type StringKey, t } from '../i18n.js';

/** A string of `STRINGS` with its `{name}` placeholders filled in. */
export const fill = (key: StringKey, lang: Lang, values: Record<string, string | number> = {}): string =>
  t(key, lang).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

const LEVEL_KEY: Record<CapabilityLevel, StringKey> = {
  0: 'mapLevel0',
  1: 'mapLevel1',
  2: 'mapLevel2',
  3: 'mapLevel3',
};
const BY_KEY: Record<Delivery, { long: StringKey; short: StringKey; word: StringKey }> = {
  own: { long: 'mapByOwn', short: 'mapByOwnShort', word: 'mapByOwnWord' },
  supplier: { long: 'mapBySupplier', short: 'mapBySupplierShort', word: 'mapBySupplierWord' },
  collaboration: { long: 'mapByCollaboration', short: 'mapByCollaborationShort', word: 'mapByCollaborationWord' },
};

/** A level's word: `sårbar`, `strong`. */
export const levelWord = (level: CapabilityLevel, lang: Lang): string => t(LEVEL_KEY[level], lang);

/** Who delivers: the words in the UI (`egen personal`), the letter in a cell (`E`) or the template's word (`egen`). */
export const byText = (by: Delivery, lang: Lang, form: 'long' | 'short' | 'word' = 'long'): string =>
  t(BY_KEY[by][form], lang);

/** A cell read aloud or printed in full: `2 etablerad, egen personal`, or `ej bedömd`. */
export const cellText = (cell: MapCell | undefined, lang: Lang): string =>
  cell ? `${cell.level} ${levelWord(cell.level, lang)}, ${byText(cell.by, lang)}` : t('mapNotAssessed', lang);

/** The template's columns, in order, and the key of each column's label. */
export const MAP_COLUMNS = ['code', 'name', 'capability', 'capabilityName', 'group', 'level', 'by'] as const;
export type MapColumn = (typeof MAP_COLUMNS)[number];
export const COLUMN_KEY: Record<MapColumn, StringKey> = {
  code: 'mapColCode',
  name: 'mapColName',
  capability: 'mapColCapability',
  capabilityName: 'mapColCapabilityName',
  group: 'mapColGroup',
  level: 'mapColLevel',
  by: 'mapColBy',
};

/** A column's label without its hint in parentheses, as messages name it: `Nivå`, `Levereras av`. */
export const columnName = (column: MapColumn, lang: Lang): string =>
  t(COLUMN_KEY[column], lang).replace(/\s*\([^()]*\)$/, '');

/**
 * One problem of an imported map file: its file, its row as Excel numbers it (the header is row 1; `null`:
 * the whole file), its column (`null`: the whole row), and what is wrong as a string key with its values.
 */
export interface MapProblem {
  file: string;
  row: number | null;
  column: MapColumn | null;
  key: StringKey;
  values: Record<string, string | number>;
}

/**
 * A problem in the UI language, named by its place: `Rad 14, kolumn Nivå: ”5” är ingen nivå …`, with the
 * file's name in front when several files were read.
 */
export function problemText(p: MapProblem, lang: Lang, withFile: boolean): string {
  const column = p.column === null ? '' : columnName(p.column, lang);
  const place =
    p.row === null
      ? p.column === null
        ? ''
        : fill('mapAtColumn', lang, { column })
      : p.column === null
        ? fill('mapAtRow', lang, { row: p.row })
        : fill('mapAtRowColumn', lang, { row: p.row, column });
  const values =
    p.key === 'mapErrColumns'
      ? {
          columns: String(p.values.columns)
            .split(',')
            .map((c) => columnName(c as MapColumn, lang))
            .join(', '),
        }
      : p.values;
  const text = fill(p.key, lang, values);
  const body = place === '' ? text.charAt(0).toUpperCase() + text.slice(1) : `${place}${text}`;
  return withFile ? `${p.file}: ${body}` : body;
}
