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
  // capability map (#19)
  tabCapabilityMap: { sv: 'Förmågekarta', en: 'Capability map' },
  mapIntro: {
    sv: 'Varje kommuns egen bedömning av förmågorna i den digitala motorn i dag, grupperade under de nio nyckelförmågorna. Nivå: 0 saknas, 1 sårbar (hänger på en person), 2 etablerad, 3 stark. Kartan följer med scenariot i länkar, filer och sparade scenarier.',
    en: 'Each municipality’s own assessment of the capabilities of the digital engine today, grouped under the nine key capabilities. Level: 0 missing, 1 vulnerable (hangs on one person), 2 established, 3 strong. The map travels with the scenario in links, files and saved scenarios.',
  },
  mapExample: {
    sv: 'Påhittade exempelvärden – inte någon kommuns bedömning',
    en: 'Invented example values – not any kommun’s assessment',
  },
  mapSource: { sv: 'Vem har bedömt, och när', en: 'Who assessed, and when' },
  mapSourcePlaceholder: {
    sv: 't.ex. IT-chefsnätverket, workshop 12 mars 2026',
    en: 'e.g. the IT managers’ network, workshop 12 March 2026',
  },
  mapEditorHeading: { sv: 'Bedömning per kommun', en: 'Assessment by municipality' },
  mapKeys: {
    sv: 'Tangentbord: piltangenterna flyttar mellan rutorna, 0–3 sätter nivån, Delete tar bort bedömningen, E/L/S väljer egen personal, leverantör eller samverkan.',
    en: 'Keyboard: the arrow keys move between cells, 0–3 set the level, Delete removes the assessment, O/S/C choose own staff, supplier or collaboration.',
  },
  mapCellEditor: { sv: 'Vald ruta', en: 'Selected cell' },
  mapLevel: { sv: 'Nivå', en: 'Level' },
  mapBy: { sv: 'Levereras av', en: 'Delivered by' },
  mapNotAssessed: { sv: 'ej bedömd', en: 'not assessed' },
  mapLevel0: { sv: 'saknas', en: 'missing' },
  mapLevel1: { sv: 'sårbar', en: 'vulnerable' },
  mapLevel2: { sv: 'etablerad', en: 'established' },
  mapLevel3: { sv: 'stark', en: 'strong' },
  mapByOwn: { sv: 'egen personal', en: 'own staff' },
  mapBySupplier: { sv: 'leverantör', en: 'supplier' },
  mapByCollaboration: { sv: 'befintlig samverkan', en: 'existing collaboration' },
  mapByOwnShort: { sv: 'E', en: 'O' },
  mapBySupplierShort: { sv: 'L', en: 'S' },
  mapByCollaborationShort: { sv: 'S', en: 'C' },
  mapByOwnWord: { sv: 'egen', en: 'own' },
  mapBySupplierWord: { sv: 'leverantör', en: 'supplier' },
  mapByCollaborationWord: { sv: 'samverkan', en: 'collaboration' },
  mapLegend: {
    sv: 'Varje ruta visar nivån (0–3) och vem som levererar: E egen personal, L leverantör, S befintlig samverkan. – betyder ej bedömd.',
    en: 'Each cell shows the level (0–3) and who delivers: O own staff, S supplier, C existing collaboration. – means not assessed.',
  },
  mapCapability: { sv: 'Förmåga', en: 'Capability' },
  mapGridLabel: { sv: 'Förmågekarta: förmågor × kommuner', en: 'Capability map: capabilities × municipalities' },
  mapTemplateHeading: { sv: 'Mall och import', en: 'Template and import' },
  mapTemplateIntro: {
    sv: 'Ladda ner mallen (CSV för Excel), låt varje kommun fylla i Nivå och Levereras av, och läs in filerna här – en fil per kommun eller en för alla, gärna flera på en gång. Inget ändras förrän du har sett förhandsvisningen och valt Tillämpa.',
    en: 'Download the template (CSV for Excel), let each municipality fill in Level and Delivered by, and import the files here – one file per municipality or one for all, several at once if you like. Nothing changes before you have seen the preview and chosen Apply.',
  },
  mapTemplateAll: { sv: 'Ladda ner mall (alla kommuner)', en: 'Download template (all municipalities)' },
  mapTemplateOne: { sv: 'Mall för en kommun', en: 'Template for one municipality' },
  mapTemplateChoose: { sv: 'Välj kommun …', en: 'Choose a municipality …' },
  mapImportFiles: {
    sv: 'Läs in ifylld mall (CSV, en eller flera filer)',
    en: 'Import filled template (CSV, one or more files)',
  },
  mapDrop: { sv: 'eller dra och släpp filerna här', en: 'or drop the files here' },
  mapPreviewTitle: { sv: 'Förhandsvisning: {files}', en: 'Preview: {files}' },
  mapPreviewNone: { sv: 'Filerna ändrar ingenting i kartan.', en: 'The files change nothing in the map.' },
  mapPreviewRow: {
    sv: '{name}: {added} nya, {changed} ändrade, {removed} blir ej bedömda, {same} oförändrade',
    en: '{name}: {added} new, {changed} changed, {removed} become not assessed, {same} unchanged',
  },
  mapPreviewRule: {
    sv: 'De inlästa kommunernas rutor ersätts helt: en förmåga med tom nivå (eller som saknas i filen) blir ej bedömd. Övriga kommuner behåller sina rutor.',
    en: 'The imported municipalities’ cells are replaced wholly: a capability with an empty level (or missing from the file) becomes not assessed. Other municipalities keep theirs.',
  },
  mapPreviewProblems: {
    sv: '{n} rader har fel och läses inte in; kommunens tidigare värde för den förmågan behålls:',
    en: '{n} rows have errors and are not imported; the municipality’s earlier value for that capability is kept:',
  },
  mapRefused: {
    sv: 'Filerna kunde inte läsas in. Inget har ändrats.',
    en: 'The files could not be imported. Nothing has changed.',
  },
  mapApply: { sv: 'Tillämpa', en: 'Apply' },
  mapCancel: { sv: 'Avbryt', en: 'Cancel' },
  mapMore: { sv: '… och {n} till.', en: '… and {n} more.' },
  mapClear: { sv: 'Töm kartan', en: 'Clear the map' },
  mapClearConfirm: {
    sv: 'Ta bort alla kommuners bedömningar i kartan? Ladda ner mallen först om du vill spara dem.',
    en: 'Remove every municipality’s assessments from the map? Download the template first to keep them.',
  },
  mapEmpty: {
    sv: 'Ingen kommun har bedömts ännu. Fyll i rutorna nedan eller läs in en ifylld mall.',
    en: 'No municipality has been assessed yet. Fill in the cells below or import a filled template.',
  },
  mapHeatmapHeading: { sv: 'Gemensamma styrkor och svagheter', en: 'Shared strengths and weaknesses' },
  mapHeatmapIntro: {
    sv: 'Förmågorna som är svaga (nivå 0–1 eller ej bedömda) i flest kommuner står överst. ”Kan låna ut”: kommuner på nivå 3 i en förmåga som är svag hos andra.',
    en: 'The capabilities that are weak (level 0–1 or not assessed) in the most municipalities come first. “Can lend”: municipalities at level 3 in a capability that is weak in others.',
  },
  mapHeatmapLabel: {
    sv: 'Förmågor efter hur många kommuner som är svaga i dem, med varje kommuns nivå',
    en: 'Capabilities by how many municipalities are weak in them, with each municipality’s level',
  },
  mapWeakIn: { sv: 'Svag i', en: 'Weak in' },
  mapGroupTableLabel: {
    sv: 'Per nyckelförmåga: hur många av gruppens förmågor som är svaga i varje kommun',
    en: 'By key capability: how many of the group’s capabilities are weak in each municipality',
  },
  mapLenders: { sv: 'Kan låna ut', en: 'Can lend' },
  mapGroup: { sv: 'Nyckelförmåga', en: 'Key capability' },
  mapNotAssessedMembers: { sv: 'Inte bedömda (räknas inte): {names}.', en: 'Not assessed (not counted): {names}.' },
  mapSummaryHeading: { sv: 'Förmågekartan: gemensamma svagheter', en: 'The capability map: shared weaknesses' },
  mapSummaryTop: {
    sv: 'De {n} förmågor som är svaga i flest kommuner.',
    en: 'The {n} capabilities weak in the most municipalities.',
  },
  mapSummarySentence: {
    sv: '{n} av {total} förmågor är svaga i minst hälften av de {members} bedömda kommunerna.',
    en: '{n} of {total} capabilities are weak in at least half of the {members} municipalities assessed.',
  },
  mapColCode: { sv: 'Kommunkod', en: 'Municipality code' },
  mapColName: { sv: 'Kommun', en: 'Municipality' },
  mapColCapability: { sv: 'Förmåga-id', en: 'Capability id' },
  mapColCapabilityName: { sv: 'Förmåga', en: 'Capability name' },
  mapColGroup: { sv: 'Nyckelförmåga', en: 'Key capability' },
  mapColLevel: { sv: 'Nivå (0–3)', en: 'Level (0–3)' },
  mapColBy: {
    sv: 'Levereras av (egen/leverantör/samverkan)',
    en: 'Delivered by (own/supplier/collaboration)',
  },
  mapAtRowColumn: { sv: 'Rad {row}, kolumn {column}: ', en: 'Row {row}, column {column}: ' },
  mapAtRow: { sv: 'Rad {row}: ', en: 'Row {row}: ' },
  mapAtColumn: { sv: 'Kolumn {column}: ', en: 'Column {column}: ' },
  mapErrUnreadable: { sv: 'filen kunde inte läsas: {why}', en: 'the file could not be read: {why}' },
  mapErrJson: {
    sv: 'förmågekartan läses in från CSV-mallen; spara filen som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”',
    en: 'the capability map is imported from the CSV template; save the file as “CSV UTF-8” or “CSV (comma delimited)”',
  },
  mapErrColumns: {
    sv: 'kolumnerna {columns} saknas; behåll mallens rubrikrad',
    en: 'the columns {columns} are missing; keep the template’s header row',
  },
  mapErrNoRows: { sv: 'filen har bara en rubrikrad och inga rader', en: 'the file has only a header row and no rows' },
  mapErrTooMany: { sv: 'för många rader ({n}, högst {max})', en: 'too many rows ({n}, at most {max})' },
  mapErrQuotes: {
    sv: 'citattecknen stämmer inte (ett fält öppnas med " men stängs aldrig); inget i filen läses in',
    en: 'the quotes do not match (a field opens with " but never closes); nothing in the file is imported',
  },
  mapErrExtra: {
    sv: 'raden har fler fält än rubrikraden; kontrollera avgränsare och citattecken',
    en: 'the row has more fields than the header row; check the delimiter and quotes',
  },
  mapErrEmpty: { sv: 'värde saknas', en: 'value missing' },
  mapErrUnknownCode: { sv: 'okänd kommunkod ”{value}”', en: 'unknown municipality code “{value}”' },
  mapErrNotMember: {
    sv: '{name} ({value}) är inte med i scenariot; lägg till kommunen först',
    en: '{name} ({value}) is not in the scenario; add the municipality first',
  },
  mapErrUnknownCapability: {
    sv: 'okänd förmåga ”{value}” (använd Förmåga-id från mallen)',
    en: 'unknown capability “{value}” (use the Capability id from the template)',
  },
  mapErrLevel: {
    sv: '”{value}” är ingen nivå: skriv 0, 1, 2 eller 3 (eller saknas, sårbar, etablerad, stark)',
    en: '“{value}” is not a level: write 0, 1, 2 or 3 (or missing, vulnerable, established, strong)',
  },
  mapErrBy: {
    sv: '”{value}” är inget leveranssätt: skriv egen, leverantör eller samverkan',
    en: '“{value}” is not a way of delivery: write own, supplier or collaboration',
  },
  mapErrByMissing: {
    sv: 'nivån är ifylld men inte vem som levererar (egen, leverantör eller samverkan)',
    en: 'the level is filled in but not who delivers (own, supplier or collaboration)',
  },
  mapErrRepeated: {
    sv: 'samma kommun och förmåga som rad {other}; ingen av raderna läses in',
    en: 'the same municipality and capability as row {other}; neither row is imported',
  },
  mapErrRepeatedFile: {
    sv: 'samma kommun och förmåga som rad {other} i {otherFile}; ingen av raderna läses in',
    en: 'the same municipality and capability as row {other} of {otherFile}; neither row is imported',
  },
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
