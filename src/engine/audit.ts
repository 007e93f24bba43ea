/**
 * The audit export: one row per run, so that a summary can be checked against the runs themselves
 * (the app's per-run CSV, `…-korningar.csv`).
 */
import type { Accumulator } from './accumulator.js';
import { ASSUMPTION_IDS } from './assumptions.js';
import { npvVsStatusQuo } from './npv.js';
import { PATH_IDS } from './schema.js';

/**
 * One row per run received: the run index, every uncertain input's value, and per enabled path the total
 * cost in the first and last year, the horizon cost and (except for status quo) the NPV difference
 * against status quo (SEK). Columns are named `<path>_<output>[_<year>]`. O(runs × columns).
 */
export function runTable(acc: Accumulator): { columns: string[]; rows: number[][] } {
  const T = acc.years;
  const years = acc.calendarYears;
  const columns = ['run', ...ASSUMPTION_IDS];
  const series: Float64Array[] = ASSUMPTION_IDS.map((id) => acc.drawSamples(id));
  for (const path of PATH_IDS) {
    if (!acc.enabled(path)) continue;
    const cost = Array.from({ length: T }, (_, t) => acc.totalSamples('totalCost', path, t));
    const horizon = new Float64Array(acc.runsDone);
    for (let t = 0; t < T; t++) {
      for (let r = 0; r < acc.runsDone; r++) horizon[r] += cost[t][r];
    }
    columns.push(`${path}_totalCost_${years[0]}`, `${path}_totalCost_${years[T - 1]}`, `${path}_horizonCost`);
    series.push(cost[0], cost[T - 1], horizon);
    if (path !== 'status-quo') {
      columns.push(`${path}_npvVsStatusQuo`);
      series.push(npvVsStatusQuo(acc, path));
    }
  }
  const rows = Array.from(acc.runIndices(), (run, r) => [run, ...series.map((s) => s[r])]);
  return { columns, rows };
}
