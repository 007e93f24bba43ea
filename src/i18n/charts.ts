import type { Arg, Entry } from './entry.js';

/** The charts: titles, descriptions, axis labels, legends, table columns and the sentences beside them. */
export const CHARTS_STRINGS = {
  countingCostAloneIs: {
    sv: (p1: Arg, share: Arg, at: Arg, p4: Arg, share4: Arg) =>
      `Räknat på kostnaden enbart är ${p1} oftast bäst (i ${share} av körningarna). Är en utvecklingsårsarbetare värd ${at} utöver lönen är ${p4} oftast bäst (${share4}).`,
    en: (p1: Arg, share: Arg, at: Arg, p4: Arg, share4: Arg) =>
      `Counting cost alone, ${p1} is most often best (in ${share} of the runs). If a development FTE-year is worth ${at} beyond its wage, ${p4} is most often best (${share4}).`,
  },
  worthOneWageMore: { sv: 'värt en lön till', en: 'worth one wage more' },
  shareOfTheRuns: {
    sv: (p1: Arg) =>
      `Andel av körningarna där varje alternativ ger mest, beroende på vad en utvecklingsårsarbetare är värd för er utöver lönekostnaden. Vid 0 kr jämförs bara kostnaden. Ett positivt värde betyder att ett utvecklingsår är värt mer för er än det kostar (pengarna i sig är redan räknade i kostnaden). Streckad lodrät linje: ett värde lika stort som lönekostnaden per årsarbetare, ${p1} kr (utvecklingsåret värt dubbelt så mycket som det kostar).`,
    en: (p1: Arg) =>
      `Share of the runs in which each option yields most, depending on what a development FTE-year is worth to you beyond its wage cost. At SEK 0 only cost is compared. A positive value means a development year is worth more to you than it costs (the money itself is already counted in the cost). Dashed vertical line: a value equal to the wage cost per FTE, SEK ${p1} (a development year worth twice what it costs).`,
  },
  valueOfADevelopment: {
    sv: 'värde av en utvecklingsårsarbetare utöver lönekostnaden (tusen kr)',
    en: 'value of a development FTE-year beyond its wage cost (SEK thousand)',
  },
  valueBeyondWageSek: { sv: 'värde utöver lönen (tusen kr)', en: 'value beyond wage (SEK thousand)' },
  shareOfRunsIn: { sv: 'andel körningar där alternativet är bäst', en: 'share of runs in which the option is best' },
  valueBeyondWageCost: { sv: 'Värde utöver lönekostnaden (kr)', en: 'Value beyond wage cost (SEK)' },
  capabilitiesHeldWithoutKey: {
    sv: 'Förmågor som hålls utan sårbarhet för enskilda personer',
    en: 'Capabilities held without key-person risk',
  },
  shareOfCapabilitiesHeld: {
    sv: 'Andel av förmågorna som hålls av minst två årsarbetare inom samma nyckelförmåga, genomsnitt över kommunerna.',
    en: 'Share of capabilities held by at least two full-time staff within the same key capability, averaged over the municipalities.',
  },
  perCentOfCapabilities: { sv: 'procent av förmågorna', en: 'per cent of capabilities' },
  capabilitiesHeldByGroupTitle: {
    sv: (last: Arg) => `Andel förmågor som hålls ${last}, per kommun och nyckelförmåga`,
    en: (last: Arg) => `Share of capabilities held in ${last}, by municipality and key capability`,
  },
  lightCellsAreGaps: {
    sv: 'Ljusa rutor är luckor: förmågor som budgeten inte räcker till. En ruta per kommun och nyckelförmåga, ett rutnät per vägval.',
    en: 'Light cells are gaps: capabilities the budget does not stretch to. One cell per municipality and key capability, one grid per path.',
  },
  shareHeld: { sv: 'andel som hålls', en: 'share held' },
  developmentCapacityWithToday: {
    sv: 'Utvecklingskapacitet med dagens budget',
    en: 'Development capacity with today’s budget',
  },
  fullTimeStaffThe: {
    sv: 'Årsarbetare som budgeten räcker till för utveckling när den digitala motorn är hållen. Streckad linje: status quo.',
    en: 'Full-time staff the budget buys for development once the digital engine is held. Dashed line: status quo.',
  },
  fullTimeStaff: { sv: 'årsarbetare', en: 'full-time staff' },
  unmetDevelopmentDemand: { sv: 'Ouppfyllt utvecklingsbehov', en: 'Unmet development demand' },
  developmentDemandTheMunicipalities: {
    sv: 'Utvecklingsbehov som kommunerna inte har kapacitet till, summerat över kommunerna. Noll betyder att behovet täcks.',
    en: 'Development demand the municipalities lack capacity for, summed over the municipalities. Zero means demand is met.',
  },
  compareNetEffectTitle: {
    sv: 'Nettoeffekt mot status quo i de valda scenarierna',
    en: 'Net effect against status quo in the chosen scenarios',
  },
  medianDotAnd8: {
    sv: 'Median (punkt) och 8 fall av 10 (streck) för nuvärdet av kostnadsskillnaden mot status quo. Samma skala för alla scenarier; till vänster om noll är vägvalet billigare.',
    en: 'Median (dot) and 8 in 10 outcomes (line) of the present value of the cost difference against status quo. One scale for all scenarios; left of zero the path is cheaper.',
  },
  sekMPresentValue: { sv: 'mnkr (nuvärde)', en: 'SEK m (present value)' },
  totalItCostPer: {
    sv: 'Total IT-kostnad per år, median, i de valda scenarierna',
    en: 'Total IT cost per year, median, in the chosen scenarios',
  },
  onePanelPerPath: {
    sv: 'En panel per vägval, en linje per scenario, samma axlar. Scenarier med olika antal kommuner har olika nivå.',
    en: 'One panel per path, one line per scenario, shared axes. Scenarios with different members differ in level.',
  },
  sekMPerYear: { sv: 'mnkr per år', en: 'SEK m per year' },
  inItIs: {
    sv: (pct: Arg, words: Arg) => `i ${pct} ${words}`,
    en: (pct: Arg, words: Arg) => `in ${pct} it is ${words}`,
  },
  inOfTheRuns: {
    sv: (pct: Arg, p2: Arg, words: Arg) => `I ${pct} av körningarna blir ${p2} ${words}`,
    en: (pct: Arg, p2: Arg, words: Arg) => `In ${pct} of the runs ${p2} is ${words}`,
  },
  onAverageDevelopmentFte: {
    sv: (capacity: Arg) => `I genomsnitt ${capacity} utvecklingsårsarbetare per år jämfört med status quo.`,
    en: (capacity: Arg) => `On average ${capacity} development FTE a year against status quo.`,
  },
  eachDevelopmentFteYear: {
    sv: (p1: Arg) => ` Varje utvecklingsårsarbetare som vinns kostar i genomsnitt ${p1} kr (nuvärde).`,
    en: (p1: Arg) => ` Each development FTE-year gained costs SEK ${p1} on average (present value).`,
  },
  correlationFor: {
    sv: (p1: Arg, p2: Arg) => `korrelation ${p1} för ${p2}`,
    en: (p1: Arg, p2: Arg) => `correlation ${p1} for ${p2}`,
  },
  noteUnderTodayS: {
    sv: (p1: Arg) =>
      `Obs: med dagens budget blir en besparing till utvecklingspersonal, så de två axlarna är till stor del samma pengar (${p1}). Ett vägval är alltså inte värt mer för att det syns på båda axlarna.`,
    en: (p1: Arg) =>
      `Note: under today’s budget a saving turns into development staff, so the two axes are largely the same money (${p1}). A path is therefore not worth more because it shows up on both axes.`,
  },
  planeTitle: {
    sv: 'Kostnad mot utvecklingskapacitet, jämfört med status quo',
    en: 'Cost against development capacity, compared with status quo',
  },
  oneDotPerRun: {
    sv: (p1: Arg) =>
      `En punkt per körning (de första ${p1}), en panel per vägval. Till vänster om den lodräta nollinjen är vägvalet billigare, ovanför den vågräta ger det mer utvecklingskapacitet. Båda i nuvärde över perioden.`,
    en: (p1: Arg) =>
      `One dot per run (the first ${p1}), one panel per path. Left of the vertical zero line the path is cheaper, above the horizontal one it gives more development capacity. Both in present value over the period.`,
  },
  sekMAgainstStatus: { sv: 'mnkr mot status quo (nuvärde)', en: 'SEK m against status quo (present value)' },
  developmentFteYearsPresent: { sv: 'utvecklingsårsarbetare (nuvärde)', en: 'development FTE-years (present value)' },
  totalItCostPerPath: { sv: 'Total IT-kostnad per år för varje vägval', en: 'Total IT cost per year for each path' },
  costOfHoldingThe: {
    sv: (year: Arg) =>
      `Kostnad för att hålla hela den digitala motorn. Mörkt band: hälften av utfallen, ljust band: 8 av 10. Streckad linje: status quo. Fasta ${year} års priser.`,
    en: (year: Arg) =>
      `Cost of holding the whole digital engine. Dark band: half of the outcomes, light band: 8 in 10. Dashed line: status quo. Fixed ${year} prices.`,
  },
  sekMPerYearPrices: {
    sv: (year: Arg) => `mnkr per år (${year} års priser)`,
    en: (year: Arg) => `SEK m per year (${year} prices)`,
  },
  netEffectOverThe: {
    sv: 'Nettoeffekt över hela perioden jämfört med status quo',
    en: 'Net effect over the whole period against status quo',
  },
  presentValueOfThe: {
    sv: 'Nuvärdet av kostnadsskillnaden mot status quo. Stapeln visar medianen, strecket 8 fall av 10. Till vänster om noll är vägvalet billigare.',
    en: 'Present value of the cost difference against status quo. The bar shows the median, the whisker 8 in 10 outcomes. Left of zero the path is cheaper.',
  },
  cheaperArrow: { sv: '← billigare', en: '← cheaper' },
  dearerArrow: { sv: 'dyrare →', en: 'dearer →' },
  probabilityCheaper: { sv: 'Sannolikhet billigare', en: 'Probability cheaper' },
  cumulativeCostAgainstStatus: {
    sv: 'Ackumulerad kostnad jämfört med status quo',
    en: 'Cumulative cost against status quo',
  },
  theCostDifferenceAgainst: {
    sv: 'Summan av kostnadsskillnaden mot status quo hittills. Under noll har vägvalet betalat tillbaka omställningen.',
    en: 'The cost difference against status quo summed so far. Below zero the path has paid back its transition.',
  },
  sekMCumulative: { sv: 'mnkr, ackumulerat', en: 'SEK m, cumulative' },
  betweenAnd: {
    sv: (p1: Arg, p2: Arg) => `mellan ${p1} och ${p2}`,
    en: (p1: Arg, p2: Arg) => `between ${p1} and ${p2}`,
  },
  becomesCheaperThanStatus: {
    sv: (name: Arg, what: Arg, bound: Arg, p4: Arg, spread: Arg) =>
      `${name} blir billigare än status quo i medianen om ${what} är ${bound} ${p4}${spread}.`,
    en: (name: Arg, what: Arg, bound: Arg, p4: Arg, spread: Arg) =>
      `${name} becomes cheaper than status quo in the median if ${what} is ${bound} ${p4}${spread}.`,
  },
  isCheaperThanStatus: {
    sv: (name: Arg, what: Arg, between: Arg) =>
      `${name} är billigare än status quo i medianen för varje värde av ${what} ${between}.`,
    en: (name: Arg, what: Arg, between: Arg) =>
      `${name} is cheaper than status quo in the median for every value of ${what} ${between}.`,
  },
  doesNotBecomeCheaper: {
    sv: (name: Arg, what: Arg, between: Arg) =>
      `${name} blir inte billigare än status quo i medianen för något värde av ${what} ${between}.`,
    en: (name: Arg, what: Arg, between: Arg) =>
      `${name} does not become cheaper than status quo in the median for any value of ${what} ${between}.`,
  },
  ofTheScenarioS: {
    sv: (pct: Arg) => `${pct} av scenariots antagande ligger på den sidan.`,
    en: (pct: Arg) => `${pct} of the scenario’s assumption lies on that side.`,
  },
  theIsTheSearch: {
    sv: (p1: Arg, p2: Arg, p3: Arg, p4: Arg) =>
      `Osäkerheten (±) är sökningens standardfel. Kontroll på ${p1} andra körningar med antagandet låst vid brytpunkten: medianen blir ${p2}${p3} (${p4} av status quos kostnad).`,
    en: (p1: Arg, p2: Arg, p3: Arg, p4: Arg) =>
      `The ± is the search's standard error. Check on ${p1} other runs with the input pinned at the threshold: the median is ${p2}${p3} (${p4} of status quo’s cost).`,
  },
  theScenarioAssumes: {
    sv: (range: Arg) => `Antagandet i scenariot: ${range}.`,
    en: (range: Arg) => `The scenario assumes ${range}.`,
  },
  wouldNeedToSave: {
    sv: (p1: Arg, amount: Arg, share: Arg) =>
      `${p1} behöver spara ytterligare ${amount} per år (${share} av status quos kostnad) för att gå jämnt ut i medianen.`,
    en: (p1: Arg, amount: Arg, share: Arg) =>
      `${p1} would need to save a further ${amount} a year (${share} of status quo’s cost) to break even in the median.`,
  },
  scenarioSAssumption: { sv: 'antagande i scenariot', en: 'scenario’s assumption' },
  thresholdChartTitle: {
    sv: 'Andel körningar där vägvalet blir billigare, vid olika värden på antagandet',
    en: 'Share of runs in which the path is cheaper, at different values of the input',
  },
  eachPointIsA: {
    sv: (name: Arg, pathNames: Arg, p3: Arg) =>
      `${name}. ${pathNames}. Varje punkt är en omräkning med antagandet låst till det värdet och övriga antaganden dragna som i körningen (${p3} körningar per punkt). Lodrät linje och romb: brytpunkten, där medianen av nettoeffekten är noll (räknad körning för körning, så den kan ligga en bit från de raka linjerna mellan punkterna). Skuggat: scenariots antagande, lågt till högt.`,
    en: (name: Arg, pathNames: Arg, p3: Arg) =>
      `${name}. ${pathNames}. Each point is a re-run with the input pinned at that value and the other inputs drawn as in the run (${p3} runs per point). Vertical line and diamond: the threshold, where the median net effect is zero (found run by run, so it may lie a little off the straight lines between the points). Shaded: the scenario’s assumption, low to high.`,
  },
  shareOfRunsCheaper: { sv: 'andel körningar billigare', en: 'share of runs cheaper' },
  scenarioSAssumptionLow: { sv: 'antagande i scenariot (lågt–högt)', en: 'scenario’s assumption (low–high)' },
  reRun: { sv: 'omräkning', en: 're-run' },
  threshold: { sv: 'brytpunkt', en: 'threshold' },
  thereIsNoThreshold: {
    sv: (p1: Arg, p2: Arg, p3: Arg) => `finns ingen brytpunkt för ${p1} inom ${p2}–${p3}`,
    en: (p1: Arg, p2: Arg, p3: Arg) => `there is no threshold for the ${p1} within ${p2}–${p3}`,
  },
  breaksEvenAtA: {
    sv: (p1: Arg, p2: Arg, p3: Arg) => `går ${p1} jämnt ut vid ${p2} ${p3}`,
    en: (p1: Arg, p2: Arg, p3: Arg) => `${p1} breaks even at a ${p2} of ${p3}`,
  },
  withTheAtThe: {
    sv: (p1: Arg, p2: Arg, p3: Arg, p4: Arg, p5: Arg) =>
      `Med ${p1} på scenariots lägsta värde (${p2}) ${p3}; på det högsta (${p4}) ${p5} (medianer, båda antagandena låsta).`,
    en: (p1: Arg, p2: Arg, p3: Arg, p4: Arg, p5: Arg) =>
      `With the ${p1} at the scenario's lowest value (${p2}), ${p3}; at the highest (${p4}), ${p5} (medians, both inputs pinned).`,
  },
  whereThePathIs: {
    sv: (path: Arg) => `${path}: var vägvalet blir billigare, två antaganden samtidigt`,
    en: (path: Arg) => `${path}: where the path is cheaper, two inputs at once`,
  },
  acrossTheUpThe: {
    sv: (p1: Arg, p2: Arg, p3: Arg, p4: Arg, p5: Arg, p6: Arg) =>
      `Vågrätt: ${p1} (${p2}). Lodrätt: ${p3} (${p4}). Färg: andel körningar där ${p5} blir billigare än status quo, med båda antagandena låsta i rutans mitt (${p6} körningar per ruta). Svart linje: där medianen av nettoeffekten är noll. Streckad ruta: scenariots antaganden, lågt till högt.`,
    en: (p1: Arg, p2: Arg, p3: Arg, p4: Arg, p5: Arg, p6: Arg) =>
      `Across: the ${p1} (${p2}). Up: the ${p3} (${p4}). Colour: share of runs in which ${p5} is cheaper than status quo, both inputs pinned at the cell's centre (${p6} runs per cell). Black line: where the median net effect is zero. Dashed box: the scenario's assumptions, low to high.`,
  },
  across: { sv: 'vågrätt', en: 'across' },
  up: { sv: 'lodrätt', en: 'up' },
  probabilityThatThePath: {
    sv: 'Sannolikhet att vägvalet är billigare än status quo, år för år',
    en: 'Probability that the path is cheaper than status quo, year by year',
  },
  shareOfTheSimulations: {
    sv: 'Andel av simuleringarna där vägvalet kostar mindre än status quo just det året (korten visar i stället hela perioden i nuvärde).',
    en: 'Share of the simulations in which the path costs less than status quo in that year alone (the cards show the whole period in present value instead).',
  },
  probability: { sv: 'sannolikhet', en: 'probability' },
  probabilityAxis: { sv: 'Sannolikhet', en: 'Probability' },
  theUncertainInputsRanked: {
    sv: 'De osäkra antagandena ordnade efter hur starkt de samvarierar med vägvalets kostnad mot status quo (rangkorrelation, beräknad från samma körningar). Stapel åt höger: vägvalet blir dyrare när antagandet är högt; åt vänster: billigare.',
    en: 'The uncertain inputs ranked by how strongly they move with the path’s cost against status quo (rank correlation, from the same runs). Bar to the right: the path gets dearer when the input is high; to the left: cheaper.',
  },
  rankCorrelation: { sv: 'rangkorrelation', en: 'rank correlation' },
  input: { sv: 'Antagande', en: 'Input' },
  rankCorrelationColumn: { sv: 'Rangkorrelation', en: 'Rank correlation' },
  shareOfExplainedSpread: { sv: 'Andel av förklarad spridning', en: 'Share of explained spread' },
  findingOutBeforeThe: {
    sv: (what: Arg, p2: Arg) => `Att ta reda på ${what} före beslutet är värt upp till ${p2}.`,
    en: (what: Arg, p2: Arg) => `Finding out ${what} before the decision is worth up to ${p2}.`,
  },
  noSingleInputIs: {
    sv: (p1: Arg) => `Inget enskilt antagande är värt ${p1} eller mer att ta reda på före beslutet.`,
    en: (p1: Arg) => `No single input is worth ${p1} or more to find out before the decision.`,
  },
  perfectKnowledgeOfEverything: { sv: 'perfekt kunskap om allt', en: 'perfect knowledge of everything' },
  theValueOfKnowing: {
    sv: 'Värdet av att veta före beslutet, per antagande',
    en: 'The value of knowing before the decision, per input',
  },
  howMuchLowerThe: {
    sv: 'Hur mycket lägre den förväntade kostnaden blir om man visste antagandets rätta värde innan man väljer vägval (mnkr, nuvärde). Strecket visar osäkerheten i skattningen (±1 medelfel). Streckad linje: perfekt kunskap om allt, en övre gräns.',
    en: 'How much lower the expected cost would be if the input’s true value were known before choosing a path (SEK m, present value). The whisker shows the estimate’s uncertainty (±1 standard error). Dashed line: perfect knowledge of everything, an upper bound.',
  },
  perfectKnowledgeColumn: { sv: 'Perfekt kunskap om allt', en: 'Perfect knowledge of everything' },
  cheaperMore: { sv: 'billigare och ger mer utvecklingskapacitet', en: 'cheaper and gives more development capacity' },
  cheaperLess: {
    sv: 'billigare men ger mindre utvecklingskapacitet',
    en: 'cheaper but gives less development capacity',
  },
  cheaperSame: {
    sv: 'billigare och ger samma utvecklingskapacitet',
    en: 'cheaper and gives the same development capacity',
  },
  dearerSame: { sv: 'dyrare och ger samma utvecklingskapacitet', en: 'dearer and gives the same development capacity' },
  dearerMore: { sv: 'dyrare men ger mer utvecklingskapacitet', en: 'dearer but gives more development capacity' },
  dearerLess: { sv: 'dyrare och ger mindre utvecklingskapacitet', en: 'dearer and gives less development capacity' },
  planeCheaperMore: { sv: 'Billigare, mer kapacitet', en: 'Cheaper, more capacity' },
  planeCheaperSame: { sv: 'Billigare, samma kapacitet', en: 'Cheaper, same capacity' },
  planeCheaperLess: { sv: 'Billigare, mindre kapacitet', en: 'Cheaper, less capacity' },
  planeDearerMore: { sv: 'Dyrare, mer kapacitet', en: 'Dearer, more capacity' },
  planeDearerSame: { sv: 'Dyrare, samma kapacitet', en: 'Dearer, same capacity' },
  planeDearerLess: { sv: 'Dyrare, mindre kapacitet', en: 'Dearer, less capacity' },
  planeCorrelation: { sv: 'Korrelation', en: 'Correlation' },
  planeCapacityPerYear: { sv: 'Kapacitet per år (åa)', en: 'Capacity per year (FTE)' },
  planeCostPerFteYear: {
    sv: 'Kostnad per vunnen utvecklingsårsarbetare (kr)',
    en: 'Cost per development FTE-year gained (SEK)',
  },
  atLeast: { sv: 'minst', en: 'at least' },
  atMost: { sv: 'högst', en: 'at most' },
  point: { sv: 'Punkt', en: 'Point' },
  shareOfRunsCheaperColumn: { sv: 'Andel körningar billigare', en: 'Share of runs cheaper' },
  medianNetEffectMsek: { sv: 'Median nettoeffekt (mnkr)', en: 'Median net effect (SEK m)' },
  whatTheNetEffectHangsOn: {
    sv: (name: string) => `Vad nettoeffekten hänger på: ${name.toLowerCase()}`,
    en: (name: string) => `What the net effect hangs on: ${name}`,
  },
  upperBoundPerfectKnowledge: {
    sv: (evpi: Arg, below: Arg | null) =>
      `Övre gräns, perfekt kunskap om allt: ${evpi}.${below === null ? '' : ` Övriga antaganden under ${below}.`}`,
    en: (evpi: Arg, below: Arg | null) =>
      `Upper bound, perfect knowledge of everything: ${evpi}.${below === null ? '' : ` Other inputs below ${below}.`}`,
  },
  valueOfKnowingMsek: { sv: 'Värde av att veta (mnkr)', en: 'Value of knowing (SEK m)' },
  standardErrorMsek: { sv: 'Medelfel (mnkr)', en: 'Standard error (SEK m)' },
} satisfies Record<string, Entry>;
