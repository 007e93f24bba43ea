/**
 * The published Swedish figures that status quo is calibrated against (docs/model.md, "Calibration"), in
 * 2026 prices, each with its source, and the measures computed from a kommun's start-year status quo:
 * what each measure divides by what, how it is formatted, and why the catalogue misses where it does.
 */
/**
 * Municipal operating cost per inhabitant, 2026 prices: 774 bn SEK / 10.52 million inhabitants in 2022
 * (Ekonomifakta) × 1.07 (approximate consumer-price factor 2022 → 2026) ≈ 78 750 SEK.
 */
export const OPERATING_COST_PER_INHABITANT = (774e9 / 10.52e6) * 1.07;
export const OPERATING_COST_SOURCE =
  'Ekonomifakta: municipal operating cost 774 bn SEK / 10.52 million inhabitants in 2022, × 1.07 to 2026 prices';

/** Employees per IT workstation (antagande: Södertörn 2007 reports 1.3–2.8 employees per computer). */
export const EMPLOYEES_PER_WORKSTATION = 2;

/** A published point figure counts as met within ± this share of it (antagande). */
export const POINT_TOLERANCE = 0.25;

/** One kommun's status quo in the start year, every input at its central value. SEK, FTE. */
export interface KommunFigures {
  code: string;
  name: string;
  population: number;
  employees: number;
  /** Need-driven total cost (all capabilities at full need). */
  needCost: number;
  /** FTE of that need, all capabilities. */
  needFte: number;
  /** Need-driven cost of the development (`utveckling`) capabilities alone, staff and non-staff. */
  developmentNeedCost: number;
  /** Today's IT budget. */
  budget: number;
  /** Development FTE the budget pays for after operations and governance (§6). */
  developmentCapacity: number;
  /** Cost per FTE (central wageCost). */
  wage: number;
}

export type Verdict = 'inside' | 'above' | 'below';

export interface Published {
  low: number;
  high: number;
  /** The range as printed, in 2026 prices. */
  text: string;
  source: string;
}

export interface Measure {
  id: string;
  label: string;
  side: 'need' | 'budget';
  /** The kommun's figure is numerator / denominator; "pooled" is Σ numerator / Σ denominator. */
  numerator: (k: KommunFigures) => number;
  denominator: (k: KommunFigures) => number;
  format: (x: number) => string;
  published: Published;
  /** Set when the level is an input, not a model result: why. */
  byConstruction?: string;
  /** Why the catalogue misses, by direction (fixed prose; whether it misses comes from the numbers). */
  why: { above: string; below: string };
}

// ---------------------------------------------------------------------------------------------------
// Published ranges, 2026 prices.

export const group = (x: number, digits = 0) =>
  x
    .toFixed(digits)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
    .replace('-', '\u2212');
export const kr = (x: number) => group(x);
const percent = (x: number) => `${group(100 * x, 1)} %`;
const percent2 = (x: number) => `${group(100 * x, 2)} %`;
const fte = (x: number) => group(x, 2);

const range = (low: number, high: number, format: (x: number) => string, source: string): Published => ({
  low,
  high,
  text: `${format(low)}–${format(high)}`,
  source,
});
const point = (x: number, format: (x: number) => string, source: string): Published => ({
  low: x * (1 - POINT_TOLERANCE),
  high: x * (1 + POINT_TOLERANCE),
  text: `≈ ${format(x)} (${format(x * (1 - POINT_TOLERANCE))}–${format(x * (1 + POINT_TOLERANCE))})`,
  source: `${source}; ± ${100 * POINT_TOLERANCE} % counts as met (antagande)`,
});

const PER_INHABITANT = range(
  600 * 1.38,
  1_397 * 1.38,
  kr,
  'Södertörn 2008: 600–1 397 kr per inhabitant (IT-nyckeltal Södertörn 2008), × 1.38 to 2026 prices',
);
const SHARE_AVERAGE = range(
  0.023,
  0.027,
  percent2,
  `average IT share of municipal operating cost 2.3 % (SKR) – 2.7 % (Institutet för framtidsstudier), via Trinovo; operating cost ${kr(OPERATING_COST_PER_INHABITANT)} kr per inhabitant (${OPERATING_COST_SOURCE})`,
);
const SHARE_SPREAD = range(0.004, 0.0456, percent2, 'spread across 48 kommuner, 0.4–4.56 % (Trinovo)');
const PER_WORKSTATION = range(
  9_922 * 1.38,
  20_187 * 1.38,
  kr,
  `Södertörn 2008: 9 922–20 187 kr per workstation, × 1.38; national average 17 510 kr (Computer Sweden, ≈ 2014) × 1.33 = ${kr(17_510 * 1.33)} kr; workstations = employees / ${EMPLOYEES_PER_WORKSTATION} (antagande)`,
);
const FTE_PER_1000 = point(
  0.65,
  fte,
  '≈ 6 300 IT staff in all kommuner (Computer Sweden, mid-2010s) ≈ 0.65 per 1 000 inhabitants',
);
const DEVELOPMENT_SHARE = point(
  0.12,
  percent,
  '12 % of the IT budget to change, innovation and development (Radar, "IT i kommunerna 2013")',
);

const BY_SIZE_NEED =
  'the catalogue prices the full engine with a minimum staffing per capability (`minFte`), a floor that small kommuner spread over few inhabitants; published figures are what kommuner spend, and small kommuner do without part of that engine today';
const BELOW_NEED =
  'scale elasticities below 1 and one wage for all roles push large organisations down, and the catalogue holds none of the specialised systems and services of large kommuner';
const SAME_AS_PER_INHABITANT =
  'it is kr per inhabitant over one national operating cost per inhabitant, so the reasons are those for kr per inhabitant';
const BUDGET_FLAT =
  'the budget is 1 900 kr per inhabitant for every kommun (by construction) and most profiles derive employees as 0.105 per inhabitant, so it is nearly the same figure in every class';

const cost = (k: KommunFigures) => k.needCost;
const budget = (k: KommunFigures) => k.budget;
const population = (k: KommunFigures) => k.population;
const operatingCost = (k: KommunFigures) => k.population * OPERATING_COST_PER_INHABITANT;
const workstations = (k: KommunFigures) => k.employees / EMPLOYEES_PER_WORKSTATION;

/** The measures, need side first. */
export const MEASURES: readonly Measure[] = [
  {
    id: 'perInhabitant',
    label: 'kr per inhabitant',
    side: 'need',
    numerator: cost,
    denominator: population,
    format: kr,
    published: PER_INHABITANT,
    why: { above: BY_SIZE_NEED, below: BELOW_NEED },
  },
  {
    id: 'shareAverage',
    label: 'share of operating cost, against the average',
    side: 'need',
    numerator: cost,
    denominator: operatingCost,
    format: percent2,
    published: SHARE_AVERAGE,
    why: { above: SAME_AS_PER_INHABITANT, below: SAME_AS_PER_INHABITANT },
  },
  {
    id: 'shareSpread',
    label: 'share of operating cost, against the spread',
    side: 'need',
    numerator: cost,
    denominator: operatingCost,
    format: percent2,
    published: SHARE_SPREAD,
    why: {
      above: `the published maximum is 4.56 %; ${BY_SIZE_NEED}`,
      below: `the published minimum is 0.4 %; ${BELOW_NEED}`,
    },
  },
  {
    id: 'perWorkstation',
    label: 'kr per IT workstation',
    side: 'need',
    numerator: cost,
    denominator: workstations,
    format: kr,
    published: PER_WORKSTATION,
    why: {
      above: `need per inhabitant is high (see kr per inhabitant) and workstations are employees / ${EMPLOYEES_PER_WORKSTATION} everywhere; ${BY_SIZE_NEED}`,
      below: BELOW_NEED,
    },
  },
  {
    id: 'ftePer1000',
    label: 'IT FTE per 1 000 inhabitants',
    side: 'need',
    numerator: (k) => 1000 * k.needFte,
    denominator: population,
    format: fte,
    published: FTE_PER_1000,
    why: {
      above:
        'the catalogue’s FTE include departmental digitalisation, process and project roles and 2026 needs, which the mid-2010s count of IT staff leaves out; in small kommuner the `minFte` floors add up',
      below: 'scale elasticities below 1 spread a large kommun’s staff over many inhabitants',
    },
  },
  {
    id: 'developmentNeedShare',
    label: 'development share of the need',
    side: 'need',
    numerator: (k) => k.developmentNeedCost,
    denominator: cost,
    format: percent,
    published: DEVELOPMENT_SHARE,
    why: {
      above:
        'the catalogue prices development at full need (what the kommun would need to keep up), while the published 12 % is what budgets actually give it',
      below: 'the operations and governance capabilities’ `minFte` floors dominate the need of small kommuner',
    },
  },
  {
    id: 'budgetPerInhabitant',
    label: 'kr per inhabitant',
    side: 'budget',
    numerator: budget,
    denominator: population,
    format: kr,
    published: PER_INHABITANT,
    byConstruction:
      'the budget is `budgetPerInhabitant` (central 1 900 kr) × inhabitants for every kommun without its own figure',
    why: { above: BUDGET_FLAT, below: BUDGET_FLAT },
  },
  {
    id: 'budgetShare',
    label: 'share of operating cost, against the average',
    side: 'budget',
    numerator: budget,
    denominator: operatingCost,
    format: percent2,
    published: SHARE_AVERAGE,
    byConstruction: '1 900 kr per inhabitant was chosen from the same 2.3–2.7 % of operating cost',
    why: { above: BUDGET_FLAT, below: BUDGET_FLAT },
  },
  {
    id: 'budgetPerWorkstation',
    label: 'kr per IT workstation',
    side: 'budget',
    numerator: budget,
    denominator: workstations,
    format: kr,
    published: PER_WORKSTATION,
    why: { above: BUDGET_FLAT, below: BUDGET_FLAT },
  },
  {
    id: 'developmentBudgetShare',
    label: 'development share of the budget',
    side: 'budget',
    numerator: (k) => k.developmentCapacity * k.wage,
    denominator: budget,
    format: percent,
    published: DEVELOPMENT_SHARE,
    why: {
      above:
        'development capacity is all the budget leaves after operations and governance (§6), and in large kommuner their need is well below 1 900 kr per inhabitant',
      below:
        'development capacity is what the budget leaves after operations and governance (§6); where their need alone exceeds 1 900 kr per inhabitant nothing is left',
    },
  },
];
