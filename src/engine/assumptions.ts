import type { Distribution } from './distributions/index.js';

/** An uncertain input with where its numbers come from: a citation, or `antagande: <reason>`. */
export type Assumption = Distribution & { source: string };

/** Bilingual text. Swedish first: it is the product's main language. */
export interface Text {
  sv: string;
  en: string;
}

/** Metadata of one uncertain input: how it is named, measured and explained to users. */
export interface AssumptionDef {
  id: AssumptionId;
  label: Text;
  unit: Text;
  /** What a higher value does, in plain words, for sensitivity charts. */
  effect: Text;
  default: Assumption;
  /**
   * The values the input can meaningfully take. A bounded distribution (fixed, uniform, triangular, PERT)
   * outside them is rejected when a scenario is prepared; a draw of an unbounded one (normal, lognormal)
   * outside them is clamped to them.
   */
  bounds: Bounds;
}

/** Inclusive bounds of an input's values. */
export interface Bounds {
  min: number;
  max: number;
}

/**
 * Identifiers of the uncertain inputs. The order here is the order of draws in a run's random stream:
 * append new inputs at the end so that existing scenarios keep their numbers.
 */
export const ASSUMPTION_IDS = [
  'wageCost',
  'wageGrowth',
  'inflation',
  'nonStaffPriceGrowth',
  'budgetPerInhabitant',
  'budgetGrowth',
  'demandGrowth',
  'scaleShift',
  'legacyPenalty',
  'pupilWeight',
  'populationGrowthShift',
  'attrition',
  'recruitment',
  'realisationShared',
  'realisationMerger',
  'transitionShareShared',
  'transitionShareMerger',
  'migrationCostPerSystem',
  'rampUpYears',
  'consolidationYears',
  'governanceOverhead',
  'coordinationFte',
  'hostMarkup',
  'bodyMarkup',
  'decisionDelay',
  'scaleShiftDrift',
  'scaleShiftGovernance',
  'scaleShiftDevelopment',
  'nonStaffScaleShift',
] as const;

export type AssumptionId = (typeof ASSUMPTION_IDS)[number];

const t = (sv: string, en: string): Text => ({ sv, en });

/** The uncertain inputs' texts and defaults (their bounds follow in BOUNDS). */
const DEFINITIONS: readonly Omit<AssumptionDef, 'bounds'>[] = [
  {
    id: 'wageCost',
    label: t(
      'Kostnad per årsarbetare (inkl. arbetsgivaravgifter)',
      'Cost per full-time employee (incl. payroll costs)',
    ),
    unit: t('kr per år', 'SEK per year'),
    effect: t('Om IT-personal kostar mer', 'If IT staff cost more'),
    default: {
      dist: 'pert',
      low: 750_000,
      mode: 850_000,
      high: 950_000,
      source:
        'härlett: månadslön 42 000–53 000 kr (Akavia 2022: IT-akademiker i kommun, median 46 000; Vision 2024: IT-tekniker 35 000–45 000; uppräknat med HÖK 2023–2024) × 12 × 1,49 (SCB, arbetskostnad/lön för tjänstemän, 2021)',
    },
  },
  {
    id: 'wageGrowth',
    label: t('Löneökning per år (nominell)', 'Wage growth per year (nominal)'),
    unit: t('andel per år', 'share per year'),
    effect: t('Om lönerna stiger snabbare', 'If wages rise faster'),
    default: {
      dist: 'pert',
      low: 0.023,
      mode: 0.032,
      high: 0.042,
      source:
        'Vision/SKR: kommunala avtal 2,3 %/år 2014–2017, 4,1 % 2023, 3,3 % 2024 (vision.se 2018 nr 6; skr.se 2023; vision.se 2024 nr 2)',
    },
  },
  {
    id: 'inflation',
    label: t('Inflation (KPIF)', 'Inflation (CPIF)'),
    unit: t('andel per år', 'share per year'),
    effect: t('Om inflationen blir högre', 'If inflation is higher'),
    default: {
      dist: 'fixed',
      value: 0.02,
      source: 'Riksbankens inflationsmål 2 % (KPIF); används för att räkna om nominella ökningar till fasta priser',
    },
  },
  {
    id: 'nonStaffPriceGrowth',
    label: t('Prisökning licenser och tjänster (nominell)', 'Price growth of licences and services (nominal)'),
    unit: t('andel per år', 'share per year'),
    effect: t('Om licenser och tjänster blir dyrare', 'If licences and services get dearer'),
    default: {
      dist: 'pert',
      low: 0.02,
      mode: 0.035,
      high: 0.06,
      source:
        'antagande: programvaru- och molnpriser har på senare år stigit snabbare än KPIF; spannet går från inflationstakt till tydligt över',
    },
  },
  {
    id: 'budgetPerInhabitant',
    label: t(
      'IT-budget per invånare idag (där kommunens egen siffra saknas)',
      'IT budget per inhabitant today (where the municipality has no figure)',
    ),
    unit: t('kr per invånare och år', 'SEK per inhabitant and year'),
    effect: t('Om kommunernas IT-budget är större', 'If municipal IT budgets are larger'),
    default: {
      dist: 'pert',
      low: 1_370,
      mode: 1_900,
      high: 2_150,
      source:
        'härlett: IT ≈ 2,3–2,7 % av kommunens kostnader (SKR resp. Institutet för framtidsstudier, via Trinovo) × 73 600 kr/invånare (Ekonomifakta: kommunernas kostnader 774 mdkr 2022 / 10,52 miljoner invånare) × ≈1,07 KPI 2022→2026; lägsta värdet: ≈10 mdkr/år för alla kommuner (Computer Sweden, ca 2014) uppräknat till 2026',
    },
  },
  {
    id: 'budgetGrowth',
    label: t('Real ökning av IT-budgeten per år', 'Real growth of the IT budget per year'),
    unit: t('andel per år', 'share per year'),
    effect: t('Om IT-budgeten växer snabbare', 'If the IT budget grows faster'),
    default: {
      dist: 'pert',
      low: -0.01,
      mode: 0.005,
      high: 0.02,
      source:
        'antagande: kommunernas ekonomi är ansträngd; Kommunförbundet (FI) 2021 anger att kommunala IKT-kostnader vuxit ungefär i takt med BNP',
    },
  },
  {
    id: 'demandGrowth',
    label: t('Ökning av utvecklingsbehovet per år', 'Growth of development demand per year'),
    unit: t('andel per år', 'share per year'),
    effect: t('Om digitaliseringstrycket växer snabbare', 'If digitalisation pressure grows faster'),
    default: {
      dist: 'pert',
      low: 0.02,
      mode: 0.04,
      high: 0.07,
      source:
        'antagande: efterfrågan på e-tjänster, välfärdsteknik och automatisering väntas växa snabbare än budgeten (Fyrbodals förstudie: underfinansiering och kapacitetsbrist)',
    },
  },
  {
    id: 'scaleShift',
    label: t(
      'Skalfördelarnas styrka, gemensam del (−1 starka, +1 svaga)',
      'Strength of economies of scale, common part (−1 strong, +1 weak)',
    ),
    unit: t('position i varje förmågas β-intervall', 'position in each capability’s β range'),
    effect: t('Om skalfördelarna är svagare', 'If economies of scale are weaker'),
    default: {
      dist: 'triangular',
      low: -0.7,
      mode: 0,
      high: 0.7,
      source:
        'antagande: förmågans position i sitt β-intervall (−1 = lägsta, 0 = troligaste, +1 = högsta) är summan av en gemensam del (hur skalfördelar fungerar i kommunal IT generellt) och en del per slag av förmåga (drift, styrning, utveckling); ±0,7 vardera ger varje förmåga samma spridning som en enda dragning över ±1, medan katalogens genomsnitt sprids ungefär en femtedel mindre eftersom delarna per slag delvis tar ut varandra',
    },
  },
  {
    id: 'legacyPenalty',
    label: t('Merarbete för äldre system (digitalt arv)', 'Extra effort for legacy systems'),
    unit: t('andel extra per äldre system', 'extra share per legacy system'),
    effect: t('Om det digitala arvet kostar mer', 'If legacy systems cost more'),
    default: {
      dist: 'pert',
      low: 0.2,
      mode: 0.5,
      high: 1.0,
      source:
        'antagande: Fyrbodals förstudie pekar ut det digitala arvet som hinder (Centigo 2021) men ger ingen siffra; ett äldre system antas kräva 20–100 % mer förvaltning',
    },
  },
  {
    id: 'pupilWeight',
    label: t('Vikt för elevkonton jämfört med anställda', 'Weight of pupil accounts relative to staff'),
    unit: t('andel av en anställds IT-användning', 'share of an employee’s IT use'),
    effect: t('Om elever belastar IT mer', 'If pupils load IT more'),
    default: {
      dist: 'fixed',
      value: 0.25,
      source:
        'antagande: elever har oftast enklare, centralt hanterade enheter och färre system än anställda (Botkyrka räknar 24 500 anställda och elever som användare)',
    },
  },
  {
    id: 'populationGrowthShift',
    label: t('Avvikelse i befolkningstillväxt', 'Deviation in population growth'),
    unit: t('procentenheter per år', 'percentage points per year'),
    effect: t('Om befolkningen växer snabbare', 'If the population grows faster'),
    default: {
      dist: 'normal',
      mean: 0,
      sd: 0.003,
      source: 'antagande: kommunernas befolkningstrend (SCB 2024→2025) kan avvika ±0,3 procentenheter per år',
    },
  },
  {
    id: 'attrition',
    label: t('Personalomsättning inom IT', 'Staff turnover in IT'),
    unit: t('andel per år', 'share per year'),
    effect: t('Om fler IT-anställda slutar', 'If more IT staff leave'),
    default: {
      dist: 'pert',
      low: 0.06,
      mode: 0.1,
      high: 0.16,
      source: 'antagande: typisk personalomsättning för IT-yrken i offentlig sektor; ingen svensk källa hittad',
    },
  },
  {
    id: 'recruitment',
    label: t('Rekryteringsförmåga för en liten IT-enhet', 'Recruitment success of a small IT unit'),
    unit: t('andel vakanser som tillsätts inom ett år', 'share of vacancies filled within a year'),
    effect: t('Om det är lättare att rekrytera', 'If recruiting is easier'),
    default: {
      dist: 'pert',
      low: 0.35,
      mode: 0.55,
      high: 0.75,
      source:
        'antagande: små IT-enheter har svårt att rekrytera specialister (Fyrbodals förmåga ”attraktiv arbetsplats”; i Finland har bara 8 % av kommuner under 2 000 invånare en informationsförvaltningschef, Kuntaliitto 2024); större enheter tillsätter fler (se docs/model.md)',
    },
  },
  {
    id: 'realisationShared',
    label: t(
      'Andel av beräknade skalfördelar som realiseras vid delning',
      'Share of modelled scale gains realised when sharing',
    ),
    unit: t('andel', 'share'),
    effect: t('Om delningen verkligen sänker kostnaderna', 'If sharing really lowers costs'),
    default: {
      dist: 'pert',
      low: 0,
      mode: 0.1,
      high: 0.3,
      source:
        'Statskontoret 2023 (Hand i hand): samverkan ”sänker sällan kommunernas kostnader”; IT-kommuner i Skåne behöll alla 27 anställda (Atea). Källorna pekar på 0–20 %; svansen till 30 % är ett antagande',
    },
  },
  {
    id: 'realisationMerger',
    label: t(
      'Andel av beräknade skalfördelar som realiseras vid sammanläggning',
      'Share of modelled scale gains realised in a merger',
    ),
    unit: t('andel', 'share'),
    effect: t('Om sammanläggningen verkligen sänker kostnaderna', 'If the merger really lowers costs'),
    default: {
      dist: 'pert',
      low: 0,
      mode: 0.05,
      high: 0.3,
      source:
        'Blom-Hansen m.fl., APSR 2016: Danmarks kommunreform 2007 gav ingen nettobesparing; Houlberg 2012: de administrativa skalfördelarna uteblev. Antagande: troligast nära noll, svans till 30 %',
    },
  },
  {
    id: 'transitionShareShared',
    label: t('Omställningskostnad vid delning', 'Transition cost when sharing'),
    unit: t('andel av en årskostnad för de delade förmågorna', 'share of one year’s cost of the shared capabilities'),
    effect: t('Om omställningen blir dyrare', 'If the transition costs more'),
    default: {
      dist: 'pert',
      low: 0.17,
      mode: 0.25,
      high: 0.33,
      source:
        'antagande: som Danmarks IT-omställning vid kommunreformen 2007, 17–33 % av en årskostnad (computerworld.dk), här för de delade förmågorna',
    },
  },
  {
    id: 'transitionShareMerger',
    label: t(
      'Omställningskostnad vid sammanläggning (inkl. systemmigrering)',
      'Merger transition cost (system migration included)',
    ),
    unit: t('andel av en årskostnad', 'share of one year’s cost'),
    effect: t('Om sammanläggningen blir dyrare att genomföra', 'If the merger costs more to carry out'),
    default: {
      dist: 'pert',
      low: 0.17,
      mode: 0.25,
      high: 0.33,
      source:
        'härlett: Danmarks reform 2007 kostade 1–2 mdkr DKK i IT-omställning totalt, systemmigrering inräknad, mot ≈6 mdkr DKK i årlig kommunal IT (computerworld.dk), dvs. 17–33 % av en årskostnad',
    },
  },
  {
    id: 'migrationCostPerSystem',
    label: t(
      'Extra migreringskostnad per avvecklat system (utöver omställningen)',
      'Extra migration cost per retired system (beyond the transition)',
    ),
    unit: t('kr', 'SEK'),
    effect: t('Om systemmigrering blir dyrare', 'If system migration costs more'),
    default: {
      dist: 'fixed',
      value: 0,
      source:
        'antagande: systemmigrering ingår i omställningskostnaden vid sammanläggning (Danmark 2007: 17–33 % av en årskostnad totalt, computerworld.dk); ange ett belopp här bara för en egen migreringskalkyl som ska läggas till',
    },
  },
  {
    id: 'rampUpYears',
    label: t('År tills full effekt av delning', 'Years until sharing reaches full effect'),
    unit: t('år', 'years'),
    effect: t('Om införandet tar längre tid', 'If implementation takes longer'),
    default: {
      dist: 'pert',
      low: 2,
      mode: 3,
      high: 5,
      source:
        'antagande: uppbyggnad av gemensam IT-organisation, nät och katalogtjänst tar flera år (IT-kommuner i Skåne samverkar sedan 2011)',
    },
  },
  {
    id: 'consolidationYears',
    label: t('År för systemkonsolidering efter sammanläggning', 'Years of system consolidation after a merger'),
    unit: t('år', 'years'),
    effect: t('Om systemkonsolideringen tar längre tid', 'If system consolidation takes longer'),
    default: {
      dist: 'pert',
      low: 3,
      mode: 5,
      high: 8,
      source:
        'antagande: Roskilde ett halvår efter reformen 2007: vinsterna ”oklara” (version2.dk); avtal löper ut successivt',
    },
  },
  {
    id: 'governanceOverhead',
    label: t(
      'Styrningskostnad, faktor på samverkansformens grundnivå',
      'Governance overhead, factor on the form’s base level',
    ),
    unit: t('faktor', 'factor'),
    effect: t('Om samverkan kräver mer styrning', 'If collaboration needs more governance'),
    default: {
      dist: 'pert',
      low: 0.6,
      mode: 1,
      high: 1.8,
      source:
        'antagande: grundnivå per form av den delade kostnaden (avtalssamverkan 3 %, gemensam nämnd 5 %, förbund och bolag 8 %; en värdkommuns administration 3 %), SOU 2020:8 §21.2.3',
    },
  },
  {
    id: 'coordinationFte',
    label: t('Beställar- och samordningsresurs per kommun', 'Ordering and coordination staff per municipality'),
    unit: t('årsarbetare', 'FTE'),
    effect: t('Om varje kommun behöver mer beställarkompetens', 'If each municipality needs more ordering staff'),
    default: {
      dist: 'pert',
      low: 0.3,
      mode: 0.5,
      high: 1.0,
      source:
        'antagande: varje kommun som köper av en gemensam organisation, en värdkommun eller en regional aktör behåller en beställarfunktion (Statskontoret 2023: samverkan försvårar styrningen); värdkommunen beställer inte av sig själv',
    },
  },
  {
    id: 'hostMarkup',
    label: t('Värdkommunens påslag', 'Host municipality’s markup'),
    unit: t('andel av självkostnaden', 'share of cost'),
    effect: t('Om värdkommunen tar ut ett högre påslag', 'If the host charges a higher markup'),
    default: {
      dist: 'fixed',
      value: 0,
      source:
        'självkostnadsprincipen (kommunallagen 2 kap. 6 §): värdkommunen tar ut sin självkostnad, där administrationen av samarbetet ingår; ett påslag är en överföring mellan kommunerna som användaren kan välja',
    },
  },
  {
    id: 'bodyMarkup',
    label: t('Regional/nationell aktörs påslag', 'Regional/national body’s markup'),
    unit: t('andel av självkostnaden', 'share of cost'),
    effect: t('Om den regionala aktören tar ut mer', 'If the regional body charges more'),
    default: {
      dist: 'pert',
      low: 0.05,
      mode: 0.1,
      high: 0.2,
      source: 'antagande: egen förvaltning, utveckling och riskbuffert hos en regional eller nationell leverantör',
    },
  },
  {
    id: 'decisionDelay',
    label: t('Beslutsfördröjning för omfördelning av ansvar', 'Decision delay before responsibility moves'),
    unit: t('år', 'years'),
    effect: t('Om besluten dröjer', 'If decisions are delayed'),
    default: {
      dist: 'pert',
      low: 1,
      mode: 2,
      high: 4,
      source:
        'antagande: kräver beslut hos region eller stat; SOU 2024:6 fann inget intresse för frivilliga sammanläggningar fyra år efter SOU 2020:8',
    },
  },
  kindShift('scaleShiftDrift', 'drift', 'operations'),
  kindShift('scaleShiftGovernance', 'styrning', 'governance'),
  kindShift('scaleShiftDevelopment', 'utveckling', 'development'),
  {
    id: 'nonStaffScaleShift',
    label: t(
      'Skalfördelar i licenser och tjänster (förskjutning)',
      'Economies of scale in licences and services (shift)',
    ),
    unit: t('tillägg till varje förmågas γ', 'added to each capability’s γ'),
    effect: t(
      'Om licenser och tjänster har svagare skalfördelar',
      'If licences and services have weaker economies of scale',
    ),
    default: {
      dist: 'triangular',
      low: -0.1,
      mode: 0,
      high: 0.1,
      source:
        'antagande: katalogens elasticitet γ för icke-personella kostnader (0,5–1) är en bedömning utan källa; ±0,1 speglar att volymrabatter i licensavtal varierar',
    },
  },
];

/** The shift of one kind of capability's position in its β range (see `scaleShift`). */
function kindShift(id: AssumptionId, sv: string, en: string): Omit<AssumptionDef, 'bounds'> {
  return {
    id,
    label: t(
      `Skalfördelarnas styrka, ${sv} (−1 starka, +1 svaga)`,
      `Strength of economies of scale, ${en} (−1 strong, +1 weak)`,
    ),
    unit: t('tillägg till positionen i β-intervallet', 'added to the position in the β range'),
    effect: t(`Om skalfördelarna i ${sv} är svagare`, `If economies of scale in ${en} are weaker`),
    default: {
      dist: 'triangular',
      low: -0.7,
      mode: 0,
      high: 0.7,
      source: `antagande: den del av osäkerheten om skalfördelar som gäller just ${sv} (se den gemensamma delen)`,
    },
  };
}

const SHARE = { min: 0, max: 1 };
const NON_NEGATIVE = { min: 0, max: 1e12 };
/** A yearly growth rate: above −100 % a year. */
const GROWTH = { min: -0.99, max: 10 };
const SHIFT = { min: -1, max: 1 };

/**
 * What each input can meaningfully be. A wage of zero or less has no meaning (development capacity would
 * divide by zero); a budget may be 0 (nothing to spend) but not negative; shares lie in [0, 1]; ramps of
 * under a tenth of a year are immediate.
 */
const BOUNDS: Record<AssumptionId, Bounds> = {
  wageCost: { min: 1_000, max: 1e8 },
  wageGrowth: GROWTH,
  inflation: GROWTH,
  nonStaffPriceGrowth: GROWTH,
  budgetPerInhabitant: NON_NEGATIVE,
  budgetGrowth: GROWTH,
  demandGrowth: GROWTH,
  scaleShift: SHIFT,
  legacyPenalty: NON_NEGATIVE,
  pupilWeight: NON_NEGATIVE,
  populationGrowthShift: { min: -0.5, max: 0.5 },
  attrition: SHARE,
  recruitment: SHARE,
  realisationShared: SHARE,
  realisationMerger: SHARE,
  transitionShareShared: NON_NEGATIVE,
  transitionShareMerger: NON_NEGATIVE,
  migrationCostPerSystem: NON_NEGATIVE,
  rampUpYears: { min: 0.1, max: 1e9 },
  consolidationYears: { min: 0.1, max: 1e9 },
  governanceOverhead: NON_NEGATIVE,
  coordinationFte: NON_NEGATIVE,
  hostMarkup: NON_NEGATIVE,
  bodyMarkup: NON_NEGATIVE,
  decisionDelay: { min: 0, max: 100 },
  scaleShiftDrift: SHIFT,
  scaleShiftGovernance: SHIFT,
  scaleShiftDevelopment: SHIFT,
  nonStaffScaleShift: { min: -0.7, max: 0.7 },
};

/** Every uncertain input with its default distribution, source and bounds. Amounts are SEK in start-year prices. */
export const ASSUMPTIONS: readonly AssumptionDef[] = DEFINITIONS.map((d) => ({ ...d, bounds: BOUNDS[d.id] }));

/**
 * A host municipality's administration of an arrangement, as a share of the cost of what it provides to
 * the buyers (times `governanceOverhead`): the avtalssamverkan base, since a host arrangement is an
 * avtalssamverkan (antagande, see docs/model.md §5.1).
 */
export const HOST_ADMINISTRATION = 0.03;

/** Base governance overhead per legal form, as a share of the pooled cost (see `governanceOverhead`). */
export const FORM_OVERHEAD = {
  avtalssamverkan: 0.03,
  'gemensam-namnd': 0.05,
  kommunalforbund: 0.08,
  bolag: 0.08,
} as const;

export type CollaborationForm = keyof typeof FORM_OVERHEAD;

/** Look up an assumption's metadata by id. */
export function assumptionDef(id: AssumptionId): AssumptionDef {
  const def = ASSUMPTIONS.find((a) => a.id === id);
  if (!def) throw new Error(`unknown assumption ${id}`);
  return def;
}
