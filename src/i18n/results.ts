import type { Arg, Entry } from './entry.js';

/** The result tabs: headline figures, the comparison of saved scenarios, the tables by municipality and of uncertainty. */
export const RESULTS_STRINGS = {
  cost: {
    sv: (last: Arg) => `Kostnad ${last}`,
    en: (last: Arg) => `Cost ${last}`,
  },
  netVsStatusQuo: { sv: 'Netto mot status quo', en: 'Net vs status quo' },
  cheaperOverYears: {
    sv: (p1: Arg) => `Billigare över ${p1} år`,
    en: (p1: Arg) => `Cheaper over ${p1} years`,
  },
  devCapacity: {
    sv: (last: Arg) => `Utv.kapacitet ${last}`,
    en: (last: Arg) => `Dev. capacity ${last}`,
  },
  saveTwoToFour: {
    sv: 'Spara två till fyra scenarier (i panelen till vänster) och kryssa i dem för att se dem sida vid sida.',
    en: 'Save two to four scenarios (in the panel on the left) and tick them to see them side by side.',
  },
  quoted: {
    sv: (name: Arg) => `”${name}”`,
    en: (name: Arg) => `“${name}”`,
  },
  runsLower: { sv: 'körningar', en: 'runs' },
  couldNotBeRun: {
    sv: (p1: Arg, reason: Arg) => `${p1} kunde inte köras: ${reason}.`,
    en: (p1: Arg, reason: Arg) => `${p1} could not be run: ${reason}.`,
  },
  tickAtLeastOne: {
    sv: (MAX_COMPARE: Arg) =>
      `Kryssa i minst ett till (högst ${MAX_COMPARE}) under Sparade scenarier för att se dem sida vid sida.`,
    en: (MAX_COMPARE: Arg) =>
      `Tick at least one more (at most ${MAX_COMPARE}) under Saved scenarios to see them side by side.`,
  },
  atLeastTwoOf: {
    sv: 'Minst två av de valda behöver resultat för att jämföras.',
    en: 'At least two of those chosen need results to be compared.',
  },
  mediansOverTheSimulations: {
    sv: (p1: Arg, p2: Arg) =>
      `Medianer över simuleringarna. Kostnad: summa över ${p1} år (mnkr). Netto: nuvärde av skillnaden mot status quo. Kapacitet och täckning: år ${p2}.`,
    en: (p1: Arg, p2: Arg) =>
      `Medians over the simulations. Cost: sum over ${p1} years (SEK m). Net: present value of the difference against status quo. Capacity and coverage: year ${p2}.`,
  },
  devCapacityFte: { sv: 'Utv.kapacitet (åa)', en: 'Dev. capacity (FTE)' },
  capabilitiesHeld: { sv: 'Förmågor som hålls', en: 'Capabilities held' },
  ofWhichRobust: { sv: 'varav robust', en: 'of which robust' },
  oneAssumptionAtA: { sv: 'Ett antagande i taget', en: 'One assumption at a time' },
  netEffectAgainstStatus: {
    sv: 'Nettoeffekt mot status quo (nuvärde) när alla antaganden ligger på sina medianer och ett i taget sätts till sitt lägsta eller högsta värde.',
    en: 'Net effect against status quo (present value) with every assumption at its median and one at a time set to its low or high end.',
  },
  assumption: { sv: 'Antagande', en: 'Assumption' },
  lowHighValue: { sv: 'Lågt / högt värde', en: 'Low / high value' },
  lowHigh: { sv: 'lågt → högt', en: 'low → high' },
  howCertainAreThe: { sv: 'Hur säkra är siffrorna?', en: 'How certain are the figures?' },
  simulationsTheStandardError: {
    sv: (p1: Arg) => `${p1} simuleringar. Medelfelet visar hur mycket medelvärdet kan flytta sig med fler körningar.`,
    en: (p1: Arg) => `${p1} simulations. The standard error shows how much the mean could move with more runs.`,
  },
  netMean: { sv: 'Netto, medel', en: 'Net, mean' },
  standardError: { sv: 'Medelfel', en: 'Standard error' },
  probabilityCheaperOverYears: {
    sv: (p1: Arg) => `Sannolikhet billigare över ${p1} år (nuvärde)`,
    en: (p1: Arg) => `Probability cheaper over ${p1} years (present value)`,
  },
  breakEvenMedian: { sv: 'Break-even (median)', en: 'Break-even (median)' },
  breakEvenWithinPeriod: { sv: 'Break-even inom perioden', en: 'Break-even within period' },
  couldMoreRunsMove: {
    sv: 'Kan fler körningar flytta medlet mer än 1 %?',
    en: 'Could more runs move the mean by over 1%?',
  },
  afterThePeriod: { sv: 'efter perioden', en: 'after the period' },
  moreRunsContinueThe: {
    sv: 'Fler körningar fortsätter samma följd av slumptal, så resultatet blir exakt detsamma som en enda körning med det större antalet.',
    en: 'More runs continue the same sequence of random numbers, so the result is exactly that of a single run of the larger count.',
  },
  stableAfter: {
    sv: (n: Arg) =>
      `Stabilt svar efter ${n} körningar: P10, P50 och P90 och sannolikheten att vara billigare flyttar sig med 95 % säkerhet högst 0,5 % av status quos kostnad respektive 1 procentenhet med fler körningar.`,
    en: (n: Arg) =>
      `A stable answer after ${n} runs: with 95 % confidence, more runs would move P10, P50 and P90 by at most 0.5 % of status quo's cost, and the probability of being cheaper by at most 1 percentage point.`,
  },
  notStableAfter: {
    sv: (n: Arg, path: Arg) =>
      `Inte stabilt efter ${n} körningar: för ${path} kan fler körningar ännu flytta sannolikheten att vara billigare mer än 1 procentenhet eller en percentil mer än 0,5 % av status quos kostnad. Kör fler.`,
    en: (n: Arg, path: Arg) =>
      `Not stable after ${n} runs: for ${path}, more runs could still move the probability of being cheaper by more than 1 percentage point or a percentile by more than 0.5 % of status quo's cost. Run more.`,
  },
  runMore: {
    sv: (p1: Arg, p2: Arg) => `Kör fler (${p1} → ${p2})`,
    en: (p1: Arg, p2: Arg) => `Run more (${p1} → ${p2})`,
  },
  scenariosChosen: {
    sv: (n: number) => `${n} ${n === 1 ? 'scenario valt' : 'scenarier valda'}`,
    en: (n: number) => `${n} ${n === 1 ? 'scenario' : 'scenarios'} chosen`,
  },
  compareRunningNow: {
    sv: (head: Arg, running: number, list: Arg) => `${head}; ${running} saknar resultat och körs nu (${list}) …`,
    en: (head: Arg, running: number, list: Arg) =>
      `${head}; ${running} without results ${running === 1 ? 'is' : 'are'} being run now (${list}) …`,
  },
} satisfies Record<string, Entry>;
