/**
 * The Accumulator: collects the chunks of a run (in any order, from any number of threads), hands out
 * the per-run samples of each output, and summarises the runs received so far into Results.
 * The statistics it uses live in statistics.ts, the discounting in npv.ts, the audit table in audit.ts.
 */

import { ASSUMPTION_IDS, type AssumptionId } from './assumptions.js';
import { runTable } from './audit.js';
import { memberResults } from './member-results.js';
import type { PreparedModel } from './model.js';
import { npvVsStatusQuo, presentValue } from './npv.js';
import {
  type PathResult,
  RESULTS_FORMAT,
  RESULTS_FORMAT_VERSION,
  type Results,
  type Stats,
  type YearResult,
} from './results.js';
import { CAPABILITY_GROUPS, PATH_IDS, type PathId } from './schema.js';
import { rankDrivers, ranks } from './sensitivity.js';
import {
  BLOCK_RUNS,
  type ChunkResult,
  MEMBER_RUN_METRICS,
  MEMBER_YEAR_METRICS,
  type MemberRunMetric,
  RQMC_REPLICATES,
  TOTAL_METRICS,
  type TotalMetric,
} from './simulate.js';
import { MIN_STABLE_RUNS, STABILITY_STEP, stabilityOf } from './stability.js';
import { breakEven, describe, isCheaper } from './statistics.js';

/**
 * The member metrics a run keeps, per run: all but `sharedPayment` (the last), which only the coalition
 * game reads from its own chunks; keeping it here would cost a fifth more memory for nothing.
 */
const KEPT_MEMBER_METRICS = MEMBER_RUN_METRICS.indexOf('sharedPayment');

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
  /**
   * The first checkpoint at which the runs from run 0 give a stable answer (stability.ts), or null while
   * none has; and the next checkpoint to check. Checked as the runs from 0 arrive, so that it costs one
   * check per checkpoint however often the runs are summarised.
   */
  private stable: number | null = null;
  private checkpoint = MIN_STABLE_RUNS;

  /**
   * Interleaved replicates the runs form (sampling 'rqmc': RQMC_REPLICATES), whose spread is the error of
   * the answer (stability.ts); 1 for independent runs.
   */
  readonly replicates: number;

  constructor(model: PreparedModel, runs = model.scenario.runs) {
    this.model = model;
    this.replicates = model.scenario.sampling === 'rqmc' ? RQMC_REPLICATES : 1;
    this.runs = runs;
    this.T = model.years.length;
    this.M = model.members.length;
    const P = PATH_IDS.length;
    this.totals = new Float64Array(TOTAL_METRICS.length * P * this.T * runs);
    this.memberRuns = new Float64Array(KEPT_MEMBER_METRICS * P * this.M * runs);
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
    this.restride(runs, this.runs);
    const blocks = Math.ceil(runs / BLOCK_RUNS);
    const blockRuns = new Int32Array(blocks);
    blockRuns.set(this.blockRuns);
    this.blockRuns = blockRuns;
    this.blockSums.length = blocks;
    this.groupSums.length = blocks;
    this.runs = runs;
  }

  /** Lay every per-run row out with room for `runs` runs, keeping each row's first `keep` values. */
  private restride(runs: number, keep: number): void {
    const move = (source: Float64Array) => {
      const rows = source.length / this.runs;
      const target = new Float64Array(rows * runs);
      for (let row = 0; row < rows; row++)
        target.set(source.subarray(row * this.runs, row * this.runs + keep), row * runs);
      return target;
    };
    this.totals = move(this.totals);
    this.memberRuns = move(this.memberRuns);
    this.draws = move(this.draws);
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
    return this.contiguousRuns() === this.done;
  }

  /** How many runs from run 0 on have all been received (runs 0 … k − 1). */
  contiguousRuns(): number {
    let k = 0;
    for (let b = 0; b < this.blockRuns.length && this.blockRuns[b] > 0; b++) {
      k += this.blockRuns[b];
      if (this.blockRuns[b] < BLOCK_RUNS) break;
    }
    return k;
  }

  /**
   * The first n runs as the view that npv.ts and stability.ts read (no copy). They must all have been
   * received (n ≤ contiguousRuns()).
   */
  prefix(
    n: number,
  ): Pick<Accumulator, 'years' | 'discountRate' | 'runsDone' | 'totalSamples' | 'enabled' | 'replicates'> {
    if (n > this.contiguousRuns()) throw new RangeError(`runs 0 … ${n - 1} have not all been received`);
    const stride = this.runs;
    return {
      replicates: this.replicates,
      years: this.T,
      discountRate: this.discountRate,
      runsDone: n,
      enabled: (path) => this.enabled(path),
      totalSamples: (metric, path, t) => {
        const row = (TOTAL_METRICS.indexOf(metric) * PATH_IDS.length + PATH_IDS.indexOf(path)) * this.T + t;
        return this.totals.subarray(row * stride, row * stride + n);
      },
    };
  }

  /**
   * Keep only the first n runs (a multiple of BLOCK_RUNS, all received): a run that stopped at a stable
   * answer is then exactly a run of n, and "run more" grows it from there.
   */
  truncate(n: number): void {
    if (n % BLOCK_RUNS !== 0) throw new RangeError(`can only keep a multiple of ${BLOCK_RUNS} runs`);
    if (n > this.contiguousRuns()) throw new RangeError(`runs 0 … ${n - 1} have not all been received`);
    this.restride(n, n);
    const blocks = n / BLOCK_RUNS;
    this.blockSums.length = blocks;
    this.groupSums.length = blocks;
    this.blockRuns = this.blockRuns.slice(0, blocks);
    this.runs = n;
    this.done = n;
    if (this.stable !== null && this.stable > n) this.stable = null;
    this.checkpoint = Math.min(this.checkpoint, Math.max(MIN_STABLE_RUNS, n + STABILITY_STEP));
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
    // the first KEPT_MEMBER_METRICS metrics (the chunk's rows are metric-major)
    scatter(this.memberRuns, chunk.memberRuns, KEPT_MEMBER_METRICS * PATH_IDS.length * this.M);
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
    if (MEMBER_RUN_METRICS.indexOf(metric) >= KEPT_MEMBER_METRICS) throw new RangeError(`${metric} is not kept`);
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

  /** The run indices received, in run order (a view when they are runs 0 … done − 1: do not write to it). */
  runIndices(): Float64Array {
    return this.received(
      Float64Array.from({ length: this.runs }, (_, i) => i),
      0,
    );
  }

  /** The calendar years of the horizon. */
  get calendarYears(): number[] {
    return this.model.years;
  }

  /** One row per run received, for audit (audit.ts). */
  runTable(): { columns: string[]; rows: number[][] } {
    return runTable(this);
  }

  /**
   * Where the runs first give a stable answer: every checkpoint (a multiple of STABILITY_STEP from
   * MIN_STABLE_RUNS) the runs received from run 0 have reached is checked in order, until one is stable.
   * Depends only on the runs, not on the order they arrived in. Null while none is.
   */
  stableAt(): number | null {
    const received = this.contiguousRuns();
    while (this.stable === null && this.checkpoint <= received) {
      if (stabilityOf(this.prefix(this.checkpoint)).stable) this.stable = this.checkpoint;
      else this.checkpoint += STABILITY_STEP;
    }
    return this.stable;
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
    // status quo's own NPV, the scale against which "cheaper" is judged
    const sqNpv = presentValue(this, 'totalCost', 'status-quo');

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
      const npv = npvVsStatusQuo(this, path);
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
        municipalities: memberResults(model, p, n, memberYear, groups, (metric, i) =>
          describe(this.memberSamples(metric, path, i)),
        ),
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
        // only when quasi-random, so that every plain result stays byte-identical
        ...(s.sampling === 'rqmc' ? { sampling: 'rqmc' as const } : {}),
      },
      runsDone: n,
      years: model.years,
      paths,
      inputs,
      // where the answer became stable, once every run is in
      stability: { ...stabilityOf(this), ...(n === this.runs ? { stableAt: this.stableAt() } : {}) },
    };
  }
}
