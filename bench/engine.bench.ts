/**
 * Engine benchmark: npm run bench [-- --runs 10000]
 * Runs the default scenario (scenarios/fyrbodal.json) with 1 and 2 Node worker threads, each case in
 * its own child process so that peak memory (max RSS of the process, threads included) is measured per
 * case. Prints a table and writes bench/results.json. Reports only: nothing here asserts a time.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runInThreads } from '../src/cli/run-threads.js';
import { loadModel } from '../src/engine/index.js';

const root = new URL('..', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));

interface Case {
  scenario: string;
  runs: number;
  workers: number;
  seconds: number;
  runsPerSecond: number;
  peakRssMb: number;
}

async function runCase(scenarioPath: string, runs: number, workers: number): Promise<Case> {
  const scenario = { ...read(scenarioPath), runs };
  const raw: [unknown, unknown, unknown] = [
    scenario,
    read('public/data/municipalities.json'),
    read('public/data/capabilities.json'),
  ];
  const model = loadModel(...raw);
  if (!model.ok) throw new Error(JSON.stringify(model.issues));
  const started = performance.now();
  await runInThreads(model.value, raw, workers);
  const seconds = (performance.now() - started) / 1000;
  return {
    scenario: scenarioPath,
    runs,
    workers,
    seconds,
    runsPerSecond: runs / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const { values } = parseArgs({
  options: { case: { type: 'string' }, runs: { type: 'string' }, scenario: { type: 'string' } },
});
const scenarioPath = values.scenario ?? 'scenarios/fyrbodal.json';
if (values.case) {
  // child: one measurement, printed as JSON
  const result = await runCase(scenarioPath, Number(values.runs), Number(values.case));
  process.stdout.write(JSON.stringify(result));
} else {
  const runs = Number(values.runs ?? 10_000);
  const self = fileURLToPath(import.meta.url);
  const cases: Case[] = [];
  for (const workers of [1, 2]) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', self, '--case', String(workers), '--runs', String(runs), '--scenario', scenarioPath],
      {
        encoding: 'utf8',
        cwd: fileURLToPath(root),
      },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    cases.push(JSON.parse(child.stdout));
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Engine benchmark — ${scenarioPath}, ${runs} runs, ${cpus().length} cores (${cpu}), node ${process.version}`,
  );
  console.log('workers   wall time   runs/s   peak RSS');
  for (const c of cases) {
    console.log(
      `${String(c.workers).padStart(7)} ${c.seconds.toFixed(2).padStart(9)} s ${Math.round(c.runsPerSecond).toString().padStart(8)} ${c.peakRssMb.toFixed(0).padStart(7)} MB`,
    );
  }
  const speedup = cases[0].seconds / cases[1].seconds;
  console.log(`speed-up with 2 workers: ${speedup.toFixed(2)}×  (targets: ≤ 1 s with 2 workers, ≤ 200 MB)`);
  writeFileSync(
    new URL('bench/results.json', root),
    `${JSON.stringify({ date: new Date().toISOString(), cpu, node: process.version, engine: cases }, null, 2)}\n`,
  );
}
