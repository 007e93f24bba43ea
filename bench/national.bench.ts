/**
 * National sweep (issue #20's CLI goal: every län's kommuner as one scenario each, 21 scenarios, all 290
 * kommuner, ≤ 60 s in all): each county's kommuner as one scenario with the default scenario's settings, run
 * as the CLI runs it (runInThreads, 2 worker threads), with plain sampling and all runs, and with
 * `sampling: 'rqmc'` and `stopWhenStable` (at most 10 000 runs). Reports only; asserts nothing.
 * Run: npx tsx bench/national.bench.ts (part of npm run bench, not of --quick).
 */
import { readFileSync } from 'node:fs';
import { runInThreads } from '../src/cli/run-threads.js';
import { loadModel, type Municipality, type Scenario } from '../src/engine/index.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const municipalities = read('public/data/municipalities.json') as Municipality[];
const capabilities = read('public/data/capabilities.json');
const base = read('scenarios/fyrbodal.json') as Scenario;
const counties = [...new Set(municipalities.map((m) => m.county))].sort();

async function sweep(label: string, settings: Partial<Scenario>) {
  const started = performance.now();
  let runs = 0;
  for (const county of counties) {
    const scenario: Scenario = {
      ...base,
      ...settings,
      id: `lan-${county}`,
      members: municipalities.filter((m) => m.county === county).map((m) => m.code),
    };
    const model = loadModel(scenario, municipalities, capabilities);
    if (!model.ok) throw new Error(JSON.stringify(model.issues.slice(0, 3)));
    const results = await runInThreads(model.value, [scenario, municipalities, capabilities], 2);
    runs += results.runsDone;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    sweep: label,
    counties: counties.length,
    kommuner: municipalities.length,
    runs,
    seconds: Number(seconds.toFixed(1)),
  };
}

const onlyRqmc = process.argv.includes('--rqmc');
const rows = [
  await sweep('rqmc, stop at a stable answer (≤ 10 000 runs)', {
    runs: 10_000,
    sampling: 'rqmc',
    stopWhenStable: true,
  }),
  ...(onlyRqmc ? [] : [await sweep('plain, 10 000 runs each', { runs: 10_000 })]),
];
console.log('\nNational sweep: every county as one scenario, 2 worker threads (target ≤ 60 s)');
console.table(rows);
