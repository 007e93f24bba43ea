import { mean, median, probit, sampleCorrelation } from 'simple-statistics';
import { ASSUMPTION_IDS, type AssumptionId } from './assumptions.js';
import { cholesky } from './copula.js';
import { discountedDifference } from './npv.js';
import { mulberry32 } from './rng.js';
import { PATH_IDS, type PathId } from './schema.js';
import { drain } from './steps.js';
import { type Accumulator, isCheaper } from './summarize.js';

/**
 * The answer a decision needs beyond "how likely is it cheaper" (docs/model.md §13, MODEL.md §9):
 * cost against development capacity per path, the probability that each path is the best choice as a
 * function of what a development FTE is worth, the yearly saving each path lacks, and the expected value
 * of perfect information about each input (EVPPI). All from the stored runs; no new simulation.
 */

/** One path on the cost × capacity plane, against status quo. */
export interface PlanePath {
  /**
   * Shares of runs: cheaper (isCheaper on the NPV) or not × more, the same (|ΔE| ≤ SAME_CAPACITY) or less
   * development capacity. Sum to 1. "The same" is common where no member has money left for development.
   */
  quadrants: {
    cheaperMore: number;
    cheaperSame: number;
    cheaperLess: number;
    dearerMore: number;
    dearerSame: number;
    dearerLess: number;
  };
  /** Pearson correlation of the two axes over the runs (null when either does not vary). */
  correlation: number | null;
  /** Median development capacity against status quo, present-value FTE-years over the horizon. */
  capacityMedian: number;
  /** Mean of the same, per year of the horizon (FTE): the figure a reader can picture. */
  capacityPerYear: number;
  /**
   * Mean cost difference over mean capacity difference (SEK per present-value FTE-year), only when the
   * path costs more and the capacity gain is material (at least MATERIAL_FTE per year on average and more
   * capacity in at least 80 % of the runs); null otherwise (a ratio over a near-zero gain means nothing).
   */
  costPerFteYear: number | null;
  /** On average: 'dominates' (cheaper, more capacity), 'dominated', 'buys' (dearer, more), 'sells'. */
  dominance: 'dominates' | 'dominated' | 'buys' | 'sells';
  /** The first runs' points (cost NPV SEK, capacity PV FTE-years), for the chart. */
  points: { cost: number[]; capacity: number[] };
  /**
   * The constant yearly saving (SEK, beyond what the run's assumptions give) that would bring the
   * median net effect to zero; 0 when the path is already cheaper in the median.
   */
  requiredYearlySaving: number;
  /** The same as a share of status quo's mean yearly cost (median over runs). */
  requiredSavingShare: number;
}

export interface EvppiInput {
  input: AssumptionId;
  /** Expected value of perfect information about this input alone for the choice between paths (SEK). */
  value: number;
  /**
   * Its standard error (SEK), from the sampling distribution of the regression (Strong et al. 2014);
   * computed for the inputs with the largest values only (null for the rest).
   */
  se: number | null;
}

export interface DecisionAnalysis {
  /** The value of a development FTE-year (SEK) that the EVPPI and `best` use; 0 = cost alone. */
  lambda: number;
  /** Median wage cost of an FTE in the start year over the runs: the scale of the acceptability curve. */
  wageCost: number;
  plane: Partial<Record<PathId, PlanePath>>;
  /**
   * Acceptability: for each value λ of a development FTE-year (SEK, present value), the share of runs in
   * which each option (status quo and every enabled path) has the highest net benefit −ΔC + λ·ΔE.
   */
  acceptability: { lambdas: number[]; best: Partial<Record<PathId, number[]>> };
  /** Expected value of perfect information about everything (SEK): an upper bound for any EVPPI. */
  evpi: number;
  /** Per varying input, largest first. */
  evppi: EvppiInput[];
  /** Which option has the highest expected net benefit at `lambda`. */
  bestOption: PathId;
}

/** |ΔE| up to this (present-value FTE-years over the horizon) counts as the same capacity. */
export const SAME_CAPACITY = 0.01;
/** A capacity gain is material from this many development FTE per year (for costPerFteYear). */
export const MATERIAL_FTE = 0.5;

/** Runs drawn on the plane chart. */
const PLANE_POINTS = 400;
/** Knots of the natural cubic regression spline (EVPPI). */
const KNOTS = 6;
/** Coefficient draws for the EVPPI standard error. */
const SE_DRAWS = 60;
/** Inputs (largest EVPPI first) that get a standard error. */
const SE_INPUTS = 6;
/** Steps of the acceptability curve from 0 to twice the wage cost. */
const LAMBDA_STEPS = 21;

/**
 * Natural cubic spline basis (Hastie, Tibshirani & Friedman, ESL §5.2.1) with knots at quantiles of x:
 * K columns (1, x, and K − 2 cubic terms), linear beyond the outer knots. x is scaled to [0, 1] first.
 */
function splineBasis(x: Float64Array): { basis: Float64Array; k: number } {
  const n = x.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo || 1;
  const z = Float64Array.from(x, (v) => (v - lo) / span);
  const sorted = Float64Array.from(z).sort();
  const knots: number[] = [];
  for (let j = 0; j < KNOTS; j++) {
    const q = sorted[Math.round((0.05 + (0.9 * j) / (KNOTS - 1)) * (n - 1))];
    if (knots.length === 0 || q > knots[knots.length - 1] + 1e-9) knots.push(q);
  }
  const K = Math.max(2, knots.length);
  const basis = new Float64Array(n * K);
  const cube = (v: number) => (v > 0 ? v * v * v : 0);
  const last = knots[knots.length - 1];
  const d = (j: number, v: number) => (cube(v - knots[j]) - cube(v - last)) / (last - knots[j]);
  for (let i = 0; i < n; i++) {
    const v = z[i];
    basis[i * K] = 1;
    basis[i * K + 1] = v;
    for (let j = 0; j + 2 < K; j++) basis[i * K + 2 + j] = d(j, v) - d(knots.length - 2, v);
  }
  return { basis, k: K };
}

/** Solve L·Lᵀ·b = y for b, with L from `cholesky`. */
function cholSolve(l: Float64Array, k: number, y: Float64Array): Float64Array {
  const w = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = y[i];
    for (let j = 0; j < i; j++) s -= l[i * k + j] * w[j];
    w[i] = l[i * k + i] > 0 ? s / l[i * k + i] : 0;
  }
  const b = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = w[i];
    for (let j = i + 1; j < k; j++) s -= l[j * k + i] * b[j];
    b[i] = l[i * k + i] > 0 ? s / l[i * k + i] : 0;
  }
  return b;
}

/**
 * EVPPI of one input by nonparametric regression (Strong, Oakley & Brennan 2014): each option's net
 * benefit is regressed on the input (a natural cubic spline), and EVPPI = mean over runs of the best
 * fitted value − the best mean. The standard error comes from redrawing the coefficients from their
 * sampling distribution N(b, σ²(XᵀX)⁻¹), as in the paper; `seed` makes it reproducible.
 */
export function evppiOf(
  x: Float64Array,
  benefits: Float64Array[],
  seed = 1,
  seDraws = SE_DRAWS,
): { value: number; se: number | null } {
  const n = x.length;
  const { basis, k } = splineBasis(x);
  const xtx = new Float64Array(k * k);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      const xa = basis[i * k + a];
      for (let b = 0; b <= a; b++) xtx[a * k + b] += xa * basis[i * k + b];
    }
  let trace = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) xtx[b * k + a] = xtx[a * k + b];
    trace += xtx[a * k + a];
  }
  for (let a = 0; a < k; a++) xtx[a * k + a] += 1e-12 * trace;
  const l = cholesky(xtx, k);
  if (!l) return { value: 0, se: 0 };
  const fits: { coef: Float64Array; sigma: number }[] = benefits.map((y) => {
    const xty = new Float64Array(k);
    for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) xty[a] += basis[i * k + a] * y[i];
    const coef = cholSolve(l, k, xty);
    let rss = 0;
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let a = 0; a < k; a++) f += basis[i * k + a] * coef[a];
      rss += (y[i] - f) ** 2;
    }
    return { coef, sigma: Math.sqrt(rss / Math.max(1, n - k)) };
  });
  const evaluate = (coefs: Float64Array[]) => {
    const D = coefs.length;
    const sums = new Float64Array(D);
    let maxSum = 0;
    for (let i = 0; i < n; i++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let d = 0; d < D; d++) {
        let f = 0;
        for (let a = 0; a < k; a++) f += basis[i * k + a] * coefs[d][a];
        sums[d] += f;
        if (f > best) best = f;
      }
      maxSum += best;
    }
    return Math.max(0, maxSum / n - Math.max(...sums) / n);
  };
  const value = evaluate(fits.map((f) => f.coef));
  // coefficient draws: b + σ·L⁻ᵀ·z has covariance σ²(XᵀX)⁻¹
  const rng = mulberry32(seed);
  const normal = () => probit(Math.min(1 - 1e-12, Math.max(1e-12, rng())));
  const draws: number[] = [];
  if (seDraws < 2) return { value, se: null };
  for (let s = 0; s < seDraws; s++) {
    const coefs = fits.map(({ coef, sigma }) => {
      const zv = Float64Array.from({ length: k }, normal);
      // solve Lᵀ·w = z
      const w = new Float64Array(k);
      for (let i = k - 1; i >= 0; i--) {
        let acc = zv[i];
        for (let j = i + 1; j < k; j++) acc -= l[j * k + i] * w[j];
        w[i] = l[i * k + i] > 0 ? acc / l[i * k + i] : 0;
      }
      return coef.map((c, a) => c + sigma * w[a]);
    });
    draws.push(evaluate(coefs));
  }
  const m = mean(draws);
  const se = Math.sqrt(draws.reduce((s, v) => s + (v - m) ** 2, 0) / (draws.length - 1));
  return { value, se };
}

/** Net benefit of each option against status quo per run: −ΔC + λ·ΔE (status quo: 0). */
function netBenefits(cost: Float64Array[], capacity: Float64Array[], lambda: number): Float64Array[] {
  return cost.map((c, d) => Float64Array.from(c, (v, r) => -v + lambda * capacity[d][r]));
}

/**
 * Everything in DecisionAnalysis from an accumulator's runs. `lambda`: the value of a present-value
 * development FTE-year in SEK for EVPPI and `bestOption` (0, the default, compares cost alone: see
 * docs/model.md §13 on why the wage cost is not a neutral default).
 */
export function analyseDecision(acc: Accumulator, lambda = 0): DecisionAnalysis {
  return drain(decisionSteps(acc, lambda));
}

/** analyseDecision as steps (steps.ts): one after the plane and the acceptability curve, one per EVPPI. */
export function* decisionSteps(acc: Accumulator, lambda = 0): Generator<undefined, DecisionAnalysis> {
  const n = acc.runsDone;
  const options = PATH_IDS.filter((p) => acc.enabled(p));
  const cost = options.map((p) =>
    p === 'status-quo' ? new Float64Array(n) : discountedDifference(acc, 'totalCost', p),
  );
  const capacity = options.map((p) =>
    p === 'status-quo' ? new Float64Array(n) : discountedDifference(acc, 'developmentCapacity', p),
  );
  // status quo's own cost, per run, in present value
  const sqNpv = new Float64Array(n);
  let annuity = 0;
  for (let t = 0; t < acc.years; t++) {
    const f = 1 / (1 + acc.discountRate) ** t;
    annuity += f;
    const sq = acc.totalSamples('totalCost', 'status-quo', t);
    for (let r = 0; r < n; r++) {
      sqNpv[r] += sq[r] * f;
    }
  }
  const plane: DecisionAnalysis['plane'] = {};
  options.forEach((p, d) => {
    if (p === 'status-quo') return;
    const c = cost[d];
    const e = capacity[d];
    const q = { cheaperMore: 0, cheaperSame: 0, cheaperLess: 0, dearerMore: 0, dearerSame: 0, dearerLess: 0 };
    let gains = 0;
    for (let r = 0; r < n; r++) {
      const cheaper = isCheaper(c[r], sqNpv[r]);
      const more = e[r] > SAME_CAPACITY;
      const less = e[r] < -SAME_CAPACITY;
      if (more) gains++;
      if (cheaper) q[more ? 'cheaperMore' : less ? 'cheaperLess' : 'cheaperSame']++;
      else q[more ? 'dearerMore' : less ? 'dearerLess' : 'dearerSame']++;
    }
    for (const key of Object.keys(q) as (keyof typeof q)[]) q[key] /= n;
    const mc = mean(c as unknown as number[]);
    const me = mean(e as unknown as number[]);
    const varies = (a: Float64Array) => a.some((v) => v !== a[0]);
    const medianCost = median(c as unknown as number[]);
    const required = Math.max(0, medianCost) / annuity;
    const material = me / annuity >= MATERIAL_FTE && gains / n >= 0.8;
    plane[p] = {
      quadrants: q,
      correlation:
        n > 2 && varies(c) && varies(e) ? sampleCorrelation(c as unknown as number[], e as unknown as number[]) : null,
      capacityMedian: median(e as unknown as number[]),
      capacityPerYear: me / annuity,
      costPerFteYear: mc > 0 && material ? mc / me : null,
      dominance: mc <= 0 ? (me >= 0 ? 'dominates' : 'sells') : me > 0 ? 'buys' : 'dominated',
      points: {
        cost: Array.from(c.subarray(0, PLANE_POINTS)),
        capacity: Array.from(e.subarray(0, PLANE_POINTS)),
      },
      requiredYearlySaving: required,
      // against status quo's cost as a yearly amount of the same present value (both discounted alike)
      requiredSavingShare: Math.max(0, medianCost) / median(sqNpv as unknown as number[]),
    };
  });

  yield;
  const wageCost = median(acc.drawSamples('wageCost') as unknown as number[]);
  const lambdas = Array.from({ length: LAMBDA_STEPS }, (_, i) => (2 * wageCost * i) / (LAMBDA_STEPS - 1));
  const best: Partial<Record<PathId, number[]>> = {};
  for (const p of options) best[p] = [];
  for (const l of lambdas) {
    const counts = new Float64Array(options.length);
    for (let r = 0; r < n; r++) {
      // status quo first: a path must beat it by more than rounding (isCheaper's tolerance) to win
      let winner = 0;
      let top = 0;
      for (let d = 1; d < options.length; d++) {
        const nb = -cost[d][r] + l * capacity[d][r];
        if (nb > top + 1e-9 * Math.abs(sqNpv[r])) {
          top = nb;
          winner = d;
        }
      }
      counts[winner]++;
    }
    options.forEach((p, d) => {
      best[p]?.push(counts[d] / n);
    });
  }

  const benefits = netBenefits(cost, capacity, lambda);
  const means = benefits.map((b) => mean(b as unknown as number[]));
  let bestIndex = 0;
  means.forEach((m, d) => {
    if (m > means[bestIndex]) bestIndex = d;
  });
  let perfect = 0;
  for (let r = 0; r < n; r++) {
    let top = Number.NEGATIVE_INFINITY;
    for (const b of benefits) if (b[r] > top) top = b[r];
    perfect += top / n;
  }
  const evpi = Math.max(0, perfect - means[bestIndex]);
  yield;
  const evppi: EvppiInput[] = [];
  if (options.length > 1 && n >= 2 * KNOTS)
    for (const id of ASSUMPTION_IDS) {
      const x = acc.drawSamples(id);
      if (!x.some((v) => v !== x[0])) continue;
      evppi.push({ input: id, value: evppiOf(x, benefits, 0, 0).value, se: null });
      yield;
    }
  evppi.sort((a, b) => b.value - a.value);
  for (const e of evppi.slice(0, SE_INPUTS)) {
    e.se = evppiOf(acc.drawSamples(e.input), benefits, ASSUMPTION_IDS.indexOf(e.input) + 1).se;
    yield;
  }
  return {
    lambda,
    wageCost,
    plane,
    acceptability: { lambdas, best },
    evpi,
    evppi,
    bestOption: options[bestIndex],
  };
}
