/**
 * The shape of a results file (docs/results-format.md): what a run of a scenario reports per path, year,
 * member and uncertain input. Types only, plus the format's name and version; the numbers are filled in
 * by `Accumulator.summarize` (accumulator.ts).
 */

import type { AssumptionId } from './assumptions.js';
import type { DecisionAnalysis } from './decision.js';
import type { PathId } from './schema.js';
import type { Driver } from './sensitivity.js';
import type { MemberYearMetric } from './simulate.js';
import type { Stability } from './stability.js';
import type { ThresholdAnalysis } from './thresholds.js';

/** The results file's format name and version (see docs/results-format.md). */
export const RESULTS_FORMAT = 'digitala-motorn/results';
/** Raised when a field changes meaning or is removed (docs/results-format.md, "Changes"). */
export const RESULTS_FORMAT_VERSION = 3;

/** Summary statistics of one output over the Monte Carlo runs. `se` is the standard error of the mean. */
export interface Stats {
  mean: number;
  sd: number;
  se: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** One path in one year of the horizon, over the runs. Costs in SEK at the start year's prices. */
export interface YearResult {
  year: number;
  totalCost: Stats;
  costPerInhabitant: Stats;
  developmentCapacity: Stats;
  capacityGap: Stats;
  developmentDemand: Stats;
  coverage: Stats;
  robustCoverage: Stats;
  driftShare: Stats;
  transitionCost: Stats;
  budget: Stats;
  /** Path cost minus status quo cost in this year (negative: the path is cheaper). */
  diffVsStatusQuo: Stats;
  /** Cumulative difference from the start year to this one. */
  cumulativeDiffVsStatusQuo: Stats;
  /** Share of runs in which the path costs less than status quo this year (null for status quo). */
  probCheaper: number | null;
}

/** One member municipality's share of a path, over the runs. */
export interface MemberResult {
  code: string;
  name: string;
  horizonCost: Stats;
  npvVsStatusQuo: Stats;
  finalDevelopmentCapacity: Stats;
  finalCapacityGap: Stats;
  /** Means per year. */
  years: ({ year: number } & Record<MemberYearMetric, number>)[];
  /** Final year: mean share of each key capability's capabilities held, and held robustly. */
  groupCoverage: { group: string; held: number; robust: number }[];
}

/** When a path's cumulative cost falls below status quo's for good (statistics.ts `breakEven`). */
export interface BreakEven {
  /** Share of runs in which cumulative cost falls to or below status quo's and stays there. */
  probWithinHorizon: number;
  /** Median break-even year among all runs, counting runs without one as later than the horizon. */
  median: number | null;
  p10: number | null;
  p90: number | null;
  /** Share of runs breaking even in each year of the horizon. */
  byYear: number[];
}

/** One path (status quo or an alternative) over the whole horizon. */
export interface PathResult {
  enabled: boolean;
  years: YearResult[];
  horizonCost: Stats;
  /** Net present value of (path cost − status quo cost) over the horizon; negative means cheaper. */
  npvVsStatusQuo: Stats;
  /** Share of runs with a negative NPV difference (null for status quo). */
  probCheaper: number | null;
  breakEven: BreakEven | null;
  /** Share of runs in which no development demand is left unmet in the final year. */
  probClosesGap: number;
  /** Share of runs with less unmet development demand than status quo in the final year. */
  probSmallerGapThanStatusQuo: number | null;
  /** The uncertain inputs ranked by how much of the spread they explain (rank correlation), per output. */
  sensitivity: { npvVsStatusQuo: Driver[]; capacityGap: Driver[] };
  municipalities: MemberResult[];
}

/** A results file: the scenario as run, and per path, year, member and input the summaries of the runs received. */
export interface Results {
  format: typeof RESULTS_FORMAT;
  formatVersion: typeof RESULTS_FORMAT_VERSION;
  scenario: {
    id: string;
    name: { sv: string; en: string };
    seed: number;
    runs: number;
    startYear: number;
    horizonYears: number;
    discountRate: number;
    members: { code: string; name: string }[];
    /** Present when the inputs were quasi-random (docs/model.md §15); absent: independent runs. */
    sampling?: 'rqmc';
  };
  runsDone: number;
  years: number[];
  paths: Record<PathId, PathResult>;
  /** What each uncertain input took over the runs. */
  inputs: Record<AssumptionId, Stats>;
  /**
   * Cost against capacity, acceptability and value of information (decision.ts). Computed once the run is
   * complete, so absent from partial results.
   */
  decision?: DecisionAnalysis;
  /** What would have to be true: each path's thresholds (thresholds.ts). Absent until computed. */
  thresholds?: ThresholdAnalysis;
  /**
   * Whether the runs summarised give a stable answer (stability.ts): each path's P10/P50/P90 net effect and
   * probability of being cheaper within their tolerances at 95 % confidence. Absent in files before it.
   */
  stability?: Stability;
}
