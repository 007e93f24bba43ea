import { mean, quantileSorted, quickselect, sampleStandardDeviation } from 'simple-statistics';
import { ASSUMPTION_IDS, type AssumptionId } from './assumptions.js';
import type { DecisionAnalysis } from './decision.js';
import type { PreparedModel } from './model.js';
import { CAPABILITY_GROUPS, PATH_IDS, type PathId } from './schema.js';
import { type Driver, rankDrivers, ranks } from './sensitivity.js';
import {
  BLOCK_RUNS,
  type ChunkResult,
  MEMBER_RUN_METRICS,
  MEMBER_YEAR_METRICS,
  type MemberRunMetric,
  type MemberYearMetric,
  TOTAL_METRICS,
  type TotalMetric,
} from './simulate.js';
import type { ThresholdAnalysis } from './thresholds.js';

/** The results file's format name and version (see docs/results-format.md). */
export const RESULTS_FORMAT = 'digitala-motorn/results';
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
}

/**
 * Collects chunks (in any order, from any number of threads) and summarises the runs received so far.
 * Per-run arrays are placed by run index and block sums are added in block order, so the summary is
 * bit-identical whatever the split into chunks.
 */
export class Accumulator {
  runs: number;
  private readonly model: PreparedModel;
  private readonly T: number;
  private readonly M: number;
  private totals: Float64Array;
  private memberRuns: Float64Array;
  private draws: Float64Array;
  private blockSums: (Float64Array | undefined)[];
  private groupSums: (Float64Array | undefined)[];
  private blockRuns: Int32Array;
  private done = 0;

  constructor(model: PreparedModel, runs = model.scenario.runs) {
    this.model = model;
    this.runs = runs;
    this.T = model.years.length;
    this.M = model.members.length;
    const P = PATH_IDS.length;
    this.totals = new Float64Array(TOTAL_METRICS.length * P * this.T * runs);
    this.memberRuns = new Float64Array(MEMBER_RUN_METRICS.length * P * this.M * runs);
    this.draws = new Float64Array(ASSUMPTION_IDS.length * runs);
    const blocks = Math.ceil(runs / BLOCK_RUNS);
    this.blockSums = new Array(blocks);
    this.groupSums = new Array(blocks);
    this.blockRuns = new Int32Array(blocks);
  }

  /**
   * Make room for more runs (e.g. "run more": runs n … 2n − 1 continue the same sequence). The runs
   * already received are kept, so the result equals a single run of the larger count.
   */
  grow(runs: number): void {
    if (runs < this.runs) throw new RangeError('cannot shrink');
    if (this.runs % BLOCK_RUNS !== 0) throw new RangeError(`can only grow from a multiple of ${BLOCK_RUNS} runs`);
    const widen = (source: Float64Array) => {
      const rows = source.length / this.runs;
      const target = new Float64Array(rows * runs);
      for (let row = 0; row < rows; row++)
        target.set(source.subarray(row * this.runs, (row + 1) * this.runs), row * runs);
      return target;
    };
    this.totals = widen(this.totals);
    this.memberRuns = widen(this.memberRuns);
    this.draws = widen(this.draws);
    const blocks = Math.ceil(runs / BLOCK_RUNS);
    const blockRuns = new Int32Array(blocks);
    blockRuns.set(this.blockRuns);
    this.blockRuns = blockRuns;
    this.blockSums.length = blocks;
    this.groupSums.length = blocks;
    this.runs = runs;
  }

  /** Years in the horizon. */
  get years(): number {
    return this.T;
  }

  /** The scenario's discount rate. */
  get discountRate(): number {
    return this.model.scenario.discountRate;
  }

  /** Whether a path is simulated in this scenario (status quo always is). */
  enabled(path: PathId): boolean {
    return this.model.enabled[PATH_IDS.indexOf(path)];
  }

  /** Runs received so far. */
  get runsDone(): number {
    return this.done;
  }

  /** Whether the runs received are exactly runs 0 … done − 1. */
  private contiguous(): boolean {
    let k = 0;
    for (let b = 0; b < this.blockRuns.length && this.blockRuns[b] > 0; b++) {
      k += this.blockRuns[b];
      if (this.blockRuns[b] < BLOCK_RUNS) break;
    }
    return k === this.done;
  }

  /** Add one chunk. Chunks must not overlap and must lie within [0, runs). */
  add(chunk: ChunkResult): void {
    const { runStart, runCount } = chunk;
    if (runStart < 0 || runStart + runCount > this.runs) throw new RangeError('chunk outside the run range');
    const scatter = (target: Float64Array, source: Float64Array, rows: number) => {
      for (let row = 0; row < rows; row++) {
        target.set(source.subarray(row * runCount, (row + 1) * runCount), row * this.runs + runStart);
      }
    };
    scatter(this.totals, chunk.totals, chunk.totals.length / runCount);
    scatter(this.memberRuns, chunk.memberRuns, chunk.memberRuns.length / runCount);
    scatter(this.draws, chunk.draws, ASSUMPTION_IDS.length);
    const firstBlock = runStart / BLOCK_RUNS;
    const blocks = Math.ceil(runCount / BLOCK_RUNS);
    const bs = chunk.blockSums.length / blocks;
    const gs = chunk.groupSums.length / blocks;
    for (let b = 0; b < blocks; b++) {
      this.blockSums[firstBlock + b] = chunk.blockSums.slice(b * bs, (b + 1) * bs);
      this.groupSums[firstBlock + b] = chunk.groupSums.slice(b * gs, (b + 1) * gs);
      this.blockRuns[firstBlock + b] = Math.min(BLOCK_RUNS, runCount - b * BLOCK_RUNS);
    }
    this.done += runCount;
  }

  /** The per-run values of one total metric for a path and year, over the runs received (in run order). */
  totalSamples(metric: TotalMetric, path: PathId, yearIndex: number): Float64Array {
    const row = (TOTAL_METRICS.indexOf(metric) * PATH_IDS.length + PATH_IDS.indexOf(path)) * this.T + yearIndex;
    return this.received(this.totals, row);
  }

  /** The per-run values of one member metric for a path and member. */
  memberSamples(metric: MemberRunMetric, path: PathId, memberIndex: number): Float64Array {
    const row = (MEMBER_RUN_METRICS.indexOf(metric) * PATH_IDS.length + PATH_IDS.indexOf(path)) * this.M + memberIndex;
    return this.received(this.memberRuns, row);
  }

  /** The per-run draws of one uncertain input. */
  drawSamples(id: AssumptionId): Float64Array {
    return this.received(this.draws, ASSUMPTION_IDS.indexOf(id));
  }

  /**
   * One row's values of the runs received. When they are runs 0 … done − 1 (always so once a run is
   * complete) this is a view into the row, not a copy: callers must not write to it.
   */
  private received(source: Float64Array, row: number): Float64Array {
    if (this.contiguous()) return source.subarray(row * this.runs, row * this.runs + this.done);
    const out = new Float64Array(this.done);
    let k = 0;
    for (let b = 0; b < this.blockRuns.length; b++) {
      const n = this.blockRuns[b];
      if (n === 0) continue;
      const start = row * this.runs + b * BLOCK_RUNS;
      out.set(source.subarray(start, start + n), k);
      k += n;
    }
    return out;
  }

  /**
   * One row per run received, for audit: the run index, every uncertain input's value, and per path the
   * total cost in the first and last year, the horizon cost and the NPV difference against status quo (SEK).
   */
  runTable(): { columns: string[]; rows: number[][] } {
    const { T } = this;
    const runs = this.received(
      Float64Array.from({ length: this.runs }, (_, i) => i),
      0,
    );
    const columns = ['run', ...ASSUMPTION_IDS];
    const series: Float64Array[] = ASSUMPTION_IDS.map((id) => this.drawSamples(id));
    const rate = this.model.scenario.discountRate;
    const sq = Array.from({ length: T }, (_, t) => this.totalSamples('totalCost', 'status-quo', t));
    PATH_IDS.forEach((path, p) => {
      if (!this.model.enabled[p]) return;
      const cost = Array.from({ length: T }, (_, t) => this.totalSamples('totalCost', path, t));
      const horizon = new Float64Array(this.done);
      const npv = new Float64Array(this.done);
      for (let t = 0; t < T; t++) {
        for (let r = 0; r < this.done; r++) {
          horizon[r] += cost[t][r];
          npv[r] += (cost[t][r] - sq[t][r]) / (1 + rate) ** t;
        }
      }
      columns.push(
        `${path}_totalCost_${this.model.years[0]}`,
        `${path}_totalCost_${this.model.years[T - 1]}`,
        `${path}_horizonCost`,
      );
      series.push(cost[0], cost[T - 1], horizon);
      if (path !== 'status-quo') {
        columns.push(`${path}_npvVsStatusQuo`);
        series.push(npv);
      }
    });
    const rows = Array.from(runs, (run, r) => [run, ...series.map((s) => s[r])]);
    return { columns, rows };
  }

  /** Summarise the runs received so far. */
  summarize(): Results {
    const { model, T, M } = this;
    if (this.done === 0) throw new Error('no runs to summarise');
    const P = PATH_IDS.length;
    const G = CAPABILITY_GROUPS.length;
    const MY = MEMBER_YEAR_METRICS.length;
    // per-member means: block sums added in block order
    const memberYear = new Float64Array(MY * P * M * T);
    const groups = new Float64Array(2 * P * M * G);
    for (let b = 0; b < this.blockRuns.length; b++) {
      const sums = this.blockSums[b];
      const groupSums = this.groupSums[b];
      if (!sums || !groupSums) continue;
      for (let k = 0; k < memberYear.length; k++) memberYear[k] += sums[k];
      for (let k = 0; k < groups.length; k++) groups[k] += groupSums[k];
    }
    const n = this.done;
    const sq = (metric: TotalMetric, t: number) => this.totalSamples(metric, 'status-quo', t);
    const rate = model.scenario.discountRate;

    // ranks of every input that varied, computed once for all paths' sensitivity
    const inputRanks = new Map<AssumptionId, Float64Array>();
    for (const id of ASSUMPTION_IDS) {
      const draws = this.drawSamples(id);
      if (draws.length > 2 && draws.some((x) => x !== draws[0])) inputRanks.set(id, ranks(draws));
    }

    const paths = {} as Record<PathId, PathResult>;
    PATH_IDS.forEach((path, p) => {
      const isSq = path === 'status-quo';
      const cumulative = new Float64Array(n);
      const sqCumulative = new Float64Array(n);
      const npv = new Float64Array(n);
      const sqNpv = new Float64Array(n);
      const horizon = new Float64Array(n);
      const cumulativeByYear: Float64Array[] = [];
      const sqCumulativeByYear: Float64Array[] = [];
      const years: YearResult[] = model.years.map((year, t) => {
        const cost = this.totalSamples('totalCost', path, t);
        const base = sq('totalCost', t);
        const pop = this.totalSamples('population', path, t);
        const diff = cost.map((x, r) => x - base[r]);
        let cheaper = 0;
        for (let r = 0; r < n; r++) {
          cumulative[r] += diff[r];
          sqCumulative[r] += base[r];
          npv[r] += diff[r] / (1 + rate) ** t;
          sqNpv[r] += base[r] / (1 + rate) ** t;
          horizon[r] += cost[r];
          if (isCheaper(diff[r], base[r])) cheaper++;
        }
        cumulativeByYear.push(cumulative.slice());
        sqCumulativeByYear.push(sqCumulative.slice());
        const get = (metric: TotalMetric) => describe(this.totalSamples(metric, path, t));
        return {
          year,
          totalCost: describe(cost),
          costPerInhabitant: describe(cost.map((x, r) => x / pop[r])),
          developmentCapacity: get('developmentCapacity'),
          capacityGap: get('capacityGap'),
          developmentDemand: get('developmentDemand'),
          coverage: get('coverage'),
          robustCoverage: get('robustCoverage'),
          driftShare: get('driftShare'),
          transitionCost: get('transitionCost'),
          budget: get('budget'),
          diffVsStatusQuo: describe(diff),
          cumulativeDiffVsStatusQuo: describe(cumulative),
          probCheaper: isSq ? null : cheaper / n,
        };
      });
      const lastGap = this.totalSamples('capacityGap', path, T - 1);
      const sqGap = sq('capacityGap', T - 1);
      let closes = 0;
      let smaller = 0;
      let npvNegative = 0;
      for (let r = 0; r < n; r++) {
        if (lastGap[r] <= 1e-9) closes++;
        if (lastGap[r] < sqGap[r] - 1e-9) smaller++;
        if (isCheaper(npv[r], sqNpv[r])) npvNegative++;
      }
      paths[path] = {
        enabled: model.enabled[p],
        years,
        horizonCost: describe(horizon),
        npvVsStatusQuo: describe(npv),
        probCheaper: isSq ? null : npvNegative / n,
        breakEven: isSq ? null : breakEven(cumulativeByYear, sqCumulativeByYear, model.years),
        probClosesGap: closes / n,
        probSmallerGapThanStatusQuo: isSq ? null : smaller / n,
        sensitivity: {
          npvVsStatusQuo: isSq || !model.enabled[p] ? [] : rankDrivers(inputRanks, npv),
          capacityGap: model.enabled[p] ? rankDrivers(inputRanks, lastGap) : [],
        },
        municipalities: model.members.map((member, i) => {
          const stat = (metric: MemberRunMetric) => describe(this.memberSamples(metric, path, i));
          return {
            code: member.code,
            name: member.name,
            horizonCost: stat('horizonCost'),
            npvVsStatusQuo: stat('npvVsStatusQuo'),
            finalDevelopmentCapacity: stat('finalDevelopmentCapacity'),
            finalCapacityGap: stat('finalCapacityGap'),
            years: model.years.map((year, t) => {
              const row = { year } as { year: number } & Record<MemberYearMetric, number>;
              MEMBER_YEAR_METRICS.forEach((metric, k) => {
                row[metric] = memberYear[((k * P + p) * M + i) * T + t] / n;
              });
              return row;
            }),
            groupCoverage: CAPABILITY_GROUPS.map((group, g) => ({
              group,
              held: groups[((0 * P + p) * M + i) * G + g] / n,
              robust: groups[((1 * P + p) * M + i) * G + g] / n,
            })),
          };
        }),
      };
    });

    const inputs = {} as Record<AssumptionId, Stats>;
    for (const id of ASSUMPTION_IDS) inputs[id] = describe(this.drawSamples(id));
    const s = model.scenario;
    return {
      format: RESULTS_FORMAT,
      formatVersion: RESULTS_FORMAT_VERSION,
      scenario: {
        id: s.id,
        name: s.name,
        seed: s.seed,
        runs: this.runs,
        startYear: s.startYear,
        horizonYears: s.horizonYears,
        discountRate: s.discountRate,
        members: model.members.map((m) => ({ code: m.code, name: m.name })),
      },
      runsDone: n,
      years: model.years,
      paths,
      inputs,
    };
  }
}

const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/**
 * Rearrange `a` so that a[k] is the k-th smallest value for each k of the ascending `positions[lo…hi]`,
 * all within [left, right]: the middle position by simple-statistics' `quickselect` (Floyd–Rivest),
 * then the positions below it within the part before it and those above within the part after it.
 */
function placeOrderStatistics(
  a: Float64Array,
  positions: number[],
  lo: number,
  hi: number,
  left: number,
  right: number,
): void {
  // a single element is in place (and quickselect would read a right bound of 0 as "the whole array")
  if (lo > hi || left >= right) return;
  const mid = (lo + hi) >> 1;
  const k = positions[mid];
  quickselect(a as unknown as number[], k, left, right);
  let below = mid - 1;
  while (below >= lo && positions[below] === k) below--;
  let above = mid + 1;
  while (above <= hi && positions[above] === k) above++;
  placeOrderStatistics(a, positions, lo, below, left, k - 1);
  placeOrderStatistics(a, positions, above, hi, k + 1, right);
}

/** Reused for sorting: a summary describes ~1 000 samples, and allocating each copy is slow in browsers. */
let scratch = new Float64Array(0);

/**
 * Mean, standard deviation, standard error of the mean and percentiles of a sample.
 * Percentiles: simple-statistics' `quantileSorted` (linear interpolation between order statistics)
 * reading a copy in which only the order statistics it reads are in place (see `placeOrderStatistics`).
 * O(n log 14), and no allocation (a reused buffer), which matters in browsers.
 */
export function describe(values: Float64Array): Stats {
  const n = values.length;
  const list = values as unknown as number[];
  const sd = n > 1 ? sampleStandardDeviation(list) : 0;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const sorted = scratch.subarray(0, n);
  sorted.set(values);
  const positions: number[] = [];
  for (const p of PERCENTILES) positions.push(Math.floor((n - 1) * p), Math.ceil((n - 1) * p));
  placeOrderStatistics(sorted, positions, 0, positions.length - 1, 0, n - 1);
  const [p5, p10, p25, p50, p75, p90, p95] = PERCENTILES.map((p) => quantileSorted(sorted as unknown as number[], p));
  return { mean: mean(list), sd, se: sd / Math.sqrt(n), p5, p10, p25, p50, p75, p90, p95 };
}

/**
 * "Cheaper" means cheaper by more than rounding: a difference against status quo below
 * −CHEAPER_TOLERANCE × status quo's cost over the same span (docs/model.md §9). A path equal to status
 * quo is never cheaper, whatever order its sums were taken in.
 */
export const CHEAPER_TOLERANCE = 1e-9;

/** Whether a difference against status quo means cheaper, given status quo's cost over the same span. */
export function isCheaper(difference: number, statusQuoCost: number): boolean {
  return difference < -CHEAPER_TOLERANCE * Math.abs(statusQuoCost);
}

/**
 * Break-even year of each run: the first year from which the cumulative difference against status quo
 * stays cheaper (isCheaper) to the end of the horizon. Runs without one count as "after the horizon".
 */
function breakEven(cumulativeByYear: Float64Array[], sqCumulativeByYear: Float64Array[], years: number[]): BreakEven {
  const T = years.length;
  const n = cumulativeByYear[0].length;
  const byYear = new Array<number>(T).fill(0);
  const found: number[] = [];
  for (let r = 0; r < n; r++) {
    let first = -1;
    for (let t = T - 1; t >= 0; t--) {
      if (isCheaper(cumulativeByYear[t][r], sqCumulativeByYear[t][r])) first = t;
      else break;
    }
    if (first >= 0) {
      byYear[first] += 1 / n;
      found.push(years[first]);
    }
  }
  // runs without break-even sort after every year of the horizon
  const all = Float64Array.from({ length: n }, (_, k) =>
    k < found.length ? found[k] : Number.POSITIVE_INFINITY,
  ).sort();
  const pick = (q: number) => {
    const v = all[Math.min(n - 1, Math.floor(q * n))];
    return Number.isFinite(v) ? v : null;
  };
  return { probWithinHorizon: found.length / n, median: pick(0.5), p10: pick(0.1), p90: pick(0.9), byYear };
}
