import type { AssumptionDef, PathId, Text } from './engine/index.js';

export type Lang = 'sv' | 'en';

/** Pick the text of a bilingual string. */
export const pick = (text: Text, lang: Lang): string => text[lang];

const STRINGS = {
  appTitle: { sv: 'Digitala motorn', en: 'Digitala motorn' },
  appSubtitle: {
    sv: 'Scenarier för kommunernas gemensamma IT – kostnad och kapacitet över tid',
    en: 'Scenarios for shared municipal IT – cost and capacity over time',
  },
  language: { sv: 'In English', en: 'På svenska' },
  copyLink: { sv: 'Kopiera länk', en: 'Copy link' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  workspace: { sv: 'Arbetsyta', en: 'Workspace' },
  linkCopied: {
    sv: 'Länken är kopierad. Den som öppnar den får exakt samma scenario och siffror.',
    en: 'The link is copied. Whoever opens it gets exactly the same scenario and figures.',
  },
  linkNotCopied: { sv: 'Kopiera länken härifrån:', en: 'Copy the link from here:' },
  linkLong: {
    sv: 'Länken blir lång eftersom scenariot har många ändringar, och vissa e-postprogram klipper långa länkar. Skicka hellre scenariofilen (Ladda ner scenario).',
    en: 'The link is long because the scenario has many changes, and some mail programs cut long links. Send the scenario file instead (Download scenario).',
  },
  resultsOutdated: {
    sv: 'Siffrorna gäller scenariot före den senaste ändringen, som inte kan köras',
    en: 'The figures belong to the scenario before the last change, which cannot be run',
  },
  linkTooLong: {
    sv: 'Scenariot är för stort för en länk: en så lång länk går inte att öppna. Inget kopierades. Ladda ner scenariot som fil i stället (Ladda ner scenario); filen bär allt, också importerade siffror.',
    en: 'The scenario is too large for a link: a link that long cannot be opened. Nothing was copied. Download the scenario as a file instead (Download scenario); the file carries everything, imported figures included.',
  },
  linkFailed: {
    sv: 'Länken kunde inte öppnas',
    en: 'The link could not be opened',
  },
  linkFallback: {
    sv: 'Förvalt scenario visas i stället. Inget sparat har ändrats.',
    en: 'The default scenario is shown instead. Nothing saved has changed.',
  },
  fileFailed: { sv: 'Scenariofilen kunde inte öppnas', en: 'The scenario file could not be opened' },
  field: { sv: 'fält', en: 'field' },
  close: { sv: 'Stäng', en: 'Close' },
  download: { sv: 'Ladda ner scenario', en: 'Download scenario' },
  upload: { sv: 'Öppna scenariofil', en: 'Open scenario file' },
  runs: { sv: 'Körningar', en: 'Runs' },
  runsDone: { sv: 'körningar klara', en: 'runs done' },
  preview: { sv: 'Förhandsvisning', en: 'Preview' },
  running: { sv: 'Räknar …', en: 'Computing …' },
  loading: { sv: 'Laddar data …', en: 'Loading data …' },
  members: { sv: 'Kommuner', en: 'Municipalities' },
  presets: { sv: 'Förval', en: 'Presets' },
  searchMunicipality: { sv: 'Lägg till kommun', en: 'Add municipality' },
  remove: { sv: 'Ta bort', en: 'Remove' },
  paths: { sv: 'Vägval', en: 'Paths' },
  assumptions: { sv: 'Antaganden', en: 'Assumptions' },
  low: { sv: 'Låg', en: 'Low' },
  likely: { sv: 'Troligast', en: 'Most likely' },
  high: { sv: 'Hög', en: 'High' },
  source: { sv: 'Källa', en: 'Source' },
  reset: { sv: 'Återställ', en: 'Reset' },
  settings: { sv: 'Körning', en: 'Run settings' },
  horizon: { sv: 'År framåt', en: 'Years ahead' },
  seed: { sv: 'Frö', en: 'Seed' },
  form: { sv: 'Samverkansform', en: 'Legal form' },
  host: { sv: 'Värdkommun', en: 'Host municipality' },
  largest: { sv: 'Största kommunen', en: 'Largest municipality' },
  shared: { sv: 'Delade förmågor', en: 'Shared capabilities' },
  allPoolable: { sv: 'Alla som kan delas', en: 'All that can be shared' },
  allTransferable: { sv: 'Alla som kan flyttas', en: 'All that can be moved' },
  bodyPopulation: { sv: 'Invånare som den regionala aktören betjänar', en: 'Inhabitants served by the regional body' },
  tabCost: { sv: 'Kostnad', en: 'Cost' },
  tabCapacity: { sv: 'Kapacitet', en: 'Capacity' },
  tabCapabilities: { sv: 'Förmågor', en: 'Capabilities' },
  tabMunicipalities: { sv: 'Per kommun', en: 'By municipality' },
  tabUncertainty: { sv: 'Osäkerhet', en: 'Uncertainty' },
  tabDecision: { sv: 'Beslut', en: 'Decision' },
  tabData: { sv: 'Data och källor', en: 'Data and sources' },
  tabCompare: { sv: 'Jämförelse', en: 'Comparison' },
  showTable: { sv: 'Visa som tabell', en: 'Show as table' },
  showChart: { sv: 'Visa som diagram', en: 'Show as chart' },
  invalidScenario: { sv: 'Scenariot kan inte köras:', en: 'The scenario cannot run:' },
  workerFailed: {
    sv: 'Beräkningen misslyckades. Senaste giltiga resultat visas. Ändra en inställning för att försöka igen.',
    en: 'The computation failed. The last valid result is shown. Change a setting to try again.',
  },
  dataFailed: { sv: 'Kunde inte läsa in data', en: 'Could not load data' },
  year: { sv: 'År', en: 'Year' },
  path: { sv: 'Vägval', en: 'Path' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  noResults: { sv: 'Inga resultat ännu', en: 'No results yet' },
  cheaper: { sv: 'billigare', en: 'cheaper' },
  dearer: { sv: 'dyrare', en: 'dearer' },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

/** A UI string in the chosen language. */
export const t = (key: StringKey, lang: Lang): string => STRINGS[key][lang];

export const PATH_LABEL: Record<PathId, Text> = {
  'status-quo': { sv: 'Status quo (nuläge)', en: 'Status quo' },
  samverkan: { sv: 'Samverkan', en: 'Collaboration' },
  omfordelning: { sv: 'Omfördelning av ansvar', en: 'Reallocation of responsibility' },
  sammanlaggning: { sv: 'Sammanläggning', en: 'Merger' },
  asymmetrisk: { sv: 'Asymmetrisk ansvarsfördelning', en: 'Asymmetric responsibility' },
};

export const GROUP_LABEL: Record<string, Text> = {
  'stabil-drift': { sv: 'Stabil drift', en: 'Stable operations' },
  'teknisk-miljo': { sv: 'Teknisk miljö', en: 'Technical environment' },
  'krav-sla': { sv: 'Krav och SLA', en: 'Requirements and SLAs' },
  leverantorer: { sv: 'Leverantörer', en: 'Vendors' },
  standarder: { sv: 'Standarder', en: 'Standards' },
  'verksamhetens-behov': { sv: 'Verksamhetens behov', en: 'Business needs' },
  omvarld: { sv: 'Omvärld', en: 'External trends' },
  kompetens: { sv: 'Kompetens', en: 'Competence' },
  'attraktiv-arbetsplats': { sv: 'Attraktiv arbetsplats', en: 'Attractive workplace' },
};

export const FORM_LABEL: Record<string, Text> = {
  avtalssamverkan: { sv: 'Avtalssamverkan', en: 'Agreement-based' },
  'gemensam-namnd': { sv: 'Gemensam nämnd', en: 'Joint committee' },
  kommunalforbund: { sv: 'Kommunalförbund', en: 'Municipal federation' },
  bolag: { sv: 'Gemensamt bolag', en: 'Jointly owned company' },
};

const locale = (lang: Lang) => (lang === 'sv' ? 'sv-SE' : 'en-GB');

/** Number formats by language and digits: creating one costs far more than using it (tables format thousands). */
const formats = new Map<string, Intl.NumberFormat>();

/** A number with the language's separators and `digits` decimals: `12,3` in Swedish. */
export function formatNumber(x: number, lang: Lang, digits = 0): string {
  const key = `${lang}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(x);
}

/** SEK as millions: `12,3 mnkr` / `SEK 12.3 m`. */
export function formatMsek(x: number, lang: Lang, digits = 1): string {
  const n = formatNumber(x / 1e6, lang, digits);
  return lang === 'sv' ? `${n} mnkr` : `SEK ${n} m`;
}

/** A share as a percentage: `80 %`. */
export function formatPercent(x: number, lang: Lang, digits = 0): string {
  const n = formatNumber(x * 100, lang, digits);
  return lang === 'sv' ? `${n} %` : `${n}%`;
}

/**
 * A spread (standard error) of an assumption's value: "±0,9 procentenheter" for shares (a difference of
 * percentages is in percentage points), else "±" and the value as formatAssumptionValue writes it.
 */
export function formatAssumptionSpread(def: AssumptionDef, se: number, lang: Lang): string {
  if (def.unit.en.startsWith('share'))
    return `±${formatNumber(se * 100, lang, 1)} ${lang === 'sv' ? 'procentenheter' : 'percentage points'}`;
  return `±${formatAssumptionValue(def, se, lang)}`;
}

/** The value of an assumption in its unit, rounded for display. */
export function formatAssumptionValue(def: AssumptionDef, x: number, lang: Lang): string {
  const unit = def.unit.en;
  if (unit.startsWith('share')) return formatPercent(x, lang, 1);
  if (unit.startsWith('percentage points')) return formatPercent(x, lang, 2);
  if (unit.startsWith('SEK')) return formatNumber(x, lang, 0);
  return formatNumber(x, lang, 2);
}
