import { describe, expect, it } from 'vitest';
import { type ChunkResult, type Scenario, Simulator } from '../../src/engine/index.js';
import { model, readJson, scenarioWith } from '../helpers.js';
import { ReferenceSimulator } from './reference-simulator.js';

/**
 * The engine against its oracle (the straightforward implementation it was restructured from, frozen in
 * reference-simulator.ts): the same runs must give the same numbers, up to floating-point rounding from
 * summing in another order. Coverage counts capabilities against thresholds (≥ 2 FTE, ≥ minimum
 * staffing), so a rounding difference exactly at a threshold may flip one capability in one run; those
 * are compared as run means.
 */
const catalogue = readJson('public/data/capabilities.json');
const RUNS = 200;

const cases: [string, Scenario][] = [
  ['Fyrbodal (default)', readJson('scenarios/fyrbodal.json') as Scenario],
  ['Dalsland', readJson('scenarios/dalsland.json') as Scenario],
  ['Trestad', readJson('scenarios/trestad.json') as Scenario],
  ['SML-IT', readJson('scenarios/sml-it.json') as Scenario],
  [
    'exits: a fixed member from samverkan, a yearly probability from the host path',
    scenarioWith((s) => {
      s.paths.samverkan.exit = { member: '1460', year: s.startYear + 3, strandedYears: 3 };
      s.paths.asymmetrisk.exit = { probability: 0.2, strandedYears: 2 };
    }),
  ],
  [
    'correlated inputs, a partial merger and disabled paths',
    scenarioWith((s) => {
      s.correlations = [{ a: 'wageGrowth', b: 'inflation', rho: 0.6 }];
      s.paths.sammanlaggning.members = s.members.slice(0, 5);
      s.paths.omfordelning.enabled = false;
    }),
  ],
  [
    'other selections, a small host path, long horizon',
    scenarioWith((s) => {
      s.horizonYears = 15;
      s.paths.samverkan.pooled = 'transferable';
      s.paths.asymmetrisk.provided = 'transferable';
      s.paths.asymmetrisk.members = s.members.slice(0, 4);
    }),
  ],
];

const COVERAGE_ROWS = new Set([3, 4]); // coverage, robustCoverage in TOTAL_METRICS

function close(actual: Float64Array, expected: Float64Array, what: string, rel = 1e-9): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  let at = -1;
  for (let k = 0; k < expected.length; k++) {
    const scale = Math.max(1, Math.abs(expected[k]));
    const d = Math.abs(actual[k] - expected[k]) / scale;
    if (!(d <= worst)) {
      worst = d;
      at = k;
    }
  }
  expect(worst, `${what}: worst relative difference at index ${at}`).toBeLessThanOrEqual(rel);
}

/** Means over the runs of each row of a [row][run] array. */
function rowMeans(a: Float64Array, runs: number): Float64Array {
  const out = new Float64Array(a.length / runs);
  for (let row = 0; row < out.length; row++) {
    let s = 0;
    for (let r = 0; r < runs; r++) s += a[row * runs + r];
    out[row] = s / runs;
  }
  return out;
}

describe('the engine equals its oracle', () => {
  for (const [name, scenario] of cases) {
    it(name, () => {
      const m = model({ ...scenario, runs: RUNS }, catalogue);
      const fast: ChunkResult = new Simulator(m).simulateChunk(0, RUNS);
      const slow: ChunkResult = new ReferenceSimulator(m).simulateChunk(0, RUNS);
      close(fast.draws, slow.draws, 'draws', 0);
      close(fast.memberRuns, slow.memberRuns, 'memberRuns');
      // totals: everything but coverage per run; coverage as means over the runs
      const rows = fast.totals.length / RUNS;
      const perRow = slow.totals.length / RUNS / 10;
      for (let row = 0; row < rows; row++) {
        const metric = Math.floor(row / perRow);
        const a = fast.totals.subarray(row * RUNS, (row + 1) * RUNS);
        const b = slow.totals.subarray(row * RUNS, (row + 1) * RUNS);
        if (COVERAGE_ROWS.has(metric)) close(rowMeans(a, RUNS), rowMeans(b, RUNS), `totals row ${row}`, 1e-3);
        else close(a, b, `totals row ${row}`);
      }
      // blockSums: [block][metric][path][member][year], member-year metrics with coverage at 3 and 4
      const blockRow = fast.blockSums.length / Math.ceil(RUNS / 100) / 7;
      for (let k = 0; k < fast.blockSums.length / blockRow; k++) {
        const metric = k % 7;
        const a = fast.blockSums.subarray(k * blockRow, (k + 1) * blockRow);
        const b = slow.blockSums.subarray(k * blockRow, (k + 1) * blockRow);
        close(a, b, `blockSums row ${k}`, COVERAGE_ROWS.has(metric) ? 1e-3 : 1e-9);
      }
      close(fast.groupSums, slow.groupSums, 'groupSums', 1e-2);
    });
  }
});
