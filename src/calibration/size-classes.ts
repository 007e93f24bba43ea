/**
 * Calibration of status quo by size class (issue #19): status quo for the given kommuner with every
 * uncertain input at its central value, in the start year, compared with published Swedish figures for
 * kommuner under 10 000, 10 000–50 000 and from 50 000 inhabitants (and all together). Produces the table
 * in docs/model.md, "Calibration", and the list of targets the catalogue cannot meet.
 *
 * Pure: no file system, no DOM (the docs block for the default data is size-classes-table.ts).
 * Two kinds of figure are reported and must not be confused:
 * - the **need side**: what the catalogue says a kommun needs (the need-driven total cost, §4 of
 *   docs/model.md), its FTE and the development capabilities' share of it;
 * - the **budget side**: today's IT budget, which is 1 900 kr per inhabitant for every kommun without a
 *   figure of its own (all 290 today), so its level is set by construction, and the development capacity
 *   that budget leaves after operations and governance (§6).
 */

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
import { type KommunFigures, MEASURES, type Measure, type Published, type Verdict } from './published.js';

export * from './published.js';

export const SIZE_CLASSES = [
  { id: 'small', label: '< 10 000', min: 0, max: 10_000 },
  { id: 'medium', label: '10 000–50 000', min: 10_000, max: 50_000 },
  { id: 'large', label: '≥ 50 000', min: 50_000, max: Number.POSITIVE_INFINITY },
  { id: 'all', label: 'all', min: 0, max: Number.POSITIVE_INFINITY },
] as const;
export type SizeClassId = (typeof SIZE_CLASSES)[number]['id'];

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
