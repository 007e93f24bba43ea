import { describe, expect, it } from 'vitest';
import { type ChunkResult, type Scenario, Simulator } from '../../src/engine/index.js';
import { model, readJson, scenarioWith, smallCatalogue } from '../helpers.js';
import { ReferenceSimulator } from './reference-simulator.js';

/**
 * The engine against its oracle (the straightforward implementation it was restructured from, frozen in
 * reference-simulator.ts): the same runs must give the same numbers, up to floating-point rounding from
 * summing in another order. Coverage counts capabilities against thresholds (≥ 2 FTE, ≥ minimum
 * staffing): a rounding difference exactly at a threshold could flip one capability in one run. None
 * does in these cases (the runs are seeded, so this is decided once, not by chance on a CI machine).
 */
const catalogue = readJson('public/data/capabilities.json');
const RUNS = 200;

const cases: [string, Scenario, unknown?][] = [
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
  [
    'the small test catalogue (groups without capabilities), three members',
    scenarioWith((s) => {
      s.members = s.members.slice(0, 3);
    }),
    smallCatalogue,
  ],
];

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

describe('the engine equals its oracle', () => {
  for (const [name, scenario, capabilities = catalogue] of cases) {
    it(name, () => {
      const m = model({ ...scenario, runs: RUNS }, capabilities);
      const fast: ChunkResult = new Simulator(m).simulateChunk(0, RUNS);
      const slow: ChunkResult = new ReferenceSimulator(m).simulateChunk(0, RUNS);
      close(fast.draws, slow.draws, 'draws', 0);
      close(fast.memberRuns, slow.memberRuns, 'memberRuns');
      close(fast.totals, slow.totals, 'totals');
      close(fast.blockSums, slow.blockSums, 'blockSums');
      close(fast.groupSums, slow.groupSums, 'groupSums');
    });
  }
});
