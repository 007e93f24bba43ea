import type { Arg, Entry } from './entry.js';

/** The summary page and the presenter. */
export const SUMMARY_STRINGS = {
  slides: { sv: 'Bildspel', en: 'Slides' },
  previous: { sv: 'Föregående', en: 'Previous' },
  exitEsc: { sv: 'Avsluta (Esc)', en: 'Exit (Esc)' },
  next: { sv: 'Nästa', en: 'Next' },
  export: { sv: 'Export', en: 'Export' },
  backToWorkspace: { sv: '← Arbetsytan', en: '← Workspace' },
  print: { sv: 'Skriv ut', en: 'Print' },
  present: { sv: 'Presentera', en: 'Present' },
  resultsCsv: { sv: 'Resultat (CSV)', en: 'Results (CSV)' },
  byMunicipalityCsv: { sv: 'Per kommun (CSV)', en: 'By municipality (CSV)' },
  resultsJson: { sv: 'Resultat (JSON)', en: 'Results (JSON)' },
  allRunsCsv: { sv: 'Alla körningar (CSV)', en: 'All runs (CSV)' },
  todayAndFullEngine: { sv: 'I dag och hela motorn', en: 'Today and the full engine' },
  theThresholdsWhatWould: {
    sv: (done: Arg, p2: Arg) => `Brytpunkterna (vad som måste vara sant) beräknas: ${done} av ${p2} steg.`,
    en: (done: Arg, p2: Arg) =>
      `The thresholds (what would have to be true) are being computed: ${done} of ${p2} steps.`,
  },
  keyAssumptions: { sv: 'Viktiga antaganden', en: 'Key assumptions' },
  lowLikelyHigh: { sv: 'Lågt – troligast – högt', en: 'Low – likely – high' },
  aboutTheComputation: { sv: 'Om beräkningen', en: 'About the computation' },
  simulations: { sv: 'simuleringar', en: 'simulations' },
  seedLower: { sv: 'frö', en: 'seed' },
  fixedPricesDiscountRate: {
    sv: (p1: Arg) => `fasta ${p1} års priser, diskonteringsränta`,
    en: (p1: Arg) => `fixed ${p1} prices, discount rate`,
  },
  theModelIsDescribed: { sv: 'Modellen beskrivs i docs/model.md.', en: 'The model is described in docs/model.md.' },
  linkThatReproducesThese: { sv: 'Länk som ger exakt samma siffror', en: 'Link that reproduces these figures' },
} satisfies Record<string, Entry>;
