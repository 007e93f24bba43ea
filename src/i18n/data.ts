import type { Arg, Entry } from './entry.js';

/** The Data and sources tab: municipality and capability figures, the importer and its preview; notices of edits and files. */
export const DATA_STRINGS = {
  missingDerived: { sv: 'saknas (härleds)', en: 'missing (derived)' },
  everyFigureTheScenario: {
    sv: 'Alla siffror som scenariot bygger på, med källa eller antagande. ”härlett” betyder uträknat från källor enligt en regel; ”antagande” att ingen källa finns och varför värdet valts.',
    en: 'Every figure the scenario rests on, with its source or assumption. “härlett” means derived from sources by a rule; “antagande” that no source exists and why the value was chosen.',
  },
  municipalitiesInTheScenario: {
    sv: (p1: Arg) => `Kommunerna i scenariot (${p1})`,
    en: (p1: Arg) => `Municipalities in the scenario (${p1})`,
  },
  inhabitants: { sv: 'invånare', en: 'inhabitants' },
  figure: { sv: 'Uppgift', en: 'Figure' },
  value: { sv: 'Värde', en: 'Value' },
  edit: { sv: 'ändra', en: 'edit' },
  capabilityCatalogueCapabilities: {
    sv: (p1: Arg) => `Förmågekatalogen (${p1} förmågor)`,
    en: (p1: Arg) => `Capability catalogue (${p1} capabilities)`,
  },
  yourOwnFigures: { sv: 'Egna uppgifter', en: 'Your own figures' },
  downloadTheTemplateFill: {
    sv: 'Ladda ner mallen, fyll i kommunernas egna siffror (IT-kostnad, IT-personal, system, invånare …) i Excel och läs in filen här, eller dra och släpp den. Det räcker med de kommuner och kolumner du har; övriga värden behålls. Inget ändras förrän du har sett förhandsvisningen och valt Tillämpa.',
    en: 'Download the template, fill in the municipalities’ own figures in Excel and import the file here, or drop it. Only the municipalities and columns you have are needed; other values are kept. Nothing changes before you have seen the preview and chosen Apply.',
  },
  whatDoYouWant: { sv: 'Vad vill du läsa in?', en: 'What do you want to import?' },
  municipalitiesFigures: { sv: 'Kommunernas uppgifter', en: 'Municipalities’ figures' },
  capabilitiesStaffingAndCosts: { sv: 'Förmågornas bemanning och kostnader', en: 'Capabilities’ staffing and costs' },
  templateCsvForExcel: { sv: 'Mall (CSV för Excel)', en: 'Template (CSV for Excel)' },
  templateJson: { sv: 'Mall (JSON)', en: 'Template (JSON)' },
  importFileCsvOr: { sv: 'Läs in fil (CSV eller JSON)', en: 'Import file (CSV or JSON)' },
  resetMunicipalitiesWithOwn: {
    sv: (imported: Arg) => `Återställ (${imported} kommuner med egna uppgifter)`,
    en: (imported: Arg) => `Reset (${imported} municipalities with own figures)`,
  },
  andMore: {
    sv: (more: Arg) => `… och ${more} till.`,
    en: (more: Arg) => `… and ${more} more.`,
  },
  couldNotBeImported: {
    sv: (file: Arg) => `${file} kunde inte läsas in. Inget har ändrats.`,
    en: (file: Arg) => `${file} could not be imported. Nothing has changed.`,
  },
  changes: {
    sv: (file: Arg, n: Arg) => `${file}: ${n} ändringar`,
    en: (file: Arg, n: Arg) => `${file}: ${n} changes`,
  },
  capability: { sv: 'Förmåga', en: 'Capability' },
  from: { sv: 'Från', en: 'From' },
  to: { sv: 'Till', en: 'To' },
  theValidRowsChange: { sv: 'De giltiga raderna ändrar ingenting.', en: 'The valid rows change nothing.' },
  applyTheValidRows: { sv: 'Tillämpa de giltiga raderna', en: 'Apply the valid rows' },
  apply: { sv: 'Tillämpa', en: 'Apply' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  operations: { sv: 'drift', en: 'operations' },
  governance: { sv: 'styrning', en: 'governance' },
  development: { sv: 'utveckling', en: 'development' },
  users: { sv: 'användare', en: 'users' },
  systems: { sv: 'system', en: 'systems' },
  fixed: { sv: 'fast', en: 'fixed' },
  minimumStaffing: { sv: 'Minsta bemanning', en: 'Minimum staffing' },
  fte: { sv: 'åa', en: 'FTE' },
  staffingAtReferenceVolume: { sv: 'Bemanning vid referensvolym', en: 'Staffing at reference volume' },
  scaleElasticity: { sv: 'Skalelasticitet β', en: 'Scale elasticity β' },
  nonStaffCost: { sv: 'Övriga kostnader', en: 'Non-staff cost' },
  poolable: { sv: 'Kan delas', en: 'Poolable' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  transferable: { sv: 'Kan flyttas', en: 'Transferable' },
  nonStaffCostSek: { sv: 'Övriga kostnader (kr)', en: 'Non-staff cost (SEK)' },
  isNotValidJson: {
    sv: (name: Arg) => `${name} är inte giltig JSON`,
    en: (name: Arg) => `${name} is not valid JSON`,
  },
  theValueForWas: {
    sv: (what: Arg, why: Arg) => `Värdet för ${what} godtogs inte: ${why}. Det tidigare värdet gäller.`,
    en: (what: Arg, why: Arg) => `The value for ${what} was not accepted: ${why}. The previous value stands.`,
  },
  importAppliedRowsLeftOut: {
    sv: (file: Arg, applied: Arg, rows: number) =>
      `${file}: ${applied} ändringar har tillämpats. ${rows === 1 ? 'En rad' : `${rows} rader`} lästes inte in; rätta ${rows === 1 ? 'den' : 'dem'} i filen och läs in den igen:`,
    en: (file: Arg, applied: Arg, rows: number) =>
      `${file}: ${applied} changes were applied. ${rows === 1 ? 'One row was' : `${rows} rows were`} not imported; correct ${rows === 1 ? 'it' : 'them'} in the file and import it again:`,
  },
  fieldPopulation: { sv: 'Invånare', en: 'Inhabitants' },
  fieldPopulationGrowth: { sv: 'Befolkningsförändring per år', en: 'Population change per year' },
  fieldEmployees: { sv: 'Anställda', en: 'Employees' },
  fieldPupils: { sv: 'Elever med IT-konto', en: 'Pupils with IT accounts' },
  fieldSystems: { sv: 'Verksamhetssystem', en: 'Business systems' },
  fieldLegacyShare: { sv: 'Andel äldre system', en: 'Share of legacy systems' },
  fieldItCost: { sv: 'IT-kostnad idag', en: 'IT cost today' },
  fieldItStaff: { sv: 'IT-personal idag', en: 'IT staff today' },
  itStaffDerivedSource: {
    sv: 'härleds: IT-enhetens storlek är personalen som förmågorna kräver (modellbeskrivningen, kapitel 7 och 14)',
    en: 'derived: the IT unit’s size is the staff its capabilities need (model description, chapters 7 and 14)',
  },
  mapNoneDerived: { sv: 'förmågor härledda ur budgeten', en: 'capabilities derived from the budget' },
  mapAssessed: {
    sv: (n: number, of: number) => `egen förmågekarta: ${n} av ${of} förmågor bedömda`,
    en: (n: number, of: number) => `own capability map: ${n} of ${of} capabilities assessed`,
  },
  rowsLeftOutOthersApply: {
    sv: (rows: number) =>
      `${rows === 1 ? 'En rad har' : `${rows} rader har`} fel och tas inte med; övriga rader kan tillämpas:`,
    en: (rows: number) =>
      `${rows === 1 ? 'One row has' : `${rows} rows have`} errors and ${rows === 1 ? 'is' : 'are'} left out; the other rows can be applied:`,
  },
} satisfies Record<string, Entry>;
