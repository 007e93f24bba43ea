/**
 * Present values per run, against status quo: the one home of the discounting that the results
 * (`npvVsStatusQuo`), the audit table, the decision analysis and the thresholds share. Year t of the
 * horizon (t = 0 the start year) is discounted by (1 + discountRate)^t (docs/model.md, "Discount factor").
 *
 * Two roundings of the same sum live here on purpose: the results and the audit table divide each year's
 * term by (1 + r)^t, the decision analysis and the thresholds multiply it by 1/(1 + r)^t. They can differ
 * in the last bit, and published results must stay bit-identical, so each caller keeps its own.
 */
import type { Accumulator } from './accumulator.js';
import type { PathId } from './schema.js';
import type { TotalMetric } from './simulate.js';

/** What these functions read from an Accumulator. */
type RunsView = Pick<Accumulator, 'years' | 'discountRate' | 'runsDone' | 'totalSamples'>;

/**
 * Per run: present value of a total metric, Σ_t x_t/(1+r)^t, summed in year order. O(n·T).
 * @example presentValue(acc, 'totalCost', 'status-quo') // status quo's own NPV, run by run
 */
export function presentValue(acc: RunsView, metric: TotalMetric, path: PathId): Float64Array {
  const rate = acc.discountRate;
  const out = new Float64Array(acc.runsDone);
  for (let t = 0; t < acc.years; t++) {
    const x = acc.totalSamples(metric, path, t);
    const discount = (1 + rate) ** t;
    for (let r = 0; r < out.length; r++) out[r] += x[r] / discount;
  }
  return out;
}

/**
 * Per run: the net present value of a path's total cost minus status quo's, Σ_t (x_t − sq_t)/(1+r)^t,
 * summed in year order: `PathResult.npvVsStatusQuo` and the audit table's column. Negative means cheaper.
 * O(n·T).
 */
export function npvVsStatusQuo(acc: RunsView, path: PathId): Float64Array {
  const rate = acc.discountRate;
  const out = new Float64Array(acc.runsDone);
  for (let t = 0; t < acc.years; t++) {
    const x = acc.totalSamples('totalCost', path, t);
    const sq = acc.totalSamples('totalCost', 'status-quo', t);
    const discount = (1 + rate) ** t;
    for (let r = 0; r < out.length; r++) out[r] += (x[r] - sq[r]) / discount;
  }
  return out;
}

/**
 * Per run: present value of a total metric's difference against status quo, Σ_t (x_t − sq_t)·f_t with
 * f_t = 1/(1+r)^t, summed in year order (the decision analysis and the thresholds). O(n·T).
 */
export function discountedDifference(acc: RunsView, metric: 'totalCost' | 'developmentCapacity', path: PathId) {
  const years = acc.years;
  const rate = acc.discountRate;
  const out = new Float64Array(acc.runsDone);
  for (let t = 0; t < years; t++) {
    const x = acc.totalSamples(metric, path, t);
    const sq = acc.totalSamples(metric, 'status-quo', t);
    const f = 1 / (1 + rate) ** t;
    for (let r = 0; r < out.length; r++) out[r] += (x[r] - sq[r]) * f;
  }
  return out;
}
