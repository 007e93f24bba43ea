/**
 * What people call the figures a file may change: labels, units and template headers for municipality
 * profiles and capabilities, in Swedish and English, and their values written as people read them
 * (`14 500 000,5 kr`, `35 %`). The field ids (`itCost`, `minFte` …) stay for files and code; everything a
 * person sees names the field by its label. Pure: no DOM.
 */
import type { Text } from '../engine/index.js';
import type { Lang } from '../i18n.js';

/** A field as people see it: its label, and the unit its values are given in (`null`: a plain count or text). */
export interface FieldText {
  label: Text;
  unit: Text | null;
  /** How {@link formatFieldValue} writes a value: an amount, a share as a percentage, yes/no, or a plain number. */
  kind: 'number' | 'sek' | 'share' | 'boolean' | 'text';
}

const f = (sv: string, en: string, kind: FieldText['kind'] = 'number', unit: [string, string] | null = null) => ({
  label: { sv, en },
  unit: unit ? { sv: unit[0], en: unit[1] } : null,
  kind,
});

/** The profile fields of a municipality (those an import may change and the keys around them). */
export const PROFILE_FIELD_TEXT = {
  code: f('Kommunkod', 'Municipality code', 'text'),
  name: f('Kommun', 'Municipality', 'text'),
  county: f('Länskod', 'County code', 'text'),
  countyName: f('Län', 'County', 'text'),
  population: f('Invånare', 'Inhabitants'),
  populationYear: f('År för invånarantalet', 'Year of the population figure'),
  populationPrev: f('Invånare året innan', 'Inhabitants the year before'),
  populationPrevYear: f('År för föregående invånarantal', 'Year of the previous population figure'),
  populationGrowth: f('Befolkningsförändring per år', 'Population change per year', 'share', ['andel', 'share']),
  employees: f('Anställda', 'Employees'),
  pupils: f('Elever med IT-konto', 'Pupils with IT accounts'),
  itCost: f('IT-kostnad', 'IT cost', 'sek', ['kr per år', 'SEK per year']),
  itStaff: f('IT-personal', 'IT staff', 'number', ['årsarbetare', 'FTE']),
  systems: f('Verksamhetssystem', 'Business systems', 'number', ['antal', 'number']),
  legacyShare: f('Andel äldre system', 'Share of legacy systems', 'share', ['0–1', '0–1']),
  sources: f('Källor', 'Sources', 'text'),
  source: f('Källa', 'Source', 'text'),
} satisfies Record<string, FieldText>;

/** The capability fields (the scale's parts flattened as in the templates: `scale_low` …). */
export const CAPABILITY_FIELD_TEXT = {
  id: f('Förmåga', 'Capability', 'text', ['id', 'id']),
  name: f('Namn', 'Name', 'text'),
  group: f('Grupp', 'Group', 'text'),
  description: f('Beskrivning', 'Description', 'text'),
  kind: f('Slag', 'Kind', 'text'),
  driver: f('Drivs av', 'Driver', 'text'),
  minFte: f('Minsta bemanning', 'Minimum staffing', 'number', ['årsarbetare', 'FTE']),
  fteAtRef: f('Bemanning vid referensvolym', 'Staffing at reference volume', 'number', ['årsarbetare', 'FTE']),
  refVolume: f('Referensvolym', 'Reference volume'),
  scale: f('Skalelasticitet β', 'Scale elasticity β'),
  scale_low: f('Skalelasticitet lägsta', 'Scale elasticity low'),
  scale_mode: f('Skalelasticitet troligast', 'Scale elasticity most likely'),
  scale_high: f('Skalelasticitet högsta', 'Scale elasticity high'),
  nonStaffCost: f('Övriga kostnader', 'Non-staff cost', 'sek', ['kr per år', 'SEK per year']),
  nonStaffScale: f('Skalelasticitet för övriga kostnader', 'Scale elasticity of non-staff cost'),
  poolable: f('Kan delas', 'Poolable', 'boolean', ['ja/nej', 'yes/no']),
  transferable: f('Kan flyttas', 'Transferable', 'boolean', ['ja/nej', 'yes/no']),
  framework: f('Ramverk', 'Framework', 'text'),
  sources: f('Källor', 'Sources', 'text'),
  source: f('Källa', 'Source', 'text'),
} satisfies Record<string, FieldText>;

export type ProfileFieldName = keyof typeof PROFILE_FIELD_TEXT;
export type CapabilityFieldName = keyof typeof CAPABILITY_FIELD_TEXT;

/** A profile field's label in the language (`IT-kostnad`); an unknown key is returned as it is. */
export const profileFieldLabel = (field: string, lang: Lang): string =>
  (PROFILE_FIELD_TEXT as Record<string, FieldText>)[field]?.label[lang] ?? field;

/** A capability field's label in the language (`Minsta bemanning`); an unknown key is returned as it is. */
export const capabilityFieldLabel = (field: string, lang: Lang): string =>
  (CAPABILITY_FIELD_TEXT as Record<string, FieldText>)[field]?.label[lang] ?? field;

/**
 * A template column header: the label, with its unit in parentheses where it has one
 * (`IT-kostnad (kr per år)`). Importers read such a header with or without the parentheses.
 */
export function fieldHeader(text: FieldText, lang: Lang): string {
  return text.unit ? `${text.label[lang]} (${text.unit[lang]})` : text.label[lang];
}

const formats = new Map<string, Intl.NumberFormat>();
/**
 * Every digit a number has (up to 6 decimals), with the language's separators: `14 500 000,5`, `−0,99`.
 * Numbers below 10 000 are not grouped, so that a year stays `2025`.
 */
export function formatExact(x: number, lang: Lang): string {
  const grouped = Math.abs(x) >= 10_000;
  const key = `${lang}|${grouped}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
      maximumFractionDigits: 6,
      useGrouping: grouped,
    });
    formats.set(key, format);
  }
  return format.format(x);
}
const exact = formatExact;

/**
 * A field's value as a person reads it, in the language: amounts with `kr` (`14 500 000,5 kr`), shares as
 * percentages (`35 %`, `0,342 %`), yes/no, other numbers with their unit (`9,5 årsarbetare`). Numbers keep
 * up to six decimals, so a preview shows what the file says. An empty value (`null`) is `–`.
 */
export function formatFieldValue(text: FieldText, value: number | boolean | string | null, lang: Lang): string {
  if (value === null) return '–';
  const sv = lang === 'sv';
  if (typeof value === 'boolean') return value ? (sv ? 'ja' : 'yes') : sv ? 'nej' : 'no';
  if (typeof value === 'string') return value;
  if (text.kind === 'share') return sv ? `${exact(value * 100, lang)} %` : `${exact(value * 100, lang)}%`;
  if (text.kind === 'sek') return sv ? `${exact(value, lang)} kr` : `SEK ${exact(value, lang)}`;
  const unit = text.unit && text.unit.en !== 'number' ? ` ${text.unit[lang]}` : '';
  return `${exact(value, lang)}${unit}`;
}
