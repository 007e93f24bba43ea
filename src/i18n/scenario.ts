import type { Arg, Entry } from './entry.js';

/** The scenario panel: members and presets, paths and leaving, assumptions, run settings and their field messages. */
export const SCENARIO_STRINGS = {
  chooseAScenarioOr: { sv: 'Välj scenario eller region …', en: 'Choose a scenario or region …' },
  scenarios: { sv: 'Scenarier', en: 'Scenarios' },
  regionsAndCollaborations: { sv: 'Regioner och samarbeten', en: 'Regions and collaborations' },
  counties: { sv: 'Län', en: 'Counties' },
  typeAMunicipalityName: { sv: 'Skriv ett kommunnamn', en: 'Type a municipality name' },
  theNumberOfInhabitants: {
    sv: 'Antalet invånare måste vara från 1 till 20 000 000.',
    en: 'The number of inhabitants must be from 1 to 20,000,000.',
  },
  leavingTheArrangement: { sv: 'Utträde ur samarbetet', en: 'Leaving the arrangement' },
  nobodyLeaves: { sv: 'Ingen lämnar', en: 'Nobody leaves' },
  yearlyRiskThatSomeone: { sv: 'Årlig risk att någon lämnar', en: 'Yearly risk that someone leaves' },
  leaves: { sv: 'lämnar', en: 'leaves' },
  probabilityPerYear: { sv: 'Sannolikhet per år (%)', en: 'Probability per year (%)' },
  theOthersCarryThe: {
    sv: (strandedYears: Arg) =>
      `De kvarvarande bär den utträdandes tidigare betalning som strandad kostnad, avtagande under ${strandedYears} år (Itsam förlorade 6,8 mnkr 2024 när Kinda lämnade).`,
    en: (strandedYears: Arg) =>
      `The others carry the leaver's former payment as stranded cost, falling over ${strandedYears} years (Itsam lost SEK 6.8 m in 2024 when Kinda left).`,
  },
  eachUncertainInputHas: {
    sv: 'Varje osäker storhet har ett lägsta, troligaste och högsta värde med källa eller antagande.',
    en: 'Each uncertain input has a low, most likely and high value with a source or an assumption.',
  },
  dragTheMostLikely: { sv: 'Dra det troligaste värdet', en: 'Drag the most likely value' },
  thresholdMedian: { sv: 'Brytpunkt (median)', en: 'Break-even (median)' },
  changed: { sv: 'Ändrat', en: 'Changed' },
  yearsAheadMustBe: {
    sv: 'År framåt måste vara ett heltal från 1 till 30.',
    en: 'Years ahead must be a whole number from 1 to 30.',
  },
  stopWhenStable: {
    sv: (most: Arg) => `Stoppa vid stabilt svar (högst ${most} körningar)`,
    en: (most: Arg) => `Stop at a stable answer (at most ${most} runs)`,
  },
  samplingRqmc: {
    sv: 'Kvasislumptal (RQMC): stabilt svar efter färre körningar',
    en: 'Quasi-random numbers (RQMC): a stable answer after fewer runs',
  },
  theSeedMustBe: {
    sv: 'Fröet måste vara ett heltal från 0 till 4 294 967 295.',
    en: 'The seed must be a whole number from 0 to 4,294,967,295.',
  },
  normalMeanStandardDeviation: {
    sv: (p1: Arg, p2: Arg) => `Normalfördelning: medel ${p1}, standardavvikelse ${p2}`,
    en: (p1: Arg, p2: Arg) => `Normal: mean ${p1}, standard deviation ${p2}`,
  },
  lognormalMedian: {
    sv: (p1: Arg, p2: Arg) => `Lognormalfördelning: median ${p1}, σ ${p2}`,
    en: (p1: Arg, p2: Arg) => `Lognormal: median ${p1}, σ ${p2}`,
  },
  uniformTo: {
    sv: (p1: Arg, p2: Arg) => `Likformig fördelning: ${p1} till ${p2}`,
    en: (p1: Arg, p2: Arg) => `Uniform: ${p1} to ${p2}`,
  },
  helpSamverkan: {
    sv: 'Kommunerna driver de valda förmågorna i en gemensam organisation.',
    en: 'The municipalities run the chosen capabilities in a joint organisation.',
  },
  helpOmfordelning: {
    sv: 'Infrastruktur, säkerhetsdrift och e-arkiv flyttas till en regional eller nationell aktör.',
    en: 'Infrastructure, security operations and e-archive move to a regional or national body.',
  },
  helpSammanlaggning: {
    sv: 'Kommunerna blir en kommun; systemen konsolideras under några år.',
    en: 'The municipalities become one; systems are consolidated over some years.',
  },
  helpAsymmetrisk: {
    sv: 'En värdkommun levererar de valda förmågorna till de andra mot självkostnad (ett påslag bara om ni anger det).',
    en: 'A host municipality provides the chosen capabilities to the others at cost (a markup only if you set one).',
  },
  valueMustLieBetween: {
    sv: (low: Arg, high: Arg) => `Värdet måste ligga mellan ${low} och ${high}.`,
    en: (low: Arg, high: Arg) => `The value must lie between ${low} and ${high}.`,
  },
  lowModeHighOrder: {
    sv: 'Lägsta måste vara högst troligaste, och troligaste högst högsta (och lägsta mindre än högsta).',
    en: 'Low must be at most most likely, and most likely at most high (and low less than high).',
  },
} satisfies Record<string, Entry>;
