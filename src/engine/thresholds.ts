import { median, sampleStandardDeviation } from 'simple-statistics';
import { ASSUMPTION_IDS, type Assumption, type AssumptionId } from './assumptions.js';
import { quantileFunction, statedRange } from './distributions/index.js';
import type { PreparedModel } from './model.js';
import { discountedDifference, presentValue } from './npv.js';
import { mulberry32 } from './rng.js';
import { PATH_IDS, type PathId } from './schema.js';
import { BLOCK_RUNS, Simulator } from './simulate.js';
import { drain } from './steps.js';
import { Accumulator, isCheaper, type Results } from './summarize.js';

/**
 * "What would have to be true" (docs/model.md §13): for a path and one of its decisive inputs, the value
 * of the input at which the path's median net effect against status quo crosses zero, all other inputs
 * drawn as in the ordinary run. Computed by re-running the scenario's first runs with the input pinned
 * (common random numbers: every other input takes exactly the same values run by run), on a grid over
 * the input's plausible range, interpolating each run between grid points, and checking the result
 * with a pinned re-run at the threshold on other runs. The check's median is the stated error.
 */

export interface ThresholdPoint {
  value: number;
  /** Median NPV of the path against status quo with the input pinned here (SEK). */
  medianNpv: number;
  /** Share of the re-runs in which the path is cheaper. */
  probCheaper: number;
}

export interface Threshold {
  path: PathId;
  input: AssumptionId;
  /** Input value at which the median net effect is zero; null when it does not cross within `range`. */
  value: number | null;
  /**
   * 'above': the path is cheaper in the median when the input lies above `value`; 'below': when below;
   * 'always' / 'never': cheaper (or not) in the median over the whole of `range`.
   */
  cheaperWhen: 'above' | 'below' | 'always' | 'never';
  /** The range searched: the input's stated range widened threefold on each side, within its bounds. */
  range: [number, number];
  /** The input's own range in the scenario (low–high, or P5–P95 for unbounded distributions). */
  priorRange: [number, number];
  /** The source the scenario gives for that range. */
  source: string;
  /**
   * Share of the input's distribution where the path is cheaper in the median: beyond `value` on the
   * `cheaperWhen` side, or, when the median crosses zero more than once, wherever it is below zero.
   */
  priorShareCheaper: number;
  /** Times the median changes sign over the grid; `value` is the first crossing. */
  crossings: number;
  /**
   * The median net effect (SEK) of a pinned re-run at `value` on as many other runs (the next ones of
   * the sequence): the threshold's error, sampling error of the search included.
   */
  check: number | null;
  /**
   * Standard error of `value` in the input's own unit: the spread of the threshold over 200 bootstrap
   * resamples of the re-runs (the search's sampling error). Null without a threshold.
   */
  se: number | null;
  curve: ThresholdPoint[];
}

export interface ThresholdAnalysis {
  /** Runs per pinned re-run (the scenario's runs 0 … runs − 1). */
  runs: number;
  /** Median of status quo's present-value cost over the horizon in these runs: the scale of `check`. */
  statusQuoNpv: number;
  thresholds: Threshold[];
  /** Two-way views for the paths with two decisive inputs (half the runs per grid point). */
  twoWay: TwoWay[];
}

/** Grid points per input. */
const GRID = 7;

/** Share of a distribution above x, from 2 000 evenly spaced quantiles (error ≤ 0.05 %). */
function shareAbove(a: Assumption, x: number): number {
  if (a.dist === 'fixed') return a.value > x ? 1 : 0;
  const q = quantileFunction(a);
  const n = 2000;
  let above = 0;
  for (let i = 0; i < n; i++) if (q((i + 0.5) / n) > x) above++;
  return above / n;
}

/** Bootstrap resamples for a threshold's standard error. */
const BOOTSTRAP = 200;
/** Resamples per step of the search (about as long as a step of re-runs). */
const BOOTSTRAP_STEP = 10;

/**
 * The input value between grid points xs[j] and xs[j + 1] at which the median over runs (or over the
 * resample `pick` of run indices) of each run's net effect, interpolated linearly between the two grid
 * points, is zero; by bisection.
 */
function crossing(
  xs: number[],
  series: Float64Array[],
  j: number,
  loNegative: boolean,
  pick: Int32Array | null,
): number {
  const [x0, x1] = [xs[j], xs[j + 1]];
  const [s0, s1] = [series[j], series[j + 1]];
  const n = pick ? pick.length : s0.length;
  const scratch = new Float64Array(n);
  const medianAt = (x: number) => {
    const w = (x - x0) / (x1 - x0);
    for (let k = 0; k < n; k++) {
      const r = pick ? pick[k] : k;
      scratch[k] = s0[r] + w * (s1[r] - s0[r]);
    }
    return median(scratch as unknown as number[]);
  };
  let [lo, hi] = [x0, x1];
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (medianAt(mid) < 0 === loNegative) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Share of a distribution where a curve, linear between (xs, ys) and flat beyond, is below zero. */
export function shareWhere(a: Assumption, xs: number[], ys: number[]): number {
  const q = quantileFunction(a);
  const n = 2000;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const x = a.dist === 'fixed' ? a.value : q((i + 0.5) / n);
    let j = 0;
    while (j + 2 < xs.length && x > xs[j + 1]) j++;
    const w = Math.min(1, Math.max(0, (x - xs[j]) / (xs[j + 1] - xs[j])));
    if (ys[j] + w * (ys[j + 1] - ys[j]) < 0) below++;
  }
  return below / n;
}

interface Evaluation {
  npv: Map<PathId, Float64Array>;
  sqNpv: Float64Array;
}

/** A step of the threshold search (steps.ts): undefined after each slice of re-runs, the progress after each evaluation. */
export type SearchStep = { done: number; total: number } | undefined;

/**
 * Re-runs per step of the threshold search: a worker that is stopped (a new run has started) stops at the
 * end of a step, so a step is kept to about 15 ms in the app (≈ 0.75 ms per run of the default; a step of
 * a whole block of 100 re-runs kept a core from the new run for up to 100 ms; docs/performance.md).
 */
export const SEARCH_STEP_RUNS = 20;

/**
 * Re-runs of the scenario's runs [from, from + runs) with the given inputs pinned: per path, each run's
 * NPV against status quo, and status quo's own NPV. A generator of slices of SEARCH_STEP_RUNS re-runs.
 */
function pinnedEvaluator(model: PreparedModel, paths: PathId[], runs: number) {
  const simulator = new Simulator(model);
  return function* evaluate(pins: Partial<Record<AssumptionId, number>>, from = 0): Generator<undefined, Evaluation> {
    const acc = new Accumulator(model, from + runs);
    for (let start = from; start < from + runs; start += BLOCK_RUNS) {
      // the pins hold for this evaluation's steps only: nothing else uses the simulator in between
      simulator.pin(pins);
      acc.add(yield* simulator.chunkSteps(start, Math.min(BLOCK_RUNS, from + runs - start), SEARCH_STEP_RUNS));
      simulator.pin({});
      yield;
    }
    const npv = new Map(paths.map((p) => [p, discountedDifference(acc, 'totalCost', p)]));
    return { npv, sqNpv: presentValue(acc, 'totalCost', 'status-quo') };
  };
}

/** The range a threshold search covers: the stated range widened 3 × its width each side, within bounds. */
function searchRange(model: PreparedModel, input: AssumptionId): [number, number] {
  const k = ASSUMPTION_IDS.indexOf(input);
  const prior = statedRange(model.assumptions[input]);
  const width = prior[1] - prior[0];
  return [Math.max(model.boundMin[k], prior[0] - 3 * width), Math.min(model.boundMax[k], prior[1] + 3 * width)];
}

/**
 * Thresholds for each path's given inputs. `runs` re-runs per grid point (a multiple of 100 is not
 * needed); `onProgress` reports evaluations done and planned.
 */
export function findThresholds(
  model: PreparedModel,
  inputsByPath: Partial<Record<PathId, AssumptionId[]>>,
  runs = 200,
  onProgress?: (done: number, total: number) => void,
): ThresholdAnalysis {
  return drain(thresholdSearch(model, inputsByPath, runs), (step) => {
    if (step) onProgress?.(step.done, step.total);
  });
}

/** The threshold search of findThresholds as steps (SearchStep), for a worker that must stay stoppable. */
export function* thresholdSearch(
  model: PreparedModel,
  inputsByPath: Partial<Record<PathId, AssumptionId[]>>,
  runs = 200,
): Generator<SearchStep, ThresholdAnalysis> {
  const paths = Object.keys(inputsByPath) as PathId[];
  const evaluate = pinnedEvaluator(model, paths, runs);
  const byInput = new Map<AssumptionId, PathId[]>();
  for (const p of paths) for (const id of inputsByPath[p] ?? []) byInput.set(id, [...(byInput.get(id) ?? []), p]);
  const pairs = Object.values(inputsByPath).filter((ids) => ids.length >= 2).length;
  const total = [...byInput.values()].reduce((s, ps) => s + GRID + ps.length, 0) + pairs * GRID2 * GRID2;
  let done = 0;
  const step = (): SearchStep => ({ done: ++done, total });

  const base = yield* evaluate({});
  const statusQuoNpv = median(base.sqNpv as unknown as number[]);
  const thresholds: Threshold[] = [];
  for (const [input, forPaths] of byInput) {
    const a = model.assumptions[input];
    const prior = statedRange(a);
    const width = prior[1] - prior[0];
    const range = searchRange(model, input);
    const xs = Array.from({ length: GRID }, (_, j) => range[0] + ((range[1] - range[0]) * j) / (GRID - 1));
    const grid: Evaluation[] = [];
    for (const x of xs) {
      grid.push(yield* evaluate({ [input]: x }));
      yield step();
    }
    for (const path of forPaths) {
      const series = grid.map((e) => e.npv.get(path) as Float64Array);
      const medians = series.map((s) => median(s as unknown as number[]));
      const curve = xs.map((value, j) => {
        let cheaper = 0;
        for (let r = 0; r < runs; r++) if (isCheaper(series[j][r], grid[j].sqNpv[r])) cheaper++;
        return { value, medianNpv: medians[j], probCheaper: cheaper / runs };
      });
      let cross = -1;
      let crossings = 0;
      for (let j = 0; j + 1 < GRID; j++)
        if (medians[j] < 0 !== medians[j + 1] < 0) {
          if (cross < 0) cross = j;
          crossings++;
        }
      if (cross < 0 || width === 0) {
        const always = medians.every((m) => m < 0);
        thresholds.push({
          path,
          input,
          value: null,
          cheaperWhen: always ? 'always' : 'never',
          range,
          priorRange: prior,
          source: a.source,
          priorShareCheaper: always ? 1 : 0,
          crossings: 0,
          check: null,
          se: null,
          curve,
        });
        yield step();
        continue;
      }
      const loNegative = medians[cross] < 0;
      const value = crossing(xs, series, cross, loNegative, null);
      // sampling error: the same search on resamples of the runs (with replacement)
      const rng = mulberry32(ASSUMPTION_IDS.indexOf(input) * 31 + PATH_IDS.indexOf(path));
      const resampled: number[] = [];
      const pick = new Int32Array(runs);
      for (let b = 0; b < BOOTSTRAP; b++) {
        for (let r = 0; r < runs; r++) pick[r] = Math.floor(rng() * runs);
        const at = (j: number) => median(Array.from(pick, (r) => series[j][r]));
        // the resample's own first crossing on the grid
        let c = -1;
        for (let j = 0; j + 1 < GRID && c < 0; j++) if (at(j) < 0 !== at(j + 1) < 0) c = j;
        if (c >= 0) resampled.push(crossing(xs, series, c, at(c) < 0, pick));
        // 200 resamples take as long as a few hundred re-runs: a step every BOOTSTRAP_STEP of them
        if ((b + 1) % BOOTSTRAP_STEP === 0) yield;
      }
      const se = resampled.length > 1 ? sampleStandardDeviation(resampled) : null;
      // checked on other runs than the search used, so the check includes the search's sampling error
      const checked = yield* evaluate({ [input]: value }, Math.ceil(runs / BLOCK_RUNS) * BLOCK_RUNS);
      yield step();
      const cheaperWhen = loNegative ? 'below' : 'above';
      // with more than one crossing the side of the first says little: the share is the assumption's
      // mass where the median (linear between grid points) is below zero
      const above = crossings > 1 ? shareWhere(a, xs, medians) : shareAbove(a, value);
      thresholds.push({
        path,
        input,
        value,
        cheaperWhen,
        range,
        priorRange: prior,
        source: a.source,
        priorShareCheaper: crossings > 1 ? above : cheaperWhen === 'above' ? above : 1 - above,
        crossings,
        check: median(checked.npv.get(path) as unknown as number[]),
        se,
        curve,
      });
    }
  }
  const twoWays = twoWaySearch(model, inputsByPath, Math.max(20, Math.round(runs / 2)));
  for (;;) {
    const next = twoWays.next();
    if (next.done) return { runs, statusQuoNpv, thresholds, twoWay: next.value };
    yield next.value === 'point' ? step() : undefined;
  }
}

/** A second input gets a threshold when its rank correlation with the path's net effect is at least this. */
export const DECISIVE_CORRELATION = 0.3;

/**
 * The inputs whose thresholds a decision needs, per enabled path: the one that drives its net effect
 * most (Spearman), and the next one if it too correlates at least DECISIVE_CORRELATION.
 */
export function decisiveInputs(results: Results): Partial<Record<PathId, AssumptionId[]>> {
  const out: Partial<Record<PathId, AssumptionId[]>> = {};
  for (const path of PATH_IDS) {
    const r = results.paths[path];
    if (path === 'status-quo' || !r.enabled) continue;
    const drivers = r.sensitivity.npvVsStatusQuo.filter((d) => Number.isFinite(d.rankCorrelation));
    if (drivers.length === 0) continue;
    out[path] = [
      drivers[0].input,
      ...drivers
        .slice(1, 2)
        .filter((d) => Math.abs(d.rankCorrelation) >= DECISIVE_CORRELATION)
        .map((d) => d.input),
    ];
  }
  return out;
}

/** Grid points per input of a two-way view (GRID2 × GRID2 pinned re-runs). */
const GRID2 = 5;

/** Where a path pays off over two inputs at once (both pinned), on a grid over their search ranges. */
export interface TwoWay {
  path: PathId;
  inputs: [AssumptionId, AssumptionId];
  /** Re-runs per grid point. */
  runs: number;
  ranges: [[number, number], [number, number]];
  priorRanges: [[number, number], [number, number]];
  /** Grid values of the first and the second input. */
  xs: number[];
  ys: number[];
  /** [i][j]: median NPV against status quo (SEK) and share of runs cheaper with xs[i], ys[j] pinned. */
  medianNpv: number[][];
  probCheaper: number[][];
}

/**
 * Two-way views for the paths with two decisive inputs: both pinned on a GRID2 × GRID2 grid over their
 * search ranges, all other inputs as in the run (runs 0 … runs − 1). `onProgress` after each grid point.
 */
export function findTwoWays(
  model: PreparedModel,
  inputsByPath: Partial<Record<PathId, AssumptionId[]>>,
  runs = 100,
  onProgress?: () => void,
): TwoWay[] {
  return drain(twoWaySearch(model, inputsByPath, runs), (step) => {
    if (step === 'point') onProgress?.();
  });
}

/** findTwoWays as steps: undefined after each slice of re-runs, 'point' after each grid point. */
function* twoWaySearch(
  model: PreparedModel,
  inputsByPath: Partial<Record<PathId, AssumptionId[]>>,
  runs: number,
): Generator<'point' | undefined, TwoWay[]> {
  const pairs = (Object.entries(inputsByPath) as [PathId, AssumptionId[]][]).filter(([, ids]) => ids.length >= 2);
  const views: TwoWay[] = [];
  for (const [path, [a, b]] of pairs) {
    const evaluate = pinnedEvaluator(model, [path], runs);
    const ranges: [[number, number], [number, number]] = [searchRange(model, a), searchRange(model, b)];
    const grid = (r: [number, number]) =>
      Array.from({ length: GRID2 }, (_, j) => r[0] + ((r[1] - r[0]) * j) / (GRID2 - 1));
    const xs = grid(ranges[0]);
    const ys = grid(ranges[1]);
    const medianNpv: number[][] = [];
    const probCheaper: number[][] = [];
    for (const x of xs) {
      const m: number[] = [];
      const pc: number[] = [];
      for (const y of ys) {
        const e = yield* evaluate({ [a]: x, [b]: y });
        const npv = e.npv.get(path) as Float64Array;
        m.push(median(npv as unknown as number[]));
        let cheaper = 0;
        for (let r = 0; r < runs; r++) if (isCheaper(npv[r], e.sqNpv[r])) cheaper++;
        pc.push(cheaper / runs);
        yield 'point';
      }
      medianNpv.push(m);
      probCheaper.push(pc);
    }
    views.push({
      path,
      inputs: [a, b],
      runs,
      ranges,
      priorRanges: [statedRange(model.assumptions[a]), statedRange(model.assumptions[b])],
      xs,
      ys,
      medianNpv,
      probCheaper,
    });
  }
  return views;
}

/**
 * The boundary of a two-way view: for each grid value of the first input, the value of the second at
 * which the median net effect crosses zero (linear between grid points; the first crossing), or null.
 */
export function twoWayFrontier(tw: TwoWay): { x: number; y: number | null }[] {
  return tw.xs.map((x, i) => {
    const row = tw.medianNpv[i];
    for (let j = 0; j + 1 < row.length; j++) {
      const [m0, m1] = [row[j], row[j + 1]];
      if (m0 < 0 !== m1 < 0) return { x, y: tw.ys[j] + ((tw.ys[j + 1] - tw.ys[j]) * m0) / (m0 - m1) };
    }
    return { x, y: null };
  });
}

/**
 * In a two-way view, the first input's threshold when the second is held at `y`: the medians are
 * interpolated linearly in the second input, then the first crossing of zero along the first input.
 * Null when `y` is outside the grid or there is no crossing.
 */
export function twoWayThresholdAt(tw: TwoWay, y: number): number | null {
  const { xs, ys } = tw;
  if (y < ys[0] || y > ys[ys.length - 1]) return null;
  let j = 0;
  while (j + 2 < ys.length && y > ys[j + 1]) j++;
  const w = ys[j + 1] === ys[j] ? 0 : (y - ys[j]) / (ys[j + 1] - ys[j]);
  const row = xs.map((_, i) => tw.medianNpv[i][j] + w * (tw.medianNpv[i][j + 1] - tw.medianNpv[i][j]));
  for (let i = 0; i + 1 < row.length; i++)
    if (row[i] < 0 !== row[i + 1] < 0) return xs[i] + ((xs[i + 1] - xs[i]) * row[i]) / (row[i] - row[i + 1]);
  return null;
}
