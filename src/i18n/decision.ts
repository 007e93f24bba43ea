import type { Arg, Entry } from './entry.js';

/** The Decision tab: its sections, the threshold search and the notes while it runs. */
export const DECISION_STRINGS = {
  theDecisionAnalysisCould: {
    sv: 'Beslutsunderlaget kunde inte beräknas eftersom körningen misslyckades.',
    en: 'The decision analysis could not be computed because the run failed.',
  },
  theDecisionAnalysisCost: {
    sv: 'Beslutsunderlaget (kostnad mot kapacitet, bästa val och värdet av att veta mer) beräknas när körningen är klar.',
    en: 'The decision analysis (cost against capacity, best choice and the value of knowing more) is computed when the run has finished.',
  },
  searchingForThresholdsOf: {
    sv: (p1: Arg, p2: Arg) => `Söker brytpunkter … ${p1} av ${p2}`,
    en: (p1: Arg, p2: Arg) => `Searching for thresholds … ${p1} of ${p2}`,
  },
  searchingForThresholds: { sv: 'Söker brytpunkter …', en: 'Searching for thresholds …' },
  theThresholdsCouldNot: {
    sv: 'Brytpunkterna kunde inte beräknas. Ändra en inställning eller ladda om sidan för att försöka igen.',
    en: 'The thresholds could not be computed. Change a setting or reload the page to try again.',
  },
  theThresholdsAreSearched: {
    sv: 'Brytpunkterna söks när körningen är klar.',
    en: 'The thresholds are searched once the run has finished.',
  },
  whatWouldHaveTo: { sv: 'Vad måste vara sant?', en: 'What would have to be true?' },
  forEachPathThe: {
    sv: 'För varje vägval: det värde på de antaganden som avgör mest där vägvalet går jämnt ut mot status quo i medianen (hälften av körningarna billigare), med övriga antaganden som i körningen. Jämför med vad scenariot antar och med källan.',
    en: 'For each path: the value of the inputs that matter most at which the path breaks even against status quo in the median (half of the runs cheaper), the other inputs as in the run. Compare it with what the scenario assumes and with the source.',
  },
  noDecisiveInputsTo: {
    sv: 'Inga avgörande antaganden att söka brytpunkter för.',
    en: 'No decisive inputs to search thresholds for.',
  },
  sourceInSwedish: { sv: 'Källa', en: 'Source (in Swedish)' },
  tryYourOwnEstimate: { sv: 'Pröva egen bedömning', en: 'Try your own estimate' },
  twoInputsAtOnce: { sv: 'Två antaganden samtidigt', en: 'Two inputs at once' },
  costAgainstDevelopmentCapacity: { sv: 'Kostnad mot utvecklingskapacitet', en: 'Cost against development capacity' },
  probabilityOfBeingThe: { sv: 'Sannolikhet att vara bästa valet', en: 'Probability of being the best choice' },
  whatIsWorthFinding: {
    sv: 'Vad är värt att ta reda på före beslutet?',
    en: 'What is worth finding out before the decision?',
  },
} satisfies Record<string, Entry>;
