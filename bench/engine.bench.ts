/**
 * Engine benchmark: npm run bench, or npx tsx bench/engine.bench.ts [--quick]
 *
 * Cases, each in its own child process so that peak memory (max RSS of the process, threads included)
 * is measured per case:
 *   - the default scenario (scenarios/fyrbodal.json, 14 members) at 1 000, 10 000 and 100 000 runs with
 *     1 and 2 Node worker threads (runInThreads, as the CLI);
 *   - all 290 kommuner as members, 10 000 runs, 2 worker threads;
 *   - the default scenario at 10 000 runs in one thread, split into simulation (Simulator.simulateChunk)
 *     and summary (Accumulator.add + summarize);
 *   - the reference kernel (bench/reference-kernel.ts): the tightest loop for one path-year, against which
 *     the engine's simulation time per path-year is compared ("efficiency" = engine / reference).
 *   - runs to a stable answer (src/engine/stability.ts) for each preset and for Västra Götaland's 49
 *     kommuner as one scenario: runs simulated in one thread, 100 at a time, until the runs from 0 are
 *     stable (at most 20 000), and the time that took; with plain Monte Carlo (sampling 'mc', the default)
 *     and with scrambled Sobol inputs (sampling 'rqmc', docs/model.md §15), back to back.
 * --quick skips the 100 000-run cases, the 290-member case and the regional stability case.
 * Prints a table and writes bench/results.json (keeping the `browser` key written by browser.bench.ts).
 * Reports only: nothing here asserts a time. Other processes on the machine make the figures noisy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHUNK_RUNS, runInThreads } from '../src/cli/run-threads.js';
import {
  Accumulator,
  BLOCK_RUNS,
  loadModel,
  PROBABILITY_TOLERANCE,
  type PreparedModel,
  Simulator,
  splitRuns,
  stabilityOf,
} from '../src/engine/index.js';
import { type ReferenceResult, referenceKernel } from './reference-kernel.js';

const root = new URL('..', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const SCENARIO = 'scenarios/fyrbodal.json';

type Members = 'fyrbodal' | 'all';

/** The raw inputs of a case: the default scenario, or the same with every kommun as a member. */
function inputs(members: Members, runs: number): [unknown, unknown, unknown] {
  const municipalities = read('public/data/municipalities.json') as { code: string }[];
  const scenario = { ...read(SCENARIO), runs };
  // every path lists its members as "all" and the host as "largest", so only `members` changes
  if (members === 'all') scenario.members = municipalities.map((m) => m.code);
  return [scenario, municipalities, read('public/data/capabilities.json')];
}

function prepare(raw: [unknown, unknown, unknown]): PreparedModel {
  const model = loadModel(...raw);
  if (!model.ok) {
    throw new Error(`invalid scenario:\n${model.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
  return model.value;
}

/** The model's size: cells per run = members × capabilities × years × enabled paths. */
function shape(model: PreparedModel) {
  const members = model.members.length;
  const capabilities = model.capabilities.length;
  const years = model.years.length;
  const paths = model.enabled.filter(Boolean).length;
  return { members, capabilities, years, paths, cellsPerRun: members * capabilities * years * paths };
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};

interface Case {
  label: string;
  members: number;
  capabilities: number;
  years: number;
  paths: number;
  runs: number;
  workers: number;
  seconds: number;
  runsPerSecond: number;
  cellUpdatesPerSecond: number;
  peakRssMb: number;
}

interface Split {
  runs: number;
  chunkRuns: number;
  /** Wall time in the thread; process CPU time alongside (less sensitive to other load on the machine). */
  simulationSeconds: number;
  simulationCpuSeconds: number;
  addSeconds: number;
  summarizeSeconds: number;
  summarySeconds: number;
  simulationShare: number;
  /** Simulation time per run / (enabled paths × years). */
  engineNsPerPathYear: number;
  engineCpuNsPerPathYear: number;
  peakRssMb: number;
}

/** Child: one runInThreads measurement. */
async function runCase(members: Members, runs: number, workers: number): Promise<Case> {
  const raw = inputs(members, runs);
  const model = prepare(raw);
  const s = shape(model);
  const started = performance.now();
  await runInThreads(model, raw, workers);
  const seconds = (performance.now() - started) / 1000;
  return {
    label: members === 'all' ? 'all 290 kommuner' : 'fyrbodal',
    ...s,
    runs,
    workers,
    seconds,
    runsPerSecond: runs / seconds,
    cellUpdatesPerSecond: (runs * s.cellsPerRun) / seconds,
    peakRssMb: peakRssMb(),
  };
}

interface StabilityCase {
  label: string;
  sampling: 'mc' | 'rqmc';
  members: number;
  stableAt: number | null;
  runsSimulated: number;
  seconds: number;
  /** The binding part at the last check: each path's errors as a share of their tolerance. */
  paths: { path: string; quantile: number; probability: number }[];
}

/** Child: runs of a scenario file (or Västra Götaland) in one thread, 100 at a time, until stable. */
function stabilityCase(file: string, sampling: 'mc' | 'rqmc'): StabilityCase {
  const municipalities = read('public/data/municipalities.json') as { code: string; county: string }[];
  const most = 20_000;
  const scenario = { ...read(file === 'vg' ? SCENARIO : file), runs: most, sampling };
  if (file === 'vg') scenario.members = municipalities.filter((m) => m.county === '14').map((m) => m.code);
  const model = prepare([scenario, municipalities, read('public/data/capabilities.json')]);
  const simulator = new Simulator(model);
  const acc = new Accumulator(model, most);
  const started = performance.now();
  let runs = 0;
  while (runs < most && acc.stableAt() === null) {
    acc.add(simulator.simulateChunk(runs, BLOCK_RUNS));
    runs += BLOCK_RUNS;
  }
  const seconds = (performance.now() - started) / 1000;
  const last = stabilityOf(acc.prefix(acc.stableAt() ?? runs));
  return {
    label: file === 'vg' ? 'Västra Götaland (49)' : file.replace('scenarios/', '').replace('.json', ''),
    sampling,
    members: model.members.length,
    stableAt: acc.stableAt(),
    runsSimulated: runs,
    seconds,
    paths: last.paths.map((p) => ({
      path: p.path,
      quantile: p.quantileError / p.quantileTolerance,
      probability: p.probabilityError / PROBABILITY_TOLERANCE,
    })),
  };
}

/** Child: the in-thread path of runInThreads (workers = 0), timed per phase. */
function splitCase(runs: number): Split {
  const model = prepare(inputs('fyrbodal', runs));
  const s = shape(model);
  const simulator = new Simulator(model);
  const acc = new Accumulator(model, runs);
  let simulation = 0;
  let simulationCpu = 0;
  let add = 0;
  for (const r of splitRuns(runs, CHUNK_RUNS)) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const chunk = simulator.simulateChunk(r.runStart, r.runCount);
    const t1 = performance.now();
    simulationCpu += cpuSeconds(cpu);
    acc.add(chunk);
    add += performance.now() - t1;
    simulation += t1 - t0;
  }
  const t2 = performance.now();
  acc.summarize();
  const summarize = performance.now() - t2;
  const pathYears = runs * s.paths * s.years;
  return {
    runs,
    chunkRuns: CHUNK_RUNS,
    simulationSeconds: simulation / 1000,
    simulationCpuSeconds: simulationCpu,
    addSeconds: add / 1000,
    summarizeSeconds: summarize / 1000,
    summarySeconds: (add + summarize) / 1000,
    simulationShare: simulation / (simulation + add + summarize),
    engineNsPerPathYear: (simulation * 1e6) / pathYears,
    engineCpuNsPerPathYear: (simulationCpu * 1e9) / pathYears,
    peakRssMb: peakRssMb(),
  };
}

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    members: { type: 'string' },
    runs: { type: 'string' },
    workers: { type: 'string' },
    sampling: { type: 'string' },
    quick: { type: 'boolean' },
  },
});

if (values.child) {
  const runs = Number(values.runs);
  const result =
    values.child === 'split'
      ? splitCase(runs)
      : values.child === 'reference'
        ? referenceKernel()
        : values.child === 'stability'
          ? stabilityCase(values.members as string, values.sampling === 'rqmc' ? 'rqmc' : 'mc')
          : await runCase(values.members as Members, runs, Number(values.workers));
  process.stdout.write(JSON.stringify(result));
} else {
  const self = fileURLToPath(import.meta.url);
  const child = <T>(args: string[]): T => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', self, ...args], {
      encoding: 'utf8',
      cwd: fileURLToPath(root),
      maxBuffer: 16 * 1024 * 1024,
    });
    if (out.status !== 0) throw new Error(`bench case ${args.join(' ')} failed:\n${out.stderr}`);
    return JSON.parse(out.stdout) as T;
  };
  const quick = values.quick === true;
  const plan: [Members, number, number][] = [];
  for (const runs of quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    for (const workers of [1, 2]) plan.push(['fyrbodal', runs, workers]);
  }
  if (!quick) plan.push(['all', 10_000, 2]);

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const cores = cpus().length;
  const fmt = (x: number, digits = 0) =>
    x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  console.log(`Engine benchmark — ${cores} cores (${cpu}), node ${process.version}${quick ? ', --quick' : ''}`);
  console.log('(wall times; other processes on the machine, e.g. a concurrent test run, make them noisy)');
  const header = `${'scenario'.padEnd(18)}${'members'.padStart(8)}${'runs'.padStart(9)}${'workers'.padStart(9)}${'wall time'.padStart(11)}${'runs/s'.padStart(9)}${'cell updates/s'.padStart(16)}${'peak RSS'.padStart(10)}`;
  console.log(header);
  const cases: Case[] = [];
  for (const [members, runs, workers] of plan) {
    const c = child<Case>([
      '--child',
      'run',
      '--members',
      members,
      '--runs',
      String(runs),
      '--workers',
      String(workers),
    ]);
    cases.push(c);
    console.log(
      `${c.label.padEnd(18)}${String(c.members).padStart(8)}${fmt(c.runs).padStart(9)}${String(c.workers).padStart(9)}${`${fmt(c.seconds, 2)} s`.padStart(11)}${fmt(c.runsPerSecond).padStart(9)}${`${fmt(c.cellUpdatesPerSecond / 1e6, 1)} M`.padStart(16)}${`${fmt(c.peakRssMb)} MB`.padStart(10)}`,
    );
  }
  const first = cases[0];
  console.log(
    `cell updates = runs × members × capabilities × years × enabled paths (fyrbodal: ${first.members} × ${first.capabilities} × ${first.years} × ${first.paths} = ${fmt(first.members * first.capabilities * first.years * first.paths)} per run)`,
  );
  for (const runs of [1_000, 10_000, 100_000]) {
    const one = cases.find((c) => c.label === 'fyrbodal' && c.runs === runs && c.workers === 1);
    const two = cases.find((c) => c.label === 'fyrbodal' && c.runs === runs && c.workers === 2);
    if (one && two)
      console.log(`speed-up with 2 workers at ${fmt(runs)} runs: ${(one.seconds / two.seconds).toFixed(2)}×`);
  }
  console.log('targets: ≤ 1 s with 2 workers at 10 000 runs (fyrbodal), peak RSS ≤ 200 MB');

  const split = child<Split>(['--child', 'split', '--runs', '10000']);
  console.log('');
  console.log(
    `In one thread, fyrbodal, ${fmt(split.runs)} runs in chunks of ${split.chunkRuns} (runInThreads with 0 workers):`,
  );
  console.log(
    `  simulation (Simulator.simulateChunk)        ${fmt(split.simulationSeconds, 2).padStart(7)} s  ${fmt((split.simulationSeconds * 1e6) / split.runs).padStart(6)} µs/run  ${(100 * split.simulationShare).toFixed(0)} %`,
  );
  console.log(
    `  summary (Accumulator.add + summarize)       ${fmt(split.summarySeconds, 2).padStart(7)} s  (add ${fmt(split.addSeconds, 2)} s, summarize ${fmt(split.summarizeSeconds, 2)} s)`,
  );

  const reference = child<ReferenceResult>(['--child', 'reference']);
  const efficiency = split.engineNsPerPathYear / reference.nsPerPathYear;
  const cpuEfficiency = split.engineCpuNsPerPathYear / reference.cpuNsPerPathYear;
  console.log('');
  const cells = reference.cellsPerPathYear;
  console.log(
    `Per path-year (${reference.members} members × ${reference.capabilities} capabilities = ${cells} cells):`,
  );
  console.log(
    `${''.padEnd(46)}${'wall ns'.padStart(9)}${'ns/cell'.padStart(9)}${'CPU ns'.padStart(9)}${'ns/cell'.padStart(9)}`,
  );
  const line = (label: string, wall: number, cpu: number) =>
    console.log(
      `  ${label.padEnd(44)}${fmt(wall).padStart(9)}${fmt(wall / cells, 2).padStart(9)}${fmt(cpu).padStart(9)}${fmt(cpu / cells, 2).padStart(9)}`,
    );
  line('reference kernel (bench/reference-kernel.ts)', reference.nsPerPathYear, reference.cpuNsPerPathYear);
  line('engine: simulation / (runs × paths × years)', split.engineNsPerPathYear, split.engineCpuNsPerPathYear);
  console.log(
    `  efficiency engine / reference: ${efficiency.toFixed(1)}× by wall time, ${cpuEfficiency.toFixed(1)}× by process CPU time (kernel: median of ${reference.batches} batches × ${fmt(reference.repetitions)} path-years)`,
  );

  console.log('');
  console.log('Runs to a stable answer (P10/P50/P90 within ±0.5 % of status quo, P(cheaper) within ±1 pp, 95 %),');
  console.log('in one thread, 100 runs at a time; errors as a share of their tolerance at that point (≤ 1 is stable);');
  console.log('mc: independent runs, iid intervals; rqmc: 10 scrambled Sobol replicates, error from their spread:');
  const presets = [
    'scenarios/fyrbodal.json',
    'scenarios/dalsland.json',
    'scenarios/sml-it.json',
    'scenarios/trestad.json',
  ];
  const stability: StabilityCase[] = [];
  for (const file of quick ? presets : [...presets, 'vg']) {
    const pair: StabilityCase[] = [];
    for (const sampling of ['mc', 'rqmc'] as const) {
      const c = child<StabilityCase>([
        '--child',
        'stability',
        '--members',
        file,
        '--runs',
        '0',
        '--sampling',
        sampling,
      ]);
      stability.push(c);
      pair.push(c);
      const worst = c.paths.map((p) => `${p.path} ${p.quantile.toFixed(2)}/${p.probability.toFixed(2)}`).join(', ');
      console.log(
        `  ${(sampling === 'mc' ? c.label : '').padEnd(22)}${(sampling === 'mc' ? `${c.members}` : '').padStart(4)}${sampling === 'mc' ? ' members' : '        '}  ${sampling.padEnd(5)}${(c.stableAt === null ? `not stable at ${fmt(c.runsSimulated)}` : `stable at ${fmt(c.stableAt)}`).padEnd(22)}${fmt(c.seconds, 1).padStart(6)} s   ${worst}`,
      );
    }
    const [mc, rq] = pair;
    if (mc.stableAt !== null && rq.stableAt !== null)
      console.log(
        `${''.padEnd(36)}rqmc: ${(mc.stableAt / rq.stableAt).toFixed(1)}× fewer runs, ${(mc.seconds / rq.seconds).toFixed(1)}× less time`,
      );
  }

  const file = new URL('bench/results.json', root);
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        ...previous,
        date: new Date().toISOString(),
        cpu,
        cores,
        node: process.version,
        quick,
        engine: cases,
        split,
        reference,
        efficiency: { wall: efficiency, cpu: cpuEfficiency },
        stability,
      },
      null,
      2,
    )}\n`,
  );
}
