import type { Arg, Entry } from './entry.js';

/** Who should work with whom (#21): the finder's tab, its groupings and maps, the cost-sharing keys, the summary. */
export const COALITION_STRINGS = {
  tabCoalition: { sv: 'Vem med vem?', en: 'Who with whom?' },
  coalitionIntro: {
    sv: 'Vilka av scenariots kommuner vinner på att dela IT, och i vilka grupper? Sökningen prövar grupperingar mot att varje kommun fortsätter själv, med scenariots antaganden och osäkerhet.',
    en: 'Which of the scenario’s municipalities gain from sharing IT, and in which groups? The search tries groupings against every municipality going on alone, with the scenario’s assumptions and uncertainty.',
  },
  coalitionForms: { sv: 'Hur grupperna delar', en: 'How the groups share' },
  coalitionFormSamverkan: { sv: 'Gemensam organisation', en: 'Joint organisation' },
  coalitionFormAsymmetrisk: { sv: 'Värdkommun', en: 'Host municipality' },
  coalitionNoForm: { sv: 'Välj minst ett sätt att dela.', en: 'Choose at least one way to share.' },
  coalitionMaxSize: { sv: 'Största grupp (antal kommuner)', en: 'Largest group (municipalities)' },
  coalitionNeighbours: { sv: 'Vilka får gå ihop', en: 'Who may join up' },
  coalitionNeighboursAny: { sv: 'Alla', en: 'Anyone' },
  coalitionNeighboursCounty: { sv: 'Samma län', en: 'Same county' },
  coalitionNeighboursAdjacent: { sv: 'Bara grannkommuner', en: 'Neighbours only' },
  coalitionNoGeo: {
    sv: 'Bara grannkommuner går inte att välja: filen med kommunernas gränser kunde inte läsas.',
    en: 'Neighbours only cannot be chosen: the file of the municipalities’ borders could not be read.',
  },
  coalitionRoles: { sv: 'Kommunerna', en: 'The municipalities' },
  coalitionRoleMay: { sv: 'kan ingå', en: 'may join' },
  coalitionRoleMust: { sv: 'måste ingå', en: 'must join' },
  coalitionRoleOut: { sv: 'står utanför', en: 'stays out' },
  coalitionCapacity: { sv: 'Kapaciteten får inte minska', en: 'Capacity must not fall' },
  coalitionFind: { sv: 'Hitta grupperingar', en: 'Find groupings' },
  coalitionScreening: {
    sv: (n: Arg) => `Prövat ${n} grupper …`,
    en: (n: Arg) => `Tried ${n} groups …`,
  },
  coalitionRefining: {
    sv: (n: Arg) => `Prövat ${n} grupper; kör om de bästa grupperingarna …`,
    en: (n: Arg) => `Tried ${n} groups; re-running the best groupings …`,
  },
  coalitionSharingProgress: {
    sv: (n: Arg) => `Fördelar kostnaderna: ${n} delgrupper prövade …`,
    en: (n: Arg) => `Dividing the costs: ${n} subgroups tried …`,
  },
  coalitionFailed: {
    sv: (message: Arg) => `Sökningen misslyckades (${message}).`,
    en: (message: Arg) => `The search failed (${message}).`,
  },
  coalitionStale: {
    sv: 'Scenariot har ändrats sedan sökningen: grupperingarna nedan gäller scenariot som det var då.',
    en: 'The scenario has changed since the search: the groupings below belong to the scenario as it was then.',
  },
  coalitionRunAgain: { sv: 'Sök igen för det här scenariot', en: 'Search again for this scenario' },
  coalitionResults: { sv: 'Grupperingar, bästa först', en: 'Groupings, best first' },
  coalitionGrouping: {
    sv: (n: Arg) => `Gruppering ${n}`,
    en: (n: Arg) => `Grouping ${n}`,
  },
  coalitionEveryoneAlone: { sv: 'Alla fortsätter själva', en: 'Everyone goes on alone' },
  coalitionGain: {
    sv: (years: Arg) => `Vinst mot att gå själv (nuvärde, ${years} år)`,
    en: (years: Arg) => `Gain against going alone (present value, ${years} years)`,
  },
  coalitionRange: { sv: 'P10–P90 (vinst)', en: 'P10–P90 (gain)' },
  coalitionProbability: { sv: 'Sannolikhet för vinst', en: 'Probability of a gain' },
  coalitionCapacityChange: {
    sv: 'Utvecklingskapacitet sista året, förändring (summa)',
    en: 'Development capacity in the final year, change (sum)',
  },
  coalitionGroupJoint: {
    sv: (n: Arg, names: Arg) => `Grupp ${n}: ${names} – gemensam organisation`,
    en: (n: Arg, names: Arg) => `Group ${n}: ${names} – joint organisation`,
  },
  coalitionGroupHost: {
    sv: (n: Arg, names: Arg, host: Arg) => `Grupp ${n}: ${names} – ${host} är värdkommun`,
    en: (n: Arg, names: Arg, host: Arg) => `Group ${n}: ${names} – ${host} hosts`,
  },
  coalitionWordsJoint: {
    sv: (names: Arg) => `${names} i en gemensam organisation`,
    en: (names: Arg) => `${names} in a joint organisation`,
  },
  coalitionWordsHost: {
    sv: (names: Arg, host: Arg) => `${names} med ${host} som värdkommun`,
    en: (names: Arg, host: Arg) => `${names} with ${host} as host`,
  },
  coalitionAlone: {
    sv: (names: Arg) => `Står själva: ${names}`,
    en: (names: Arg) => `Go on alone: ${names}`,
  },
  coalitionAloneWords: {
    sv: (names: Arg) => `${names} fortsätter själva`,
    en: (names: Arg) => `${names} go on alone`,
  },
  coalitionOpen: { sv: 'Öppna som scenario', en: 'Open as scenario' },
  coalitionOpenLabel: {
    sv: (n: Arg, names: Arg) => `Öppna som scenario: grupp ${n} (${names})`,
    en: (n: Arg, names: Arg) => `Open as scenario: group ${n} (${names})`,
  },
  coalitionShare: { sv: 'Fördela kostnaderna', en: 'Divide the costs' },
  coalitionShareLabel: {
    sv: (n: Arg, names: Arg) => `Fördela kostnaderna: grupp ${n} (${names})`,
    en: (n: Arg, names: Arg) => `Divide the costs: group ${n} (${names})`,
  },
  coalitionMethodExhaustive: {
    sv: (n: Arg, s: Arg, r: Arg) =>
      `Alla ${n} tillåtna grupper prövades med ${s} körningar var; de bästa grupperingarna kördes om med ${r} körningar.`,
    en: (n: Arg, s: Arg, r: Arg) =>
      `All ${n} allowed groups were tried with ${s} runs each; the best groupings were run again with ${r} runs.`,
  },
  coalitionMethodHeuristic: {
    sv: (n: Arg, m: Arg, s: Arg, r: Arg) =>
      `Sökningen prövade ${n} grupper av ${m} tillåtna med ${s} körningar var och körde om de bästa grupperingarna med ${r} körningar; den kan ha missat en bättre gruppering.`,
    en: (n: Arg, m: Arg, s: Arg, r: Arg) =>
      `The search tried ${n} of ${m} allowed groups with ${s} runs each and ran the best groupings again with ${r} runs; it may have missed a better grouping.`,
  },
  coalitionUncountable: { sv: 'fler än kan räknas', en: 'more than can be counted' },
  coalitionLead: {
    sv: (gain: Arg, se: Arg) => `Den första grupperingen vinner ${gain} mer än den andra (medelfel ${se}).`,
    en: (gain: Arg, se: Arg) => `The first grouping gains ${gain} more than the second (standard error ${se}).`,
  },
  coalitionLeadUnsure: {
    sv: 'Skillnaden är mindre än två medelfel: med fler körningar kan ordningen mellan dem bli en annan.',
    en: 'The difference is less than two standard errors: with more runs the two could change places.',
  },
  coalitionStoppedAtLimit: {
    sv: 'Sökningen stannade vid sin gräns för antalet prövade grupper.',
    en: 'The search stopped at its limit on the number of groups tried.',
  },
  coalitionNoGain: {
    sv: 'Under scenariots antaganden blir ingen gruppering billigare än att varje kommun fortsätter själv.',
    en: 'Under the scenario’s assumptions no grouping is cheaper than every municipality going on alone.',
  },
  coalitionLeastLoss: {
    sv: (words: Arg, loss: Arg) => `Den minst kostsamma grupperingen (${words}) kostar ${loss} mer.`,
    en: (words: Arg, loss: Arg) => `The least costly grouping (${words}) costs ${loss} more.`,
  },
  coalitionHinges: {
    sv: (label: Arg, value: Arg) =>
      `Det hänger oftast på antagandet ”${label}” (i scenariot mest troligt ${value}); begränsningar i sökningen kan också avgöra.`,
    en: (label: Arg, value: Arg) =>
      `This usually hinges on the assumption “${label}” (most likely ${value} in the scenario); the search’s constraints can also decide it.`,
  },
  coalitionChangeAssumption: { sv: 'Visa antagandet', en: 'Show the assumption' },
  coalitionMapLabel: {
    sv: (n: Arg, words: Arg) => `Karta över gruppering ${n}: ${words}`,
    en: (n: Arg, words: Arg) => `Map of grouping ${n}: ${words}`,
  },
  coalitionMapAlone: { sv: 'grå: fortsätter själv', en: 'grey: goes on alone' },
  coalitionMapHost: { sv: 'dubbel ring: värdkommun', en: 'double ring: host' },
  coalitionKeysHeading: {
    sv: (names: Arg) => `Fördelning av kostnaderna: ${names}`,
    en: (names: Arg) => `Dividing the costs: ${names}`,
  },
  coalitionKeysIntro: {
    sv: (years: Arg, runs: Arg) =>
      `Vinst (+) eller merkostnad (−) i mnkr för varje kommun jämfört med att fortsätta själv, nuvärde över ${years} år. Gruppens samlade vinst är densamma med varje nyckel; nycklarna fördelar den olika. ${runs} körningar.`,
    en: (years: Arg, runs: Arg) =>
      `Gain (+) or extra cost (−) in SEK m for each municipality against going on alone, present value over ${years} years. The group’s total gain is the same under every key; the keys divide it differently. ${runs} runs.`,
  },
  keyUse: { sv: 'Efter användning (modellens fördelning)', en: 'By use (the model’s division)' },
  keyInhabitants: { sv: 'Per invånare', en: 'Per inhabitant' },
  keyUsers: { sv: 'Per användare', en: 'Per user' },
  keyFixedVariable: { sv: 'Fast del + per invånare', en: 'Fixed part + per inhabitant' },
  keyShapley: { sv: 'Shapley', en: 'Shapley' },
  keyNucleolus: { sv: 'Nukleolus', en: 'Nucleolus' },
  coalitionFixedShare: { sv: 'Fast del, lika för alla (antagande)', en: 'Fixed part, equal for all (assumption)' },
  coalitionLoses: { sv: 'förlorar', en: 'loses' },
  coalitionProbabilityLoss: {
    sv: (p: Arg) => `risk ${p}`,
    en: (p: Arg) => `risk ${p}`,
  },
  coalitionEveryoneGains: { sv: 'Alla vinner', en: 'Everyone gains' },
  coalitionNotAvailable: { sv: 'kan inte beräknas', en: 'cannot be computed' },
  coalitionReasonTooMany: {
    sv: 'gruppen har för många kommuner: nukleolus beräknas för högst 9, Shapley-värdet för högst 20',
    en: 'the group has too many municipalities: the nucleolus is computed for at most 9, the Shapley value for at most 20',
  },
  coalitionReasonNotComputed: {
    sv: 'beräkningen gav inget säkert svar',
    en: 'the computation gave no reliable answer',
  },
  coalitionReasonGroupLoses: {
    sv: 'gruppen som helhet förlorar, så det finns ingen vinst att dela',
    en: 'the group as a whole loses, so there is no gain to divide',
  },
  coalitionRiskNote: {
    sv: 'Risk: andelen körningar där kommunen betalar mer än om den fortsätter själv.',
    en: 'Risk: the share of runs in which the municipality pays more than going on alone.',
  },
  coalitionShapleySampled: {
    sv: (se: Arg) =>
      `Shapley-värdet är uppskattat från slumpade ordningar (gruppen har fler än 9 kommuner); varje kommuns värde är osäkert med upp till ±${se} (medelfel).`,
    en: (se: Arg) =>
      `The Shapley value is estimated from sampled orders (the group has more than 9 municipalities); each municipality’s value is uncertain by up to ±${se} (standard error).`,
  },
  coalitionBlocked: {
    sv: (key: Arg, names: Arg) => `${key}: ${names} skulle vinna mer på att gå ihop utan de andra.`,
    en: (key: Arg, names: Arg) => `${key}: ${names} would gain more by joining up without the others.`,
  },
  coalitionCoreNotChecked: {
    sv: 'Om någon delgrupp skulle vinna mer på egen hand prövas bara för grupper med högst 9 kommuner.',
    en: 'Whether a subgroup would gain more on its own is tried only for groups of at most 9 municipalities.',
  },
  coalitionStable: {
    sv: (keys: Arg) =>
      `Gruppen är stabil med nycklarna ${keys}: alla vinner i genomsnitt, och ingen delgrupp vinner mer på egen hand i samma form.`,
    en: (keys: Arg) =>
      `The group is stable with the keys ${keys}: everyone gains on average, and no subgroup gains more on its own in the same form.`,
  },
  coalitionGainsUnchecked: {
    sv: (keys: Arg) =>
      `Alla vinner i genomsnitt med nycklarna ${keys}. Om någon delgrupp skulle vinna mer på egen hand är inte prövat (gruppen har fler än 9 kommuner).`,
    en: (keys: Arg) =>
      `Everyone gains on average with the keys ${keys}. Whether a subgroup would gain more on its own was not tried (the group has more than 9 municipalities).`,
  },
  coalitionGainsButBlocked: {
    sv: (keys: Arg) => `Alla vinner med ${keys}, men en delgrupp skulle vinna mer på egen hand.`,
    en: (keys: Arg) => `Everyone gains with ${keys}, but a subgroup would gain more on its own.`,
  },
  coalitionNoKey: { sv: 'Ingen nyckel ger alla en vinst.', en: 'No key gives everyone a gain.' },
  phraseUse: { sv: 'Med modellens fördelning efter användning', en: 'With the model’s division by use' },
  phraseInhabitants: { sv: 'Med fördelning per invånare', en: 'With division per inhabitant' },
  phraseUsers: { sv: 'Med fördelning per användare', en: 'With division per user' },
  phraseFixedVariable: {
    sv: (share: Arg) => `Med en fast del på ${share} och resten per invånare`,
    en: (share: Arg) => `With a fixed part of ${share} and the rest per inhabitant`,
  },
  phraseShapley: { sv: 'Med Shapley-värdet', en: 'With the Shapley value' },
  phraseNucleolus: { sv: 'Med nukleolus', en: 'With the nucleolus' },
  coalitionSentenceAllGain: {
    sv: (phrase: Arg) => `${phrase} vinner alla kommuner.`,
    en: (phrase: Arg) => `${phrase}, every municipality gains.`,
  },
  coalitionSentenceOneLoses: {
    sv: (phrase: Arg, who: Arg, years: Arg) =>
      `${phrase} betalar ${who} mer än om kommunen fortsätter själv (nuvärde över ${years} år).`,
    en: (phrase: Arg, who: Arg, years: Arg) =>
      `${phrase}, ${who} more than going on alone (present value over ${years} years).`,
  },
  coalitionSentenceManyLose: {
    sv: (phrase: Arg, who: Arg, years: Arg) =>
      `${phrase} betalar ${who} mer än om de fortsätter själva (nuvärde över ${years} år).`,
    en: (phrase: Arg, who: Arg, years: Arg) =>
      `${phrase}, ${who} more than going on alone (present value over ${years} years).`,
  },
  coalitionPays: {
    sv: (name: Arg, amount: Arg) => `${name} ${amount}`,
    en: (name: Arg, amount: Arg) => `${name} pays ${amount}`,
  },
  coalitionSentenceUnavailable: {
    sv: (phrase: Arg, reason: Arg) => `${phrase}: kan inte beräknas (${reason}).`,
    en: (phrase: Arg, reason: Arg) => `${phrase}: cannot be computed (${reason}).`,
  },
  coalitionSummaryHeading: { sv: 'Vem med vem?', en: 'Who with whom?' },
  coalitionSummaryGrouping: {
    sv: (words: Arg, gain: Arg, p: Arg) =>
      `${words}: vinst ${gain} mot att gå själv (nuvärde), sannolikhet för vinst ${p}.`,
    en: (words: Arg, gain: Arg, p: Arg) =>
      `${words}: gain ${gain} against going alone (present value), probability of a gain ${p}.`,
  },
  coalitionSummaryGroupingLoss: {
    sv: (words: Arg, cost: Arg, p: Arg) =>
      `${words}: kostar ${cost} mer än att gå själv (nuvärde), sannolikhet för vinst ${p}.`,
    en: (words: Arg, cost: Arg, p: Arg) =>
      `${words}: costs ${cost} more than going alone (present value), probability of a gain ${p}.`,
  },
  coalitionSummaryAlone: {
    sv: 'Alla fortsätter själva (det som grupperingarna jämförs med).',
    en: 'Everyone goes on alone (what the groupings are compared with).',
  },
  coalitionScenarioName: {
    sv: (names: Arg) => `Grupp: ${names}`,
    en: (names: Arg) => `Group: ${names}`,
  },
  coalitionOpened: {
    sv: (name: Arg) => `Öppnade ”${name}” som scenario. Sökningen under Vem med vem? gäller det tidigare scenariot.`,
    en: (name: Arg) =>
      `Opened “${name}” as a scenario. The search under Who with whom? belongs to the earlier scenario.`,
  },
} satisfies Record<string, Entry>;
