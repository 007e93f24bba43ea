/**
 * Coalition finder benchmark (issue #21): the finder and the sharing analysis on Fyrbodal's 14 kommuner in
 * this thread (the app splits the same simulations between two workers, so it takes about half as long on
 * two free cores). Reports only; asserts nothing. Run: npx tsx bench/coalition.bench.ts [--quick]
 */
import { readFileSync } from 'node:fs';
import { RAISED_REALISATION } from '../src/cli/figures/coalitions.js';
import { DEFAULT_CONSTRAINTS, type Geography, type GroupConstraints } from '../src/coalition/constraints.js';
import { CoalitionGame, inThread } from '../src/coalition/game.js';
import { DEFAULT_FIXED_SHARE } from '../src/coalition/keys.js';
import { findCoalitions } from '../src/coalition/search.js';
import { analyseSharing, keyBases } from '../src/coalition/sharing.js';
import type { KommunGeo } from '../src/data/kommun-geo.js';
import type { Capability, Municipality, Scenario } from '../src/engine/index.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const municipalities = read('public/data/municipalities.json') as Municipality[];
const capabilities = read('public/data/capabilities.json') as Capability[];
const geo = read('public/data/kommun-geo.json') as KommunGeo;
const fyrbodal = read('scenarios/fyrbodal.json') as Scenario;
const quick = process.argv.includes('--quick');
const geography: Geography = {
  county: (c) => municipalities.find((m) => m.code === c)?.county,
  neighbours: (c) => geo.kommuner[c]?.neighbours,
};
const raised: Scenario = {
  ...fyrbodal,
  assumptions: {
    ...fyrbodal.assumptions,
    realisationShared: RAISED_REALISATION,
  },
};

interface Row {
  case: string;
  seconds: number;
  method: string;
  groups: number;
  best: string;
}
const rows: Row[] = [];

async function finder(label: string, scenario: Scenario, constraints: GroupConstraints) {
  const game = new CoalitionGame(scenario, { municipalities, capabilities });
  const started = performance.now();
  const result = await findCoalitions(
    { codes: scenario.members, forms: ['samverkan', 'asymmetrisk'], constraints, geography },
    inThread(game),
  );
  const seconds = (performance.now() - started) / 1000;
  const best = result?.groupings[0];
  rows.push({
    case: label,
    seconds,
    method: result?.method ?? '',
    groups: game.simulated,
    best: best
      ? `${best.groups.map((g) => g.members.length).join('+') || 'alone'}: ${(best.meanGain / 1e6).toFixed(1)} MSEK`
      : '',
  });
}

async function keys(label: string, scenario: Scenario, size: number) {
  const game = new CoalitionGame(scenario, { municipalities, capabilities }, ['asymmetrisk']);
  const started = performance.now();
  const result = await analyseSharing(
    {
      codes: scenario.members,
      group: [...Array(size).keys()],
      form: 'asymmetrisk',
      ...keyBases(scenario.members, (c) => municipalities.find((m) => m.code === c)),
      fixedShare: DEFAULT_FIXED_SHARE,
      seed: scenario.seed,
    },
    inThread(game),
  );
  rows.push({
    case: label,
    seconds: (performance.now() - started) / 1000,
    method: `Shapley ${result?.shapley}`,
    groups: result?.subgroupsSimulated ?? 0,
    best: `stable under ${result?.stableKeys.join(', ') || 'no key'}`,
  });
}

await finder('Fyrbodal, neighbours only, ≤ 4 per group, raised realisation', raised, {
  ...DEFAULT_CONSTRAINTS,
  neighbours: 'adjacent',
  maxGroupSize: 4,
});
await finder('Fyrbodal, no constraints, default assumptions', fyrbodal, DEFAULT_CONSTRAINTS);
if (!quick) {
  await finder('Fyrbodal, no constraints, raised realisation', raised, DEFAULT_CONSTRAINTS);
  await keys('keys: Fyrbodal’s first 9 (exact), raised realisation', raised, 9);
}
await keys('keys: all 14 of Fyrbodal (sampled Shapley), raised realisation', raised, 14);

console.log('\nCoalition finder and keys, one thread (the app uses two workers)');
console.table(rows.map((r) => ({ ...r, seconds: Number(r.seconds.toFixed(1)) })));
