/**
 * Does randomised quasi-Monte Carlo help this model? (issue #20) npx tsx bench/rqmc.bench.ts [options]
 *
 * For one scenario (default scenarios/fyrbodal.json), `--seeds` scenario seeds are each run for `--runs`
 * runs twice: with plain Monte Carlo (sampling 'mc', the default) and with scrambled Sobol inputs
 * (sampling 'rqmc', src/engine/sobol.ts). At checkpoints n (the first n runs of each), every path's answer
 * — mean, P10, P50 and P90 of the net effect against status quo, and P(cheaper) — is computed per seed,
 * and its spread across seeds is the Monte Carlo error of that method at n runs (no iid formula needed).
 * A long plain run (`--reference` runs, its own seed) gives the bias check.
 *
 * Printed per path and quantity: the standard deviation across seeds, as a share of the stability tolerance
 * (src/engine/stability.ts: ±0.5 % of status quo's PV cost, ±1 pp), for mc and rqmc; their variance ratio;
 * and the runs at which 1.96 × that deviation reaches the tolerance (mc: scaled by 1/√n from the largest n;
 * rqmc: the first checkpoint that meets it, or ">" the largest).
 * Options: --scenario FILE, --seeds 30, --runs 10000, --reference 100000 (0: none), --quick (10 seeds,
 * 5 000 runs, no reference). Each method runs in its own child process (2 at a time).
 *
 * With --stop (and --seeds 20, --reference 100000): the stopping rule itself. Per seed, runs 100 at a time
 * until stable (as the app with stopWhenStable, at most 20 000): where each method stopped, and how many of
 * the answers there (P10/P50/P90, P(cheaper) of each path) lie beyond the tolerance from the reference.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { quantileSorted } from 'simple-statistics';
import {
  Accumulator,
  BLOCK_RUNS,
  isCheaper,
  loadModel,
  npvVsStatusQuo,
  PATH_IDS,
  PROBABILITY_TOLERANCE,
  presentValue,
  QUANTILE_TOLERANCE,
  RQMC_REPLICATES,
  Simulator,
  STABILITY_Z,
} from '../src/engine/index.js';

const root = new URL('..', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const P = PATH_IDS.length;
const QUANTITIES = ['mean', 'p10', 'p50', 'p90', 'pCheaper'] as const;
type Quantity = (typeof QUANTITIES)[number];
const CHECKPOINTS = [1_000, 1_024, 2_500, 4_096, 5_000, 8_192, 10_000, 16_384, 20_000, 32_768, 50_000, 100_000];

/** Per path: the answer's quantities; and status quo's mean PV cost (the quantile tolerance's scale). */
interface Answer {
  scale: number;
  paths: Record<string, Record<Quantity, number>>;
}

/** The runs' net effect per path and status quo's PV, run by run, for runs [0, runs) of one seed. */
function simulate(file: string, seed: number, sampling: 'mc' | 'rqmc', runs: number) {
  const scenario = { ...read(file), runs, seed, sampling };
  const model = loadModel(scenario, read('public/data/municipalities.json'), read('public/data/capabilities.json'));
  if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const T = model.value.years.length;
  const rate = model.value.scenario.discountRate;
  const enabled = PATH_IDS.map((p) => p !== 'status-quo' && model.value.enabled[PATH_IDS.indexOf(p)]);
  const simulator = new Simulator(model.value);
  const npv = PATH_IDS.map(() => new Float64Array(runs));
  const sq = new Float64Array(runs);
  const chunk = 1_000;
  for (let start = 0; start < runs; start += chunk) {
    const n = Math.min(chunk, runs - start);
    const res = simulator.simulateChunk(start, n);
    // totalCost is total metric 0: totals[((0·P + p)·T + t)·n + r], summed as npvVsStatusQuo sums
    for (let t = 0; t < T; t++) {
      const discount = (1 + rate) ** t;
      for (let r = 0; r < n; r++) {
        const s = res.totals[t * n + r];
        sq[start + r] += s / discount;
        for (let p = 1; p < P; p++)
          if (enabled[p]) npv[p][start + r] += (res.totals[(p * T + t) * n + r] - s) / discount;
      }
    }
  }
  return { npv, sq, enabled };
}

function answer(npv: Float64Array[], sq: Float64Array, enabled: boolean[], n: number): Answer {
  let scale = 0;
  for (let r = 0; r < n; r++) scale += sq[r];
  const paths: Answer['paths'] = {};
  for (let p = 1; p < P; p++) {
    if (!enabled[p]) continue;
    const x = npv[p].subarray(0, n);
    let sum = 0;
    let cheaper = 0;
    for (let r = 0; r < n; r++) {
      sum += x[r];
      if (isCheaper(x[r], sq[r])) cheaper++;
    }
    const sorted = Array.from(x).sort((a, b) => a - b);
    paths[PATH_IDS[p]] = {
      mean: sum / n,
      p10: quantileSorted(sorted, 0.1),
      p50: quantileSorted(sorted, 0.5),
      p90: quantileSorted(sorted, 0.9),
      pCheaper: cheaper / n,
    };
  }
  return { scale: scale / n, paths };
}

/**
 * Child: per seed, runs 100 at a time until the runs from 0 are stable (Accumulator.stableAt, as the app
 * stops with stopWhenStable; at most `most`), and the answer there.
 */
function stopChild(file: string, sampling: 'mc' | 'rqmc', seeds: number[], most: number) {
  return seeds.map((seed) => {
    const scenario = { ...read(file), runs: most, seed, sampling };
    const loaded = loadModel(scenario, read('public/data/municipalities.json'), read('public/data/capabilities.json'));
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const simulator = new Simulator(loaded.value);
    const acc = new Accumulator(loaded.value, most);
    let runs = 0;
    while (runs < most && acc.stableAt() === null) {
      acc.add(simulator.simulateChunk(runs, BLOCK_RUNS));
      runs += BLOCK_RUNS;
    }
    const at = acc.stableAt() ?? runs;
    const view = acc.prefix(at);
    const sq = presentValue(view, 'totalCost', 'status-quo');
    const npv = PATH_IDS.map((p) =>
      p === 'status-quo' || !acc.enabled(p) ? new Float64Array(at) : npvVsStatusQuo(view, p),
    );
    const enabled = PATH_IDS.map((p) => p !== 'status-quo' && acc.enabled(p));
    return { seed, stableAt: acc.stableAt(), answer: answer(npv, sq, enabled, at) };
  });
}

/** Child: answers at every checkpoint ≤ runs, per seed. */
function child(file: string, sampling: 'mc' | 'rqmc', seeds: number[], runs: number) {
  const out: Record<number, Answer[]> = {};
  for (const seed of seeds) {
    const { npv, sq, enabled } = simulate(file, seed, sampling, runs);
    for (const n of CHECKPOINTS.filter((c) => c <= runs)) {
      out[n] = out[n] ?? [];
      out[n].push(answer(npv, sq, enabled, n));
    }
  }
  return out;
}

/** Run this script as a child with `args` and parse what it prints. */
function spawnJson<T>(args: string[]): Promise<T> {
  const self = fileURLToPath(import.meta.url);
  return new Promise<T>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', self, ...args], { cwd: fileURLToPath(root) });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => {
      out += d;
    });
    proc.stderr.on('data', (d) => {
      err += d;
    });
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(err))));
  });
}

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    scenario: { type: 'string', default: 'scenarios/fyrbodal.json' },
    seeds: { type: 'string' },
    runs: { type: 'string' },
    reference: { type: 'string' },
    quick: { type: 'boolean' },
    'seed-list': { type: 'string' },
    stop: { type: 'boolean' },
  },
});

if (values.child) {
  const seeds = (values['seed-list'] as string).split(',').map(Number);
  const [kind, sampling] = (values.child as string).split(':') as ['answers' | 'stop', 'mc' | 'rqmc'];
  const result =
    kind === 'stop'
      ? stopChild(values.scenario as string, sampling, seeds, Number(values.runs))
      : child(values.scenario as string, sampling, seeds, Number(values.runs));
  process.stdout.write(JSON.stringify(result));
} else if (values.stop) {
  // the stopping rule: runs to stable, and how far the answer there is from a long reference
  const file = values.scenario as string;
  const seedCount = Number(values.seeds ?? 20);
  const seeds = Array.from({ length: seedCount }, (_, i) => 1_000 + 7_919 * i);
  const referenceRuns = Number(values.reference ?? 100_000);
  const started = performance.now();
  type Stop = { seed: number; stableAt: number | null; answer: Answer };
  const common = ['--scenario', file, '--runs', '20000', '--seed-list', seeds.join(',')];
  const [mc, rqmc, reference] = await Promise.all([
    spawnJson<Stop[]>(['--child', 'stop:mc', ...common]),
    spawnJson<Stop[]>(['--child', 'stop:rqmc', ...common]),
    spawnJson<Record<number, Answer[]>>([
      '--child',
      'answers:mc',
      '--scenario',
      file,
      '--runs',
      String(referenceRuns),
      '--seed-list',
      '4242',
    ]).then((r) => r[referenceRuns][0]),
  ]);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Stopping at a stable answer — ${file}, ${seedCount} seeds, plain MC (iid intervals) against RQMC (${RQMC_REPLICATES} replicates' spread); reference ${referenceRuns} plain runs (${seconds.toFixed(0)} s)`,
  );
  const tol = (q: Quantity, scale: number) => (q === 'pCheaper' ? PROBABILITY_TOLERANCE : QUANTILE_TOLERANCE * scale);
  for (const [label, stops] of [
    ['mc', mc],
    ['rqmc', rqmc],
  ] as const) {
    const at = stops.map((s) => s.stableAt ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
    let beyond = 0;
    let worst = 0;
    let count = 0;
    for (const s of stops) {
      for (const [path, answer] of Object.entries(s.answer.paths)) {
        for (const q of ['p10', 'p50', 'p90', 'pCheaper'] as const) {
          const e = Math.abs(answer[q] - reference.paths[path][q]) / tol(q, reference.scale);
          worst = Math.max(worst, e);
          count++;
          if (e > 1) beyond++;
        }
      }
    }
    console.log(
      `  ${label.padEnd(5)} stable at: median ${at[Math.floor(at.length / 2)]}, range ${at[0]}–${at.at(-1)} runs; answers beyond ±tolerance of the reference: ${beyond} of ${count} (worst ${worst.toFixed(2)} × tolerance)`,
    );
  }
  console.log(
    `  (the reference's own error is about ${(1 / Math.sqrt(referenceRuns / 10_000)).toFixed(2)} × a 10 000-run answer's: at ±1 tolerance it adds to the spread)`,
  );
} else {
  const quick = values.quick === true;
  const seedCount = Number(values.seeds ?? (quick ? 10 : 30));
  const runs = Number(values.runs ?? (quick ? 5_000 : 10_000));
  const referenceRuns = Number(values.reference ?? (quick ? 0 : 100_000));
  const file = values.scenario as string;
  // seeds unrelated to each other and to the reference's
  const seeds = Array.from({ length: seedCount }, (_, i) => 1_000 + 7_919 * i);
  const run = spawnJson;
  const started = performance.now();
  const common = ['--scenario', file, '--runs', String(runs), '--seed-list', seeds.join(',')];
  const [mc, rqmc] = await Promise.all([
    run<Record<number, Answer[]>>(['--child', 'answers:mc', ...common]),
    run<Record<number, Answer[]>>(['--child', 'answers:rqmc', ...common]),
  ]);
  const reference =
    referenceRuns > 0
      ? (
          await run<Record<number, Answer[]>>([
            '--child',
            'answers:mc',
            '--scenario',
            file,
            '--runs',
            String(referenceRuns),
            '--seed-list',
            '4242',
          ])
        )[referenceRuns][0]
      : null;
  const seconds = (performance.now() - started) / 1000;

  const sd = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  };
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const checkpoints = CHECKPOINTS.filter((c) => c <= runs);
  const scale = avg(mc[checkpoints.at(-1) as number].map((a) => a.scale));
  const tolerance = (q: Quantity) => (q === 'pCheaper' ? PROBABILITY_TOLERANCE : QUANTILE_TOLERANCE * scale);
  const paths = Object.keys(mc[checkpoints[0]][0].paths);
  const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  console.log(
    `RQMC (scrambled Sobol inputs) against plain MC — ${file}, ${seedCount} seeds × up to ${runs} runs each${reference ? `, reference ${referenceRuns} plain runs` : ''} (${seconds.toFixed(0)} s)`,
  );
  console.log(
    `sd = standard deviation across seeds as a share of the tolerance (quantities: ±${QUANTILE_TOLERANCE * 100} % of status quo PV ${(scale / 1e6).toFixed(0)} MSEK; P(cheaper): ±${PROBABILITY_TOLERANCE * 100} pp)`,
  );
  const report: Record<string, unknown>[] = [];
  for (const path of paths) {
    console.log(`\n${path}`);
    console.log(
      `${'quantity'.padEnd(10)}${checkpoints.map((n) => `${n}`.padStart(20)).join('')}   runs to ±tol (1.96 sd): mc / rqmc`,
    );
    console.log(`${''.padEnd(10)}${checkpoints.map(() => 'sd mc/rqmc ratio'.padStart(20)).join('')}`);
    for (const q of QUANTITIES) {
      const cells: string[] = [];
      const sdMc: number[] = [];
      const sdRq: number[] = [];
      for (const n of checkpoints) {
        const a = sd(mc[n].map((x) => x.paths[path][q])) / tolerance(q);
        const b = sd(rqmc[n].map((x) => x.paths[path][q])) / tolerance(q);
        sdMc.push(a);
        sdRq.push(b);
        cells.push(`${fmt(a, 3)}/${fmt(b, 3)} ${fmt((a / b) ** 2, 1)}`.padStart(20));
      }
      // mc: n·(z·sd)² from the largest checkpoint; rqmc: first checkpoint with z·sd ≤ 1 (interpolated in log-log)
      const last = checkpoints.length - 1;
      const mcRuns = checkpoints[last] * (STABILITY_Z * sdMc[last]) ** 2;
      let rqRuns = Number.POSITIVE_INFINITY;
      for (let i = 0; i < checkpoints.length; i++) {
        if (STABILITY_Z * sdRq[i] <= 1) {
          if (i === 0) rqRuns = checkpoints[0];
          else {
            const [x0, x1] = [Math.log(checkpoints[i - 1]), Math.log(checkpoints[i])];
            const [y0, y1] = [Math.log(STABILITY_Z * sdRq[i - 1]), Math.log(STABILITY_Z * sdRq[i])];
            rqRuns = y0 <= 0 ? checkpoints[i - 1] : Math.exp(x0 + ((0 - y0) * (x1 - x0)) / (y1 - y0));
          }
          break;
        }
      }
      console.log(
        `${q.padEnd(10)}${cells.join('')}   ${fmt(mcRuns, 0)} / ${Number.isFinite(rqRuns) ? fmt(rqRuns, 0) : `> ${checkpoints[last]}`}`,
      );
      let bias: { mc: number; rqmc: number } | null = null;
      if (reference) {
        const ref = reference.paths[path][q];
        bias = {
          mc: (avg(mc[checkpoints[last]].map((x) => x.paths[path][q])) - ref) / tolerance(q),
          rqmc: (avg(rqmc[checkpoints[last]].map((x) => x.paths[path][q])) - ref) / tolerance(q),
        };
      }
      report.push({ path, quantity: q, checkpoints, sdMc, sdRq, mcRuns, rqRuns, bias });
    }
    if (reference) {
      const line = QUANTITIES.map((q) => {
        const r = report.find((x) => x.path === path && x.quantity === q) as { bias: { mc: number; rqmc: number } };
        return `${q} ${fmt(r.bias.mc, 3)}/${fmt(r.bias.rqmc, 3)}`;
      }).join(', ');
      console.log(
        `  mean over seeds at ${checkpoints.at(-1)} − reference, as a share of the tolerance (mc/rqmc): ${line}`,
      );
    }
  }
  if (reference) {
    console.log(
      `\n(reference: one plain run of ${referenceRuns}: its own error is 1/√${referenceRuns / runs} ≈ ${fmt(Math.sqrt(runs / referenceRuns), 2)} of a single ${runs}-run seed's sd)`,
    );
  }
  process.stdout.write('');
  if (process.env.RQMC_JSON) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.RQMC_JSON, JSON.stringify({ file, seeds, runs, referenceRuns, reference, report }));
  }
}
