/**
 * Calibration of status quo by size class (issue #19): status quo for the given kommuner with every
 * uncertain input at its central value, in the start year, compared with published Swedish figures for
 * kommuner under 10 000, 10 000–50 000 and from 50 000 inhabitants (and all together). Produces the table
 * in docs/model.md, "Calibration", and the list of targets the catalogue cannot meet.
 *
 * Pure: no file system, no DOM. The default data come in as JSON modules, as src/scenarios.ts does.
 * Two kinds of figure are reported and must not be confused:
 * - the **need side**: what the catalogue says a kommun needs (the need-driven total cost, §4 of
 *   docs/model.md), its FTE and the development capabilities' share of it;
 * - the **budget side**: today's IT budget, which is 1 900 kr per inhabitant for every kommun without a
 *   figure of its own (all 290 today), so its level is set by construction, and the development capacity
 *   that budget leaves after operations and governance (§6).
 */
import defaultCapabilities from '../../public/data/capabilities.json';
import defaultMunicipalities from '../../public/data/municipalities.json';
import fyrbodal from '../../scenarios/fyrbodal.json';
import {
  ASSUMPTIONS,
  type AssumptionId,
  type Capability,
  centralValue,
  describe,
  loadModel,
  type Municipality,
  PATH_IDS,
  type Scenario,
  simulateAll,
} from '../engine/index.js';

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

export const SIZE_CLASSES = [
  { id: 'small', label: '< 10 000', min: 0, max: 10_000 },
  { id: 'medium', label: '10 000–50 000', min: 10_000, max: 50_000 },
  { id: 'large', label: '≥ 50 000', min: 50_000, max: Number.POSITIVE_INFINITY },
  { id: 'all', label: 'all', min: 0, max: Number.POSITIVE_INFINITY },
] as const;
export type SizeClassId = (typeof SIZE_CLASSES)[number]['id'];

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

export interface ClassFigure {
  count: number;
  median: number;
  p10: number;
  p90: number;
  /** Σ numerator / Σ denominator over the class's kommuner. */
  pooled: number;
  /** Kommuner whose own figure lies inside the published range. */
  inside: number;
  /** Of the class median. */
  verdict: Verdict;
}

export interface MeasureResult {
  measure: Measure;
  classes: Record<SizeClassId, ClassFigure>;
}

export interface SizeClassCalibration {
  kommuner: KommunFigures[];
  wage: number;
  measures: MeasureResult[];
}

// ---------------------------------------------------------------------------------------------------
// Published ranges, 2026 prices.

const group = (x: number, digits = 0) =>
  x
    .toFixed(digits)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
    .replace('-', '\u2212');
const kr = (x: number) => group(x);
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

// ---------------------------------------------------------------------------------------------------
// Computation.

/**
 * The base scenario with the given kommuner as members, every input fixed at its central value (the
 * scenario's own distribution where it has one, else the default), one run, every path but status quo
 * disabled and sharing nothing.
 */
/** Each input's central value: the scenario's own distribution where it has one, else the default. */
const centralValues = (base: Scenario) =>
  Object.fromEntries(ASSUMPTIONS.map((a) => [a.id, centralValue(base.assumptions?.[a.id] ?? a.default)])) as Record<
    AssumptionId,
    number
  >;

function centralScenario(base: Scenario, codes: string[], override: Partial<Record<AssumptionId, number>>): Scenario {
  const central = centralValues(base);
  const s = structuredClone(base);
  s.members = codes;
  s.runs = 1;
  delete s.profiles;
  delete s.capabilities;
  delete s.correlations;
  s.assumptions = Object.fromEntries(
    ASSUMPTIONS.map((a) => [
      a.id,
      {
        dist: 'fixed',
        value: override[a.id] ?? central[a.id],
        source: 'antagande: centralvärde',
      },
    ]),
  ) as Scenario['assumptions'];
  for (const id of PATH_IDS) if (id !== 'status-quo') s.paths[id].enabled = false;
  const { samverkan, omfordelning, asymmetrisk } = s.paths;
  samverkan.members = 'all';
  samverkan.pooled = 'none';
  delete samverkan.exit;
  omfordelning.transferred = 'none';
  s.paths.sammanlaggning.members = 'all';
  asymmetrisk.members = 'all';
  asymmetrisk.host = 'largest';
  asymmetrisk.provided = 'none';
  delete asymmetrisk.exit;
  return s;
}

/** Status quo in the start year, per member: the municipality results' first year. */
function startYear(scenario: Scenario, municipalities: Municipality[], capabilities: Capability[]) {
  const model = loadModel(scenario, municipalities, capabilities);
  if (!model.ok) throw new Error(`calibration scenario: ${JSON.stringify(model.issues)}`);
  const sq = simulateAll(model.value, 1).paths['status-quo'];
  return { members: model.value.members, years: sq.municipalities.map((x) => x.years[0]) };
}

/**
 * Each kommun's status quo in the start year at central values. The results carry cost, budget and
 * development capacity but no FTE, so two more runs supply the rest without a second copy of the need
 * equation: the same run at twice the wage (the need in FTE does not depend on the wage, so FTE =
 * Δcost / wage), and a run of the development capabilities alone (their need-driven cost).
 */
export function statusQuoFigures(
  municipalities: Municipality[],
  capabilities: Capability[],
  base: Scenario,
): KommunFigures[] {
  const codes = municipalities.map((m) => m.code);
  const wage = centralValues(base).wageCost;
  const central = startYear(centralScenario(base, codes, {}), municipalities, capabilities);
  const doubled = startYear(centralScenario(base, codes, { wageCost: 2 * wage }), municipalities, capabilities);
  const development = capabilities.filter((c) => c.kind === 'utveckling');
  const developmentOnly =
    development.length > 0 ? startYear(centralScenario(base, codes, {}), municipalities, development) : null;
  return central.members.map((m, i) => {
    const y = central.years[i];
    return {
      code: m.code,
      name: m.name,
      population: m.population,
      employees: m.employees,
      needCost: y.totalCost,
      needFte: (doubled.years[i].totalCost - y.totalCost) / wage,
      developmentNeedCost: developmentOnly ? developmentOnly.years[i].totalCost : 0,
      budget: y.budget,
      developmentCapacity: y.developmentCapacity,
      wage,
    };
  });
}

export const verdict = (x: number, p: Published): Verdict => (x < p.low ? 'below' : x > p.high ? 'above' : 'inside');

function classFigure(measure: Measure, kommuner: KommunFigures[]): ClassFigure {
  const values = Float64Array.from(kommuner, (k) => measure.numerator(k) / measure.denominator(k));
  const stats = describe(values);
  const sum = (f: (k: KommunFigures) => number) => kommuner.reduce((s, k) => s + f(k), 0);
  const { low, high } = measure.published;
  return {
    count: kommuner.length,
    median: stats.p50,
    p10: stats.p10,
    p90: stats.p90,
    pooled: sum(measure.numerator) / sum(measure.denominator),
    inside: values.filter((x) => x >= low && x <= high).length,
    verdict: verdict(stats.p50, measure.published),
  };
}

/** Every measure per size class, from kommun figures (see `statusQuoFigures`). */
export function summariseBySize(kommuner: KommunFigures[]): SizeClassCalibration {
  const byClass = SIZE_CLASSES.map(
    (c) => [c.id, kommuner.filter((k) => k.population >= c.min && k.population < c.max)] as const,
  );
  for (const [id, list] of byClass) if (list.length === 0) throw new RangeError(`no kommun in size class ${id}`);
  return {
    kommuner,
    wage: kommuner[0]?.wage ?? Number.NaN,
    measures: MEASURES.map((measure) => ({
      measure,
      classes: Object.fromEntries(byClass.map(([id, list]) => [id, classFigure(measure, list)])) as Record<
        SizeClassId,
        ClassFigure
      >,
    })),
  };
}

/** Status quo of the given kommuner at central values, per size class, against the published ranges. */
export function calibrateBySize(
  municipalities: Municipality[],
  capabilities: Capability[],
  base: Scenario,
): SizeClassCalibration {
  return summariseBySize(statusQuoFigures(municipalities, capabilities, base));
}

// ---------------------------------------------------------------------------------------------------
// Markdown.

const cell = (m: Measure, f: ClassFigure) =>
  `${m.format(f.median)} (${m.format(f.p10)}–${m.format(f.p90)}), ${
    m.byConstruction ? 'by construction' : `${f.verdict}; ${f.inside} of ${f.count} inside`
  }`;

/** The table: per measure the class medians, P10–P90 and verdict, and the pooled figure of all. */
export function renderSizeClassTable(c: SizeClassCalibration): string {
  const head = [
    'side',
    'measure',
    'published (2026 prices)',
    ...SIZE_CLASSES.map((s) => `${s.id === 'all' ? 'all kommuner' : s.label} (${c.measures[0].classes[s.id].count})`),
    'all, pooled',
  ];
  const rows = c.measures.map(({ measure: m, classes }) => [
    m.side,
    m.label,
    m.published.text,
    ...SIZE_CLASSES.map((s) => cell(m, classes[s.id])),
    m.format(classes.all.pooled),
  ]);
  // padded to the widest cell of each column, as the docs' other generated tables are
  const widths = head.map((_, k) => Math.max(3, ...[head, ...rows].map((row) => [...row[k]].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((x, k) => x.padEnd(widths[k] + x.length - [...x].length)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Where a class median lies outside the published range, and why (budget levels set by construction left out). */
export function renderMisses(c: SizeClassCalibration): string {
  const items: string[] = [];
  for (const { measure: m, classes } of c.measures) {
    if (m.byConstruction) continue;
    for (const direction of ['above', 'below'] as const) {
      const missed = SIZE_CLASSES.filter((s) => classes[s.id].verdict === direction).map(
        (s) => `${s.id === 'all' ? 'all kommuner' : s.label} (median ${m.format(classes[s.id].median)})`,
      );
      if (missed.length === 0) continue;
      items.push(
        `- **${m.label}** (${m.side}), ${direction} ${m.published.text}: ${missed.join(', ')}. Why: ${m.why[direction]}.`,
      );
    }
  }
  return items.length > 0 ? items.join('\n') : '- Every class median lies inside its published range.';
}

/** The docs block: table, notes on method and sources, and the misses. */
export function renderSizeClassFigure(c: SizeClassCalibration): string {
  const sources = c.measures
    .filter(({ measure: m }) => m.side === 'need')
    .map(({ measure: m }) => `- ${m.label}: ${m.published.source}.`);
  const construction = c.measures
    .filter(({ measure: m }) => m.byConstruction)
    .map(({ measure: m }) => `- Budget ${m.label}: by construction, ${m.byConstruction}.`);
  return [
    `Status quo in the start year, every input at its central value (cost per FTE ${kr(c.wage)} kr), ${c.kommuner.length} kommuner. Each cell: median across the class's kommuner (P10–P90), whether the median lies inside, above or below the published range, and how many of the class's kommuner lie inside it. "Pooled" is the class total over its total inhabitants, workstations or budget. _Need_: the need-driven total cost and its FTE; development share of the need is the development capabilities' cost over that total. _Budget_: today's IT budget; development share of the budget is development capacity × cost per FTE over the budget.`,
    '',
    renderSizeClassTable(c),
    '',
    'Published ranges and sources:',
    '',
    ...sources,
    ...construction,
    '',
    'Where the catalogue does not meet a target, and why:',
    '',
    renderMisses(c),
  ].join('\n');
}

/** The docs figure block `size-classes` for the default data: all 290 kommuner, the default scenario's inputs. */
export function sizeClassFigure(): string {
  return renderSizeClassFigure(
    calibrateBySize(
      defaultMunicipalities as unknown as Municipality[],
      defaultCapabilities as unknown as Capability[],
      fyrbodal as unknown as Scenario,
    ),
  );
}
