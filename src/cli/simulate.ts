/**
 * Command-line runner: npm run simulate -- scenarios/fyrbodal.json [--runs N] [--seed S] [--workers W] [--out FILE]
 * Runs the same engine as the browser, on Node worker threads, prints a table and optionally writes the
 * full results as JSON (docs/results-format.md). With --find-coalitions it runs the coalition finder
 * instead (coalitions.ts). Exit codes: 0 ok, 1 bad input, 2 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseKommunGeo } from '../data/kommun-geo.js';
import {
  analyseDecision,
  type Capability,
  decisiveInputs,
  findThresholds,
  loadModel,
  type Municipality,
  PATH_IDS,
  type Results,
  type Scenario,
} from '../engine/index.js';
import { coalitionOptions, findByCounty, findInProcess, formatCoalitions } from './coalitions.js';
import { formatTable } from './format-table.js';
import { collectInThreads } from './run-threads.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`Cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 1);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${what} ${path} is not valid JSON: ${(error as Error).message}`, 1);
  }
}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be an integer from ${min} to ${max}, got "${value}"`, 2);
  return n;
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  const options = {
    runs: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    municipalities: { type: 'string' },
    capabilities: { type: 'string' },
    quick: { type: 'boolean' },
    'threshold-runs': { type: 'string' },
    'find-coalitions': { type: 'boolean' },
    'max-group-size': { type: 'string' },
    neighbours: { type: 'string' },
    'must-join': { type: 'string' },
    exclude: { type: 'string' },
    forms: { type: 'string' },
    'screening-runs': { type: 'string' },
    'refine-runs': { type: 'string' },
    'keep-capacity': { type: 'boolean' },
    keys: { type: 'boolean' },
    'fixed-share': { type: 'string' },
    'by-county': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  try {
    parsed = parseArgs({ allowPositionals: true, options });
  } catch (error) {
    fail(
      `${(error as Error).message}\nUsage: npm run simulate -- SCENARIO.json [--runs N] [--seed S] [--workers W] [--out FILE]`,
      2,
    );
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    fail(
      [
        'Usage: npm run simulate -- SCENARIO.json [--runs N] [--seed S] [--workers W] [--out FILE] [--municipalities FILE] [--capabilities FILE] [--threshold-runs N] [--quick]',
        '  --quick: skip the decision analysis (thresholds, cost against capacity, value of information)',
        'Coalition finder: npm run simulate -- SCENARIO.json --find-coalitions [--forms samverkan,asymmetrisk] [--max-group-size N]',
        '  [--neighbours any|county|adjacent] [--must-join CODES] [--exclude CODES] [--keep-capacity] [--screening-runs N]',
        '  [--refine-runs N] [--keys] [--fixed-share X] [--by-county] [--workers W] [--out FILE]',
        '  --keys: the cost-sharing keys for each group of the best grouping; --by-county: one search per county, in parallel processes',
      ].join('\n'),
      values.help ? 0 : 2,
    );
  }
  const scenario = readJson(positionals[0], 'scenario') as Record<string, unknown>;
  const runs = integerOption(values.runs as string | undefined, 'runs', 1, 1_000_000);
  const seed = integerOption(values.seed as string | undefined, 'seed', 0, 4294967295);
  const workers =
    integerOption(values.workers as string | undefined, 'workers', 0, 64) ?? Math.min(4, availableParallelism());
  if (scenario && typeof scenario === 'object' && !Array.isArray(scenario)) {
    if (runs !== undefined) scenario.runs = runs;
    if (seed !== undefined) scenario.seed = seed;
  }
  const municipalities = readJson(
    (values.municipalities as string) ?? resolve(root, 'public/data/municipalities.json'),
    'municipalities',
  );
  const capabilities = readJson(
    (values.capabilities as string) ?? resolve(root, 'public/data/capabilities.json'),
    'capabilities',
  );
  const model = loadModel(scenario, municipalities, capabilities);
  if (!model.ok) {
    const lines = model.issues.slice(0, 30).map((i) => `  ${i.path}: ${i.message}`);
    const more = model.issues.length > 30 ? [`  … and ${model.issues.length - 30} more`] : [];
    fail(['Invalid input:', ...lines, ...more].join('\n'), 1);
  }
  if (values['find-coalitions']) {
    await coalitions(values, positionals[0], model.value.scenario, municipalities, capabilities, workers);
    return;
  }
  const thresholdRuns =
    integerOption(values['threshold-runs'] as string | undefined, 'threshold-runs', 10, 100_000) ?? 200;
  const started = performance.now();
  const accumulator = await collectInThreads(model.value, [scenario, municipalities, capabilities], workers);
  const results: Results = accumulator.summarize();
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${results.runsDone} runs on ${workers || 'no'} worker thread(s) in ${seconds.toFixed(2)} s\n`);
  // how many of these runs the answer needed (src/engine/stability.ts)
  const stableAt = results.stability?.stableAt ?? null;
  process.stderr.write(
    stableAt === null ? 'Not yet a stable answer: run more\n' : `Stable answer after ${stableAt} runs\n`,
  );
  if (!values.quick) {
    const analysing = performance.now();
    results.decision = analyseDecision(accumulator);
    results.thresholds = findThresholds(
      model.value,
      decisiveInputs(results),
      Math.min(thresholdRuns, results.runsDone),
    );
    process.stderr.write(`Decision analysis in ${((performance.now() - analysing) / 1000).toFixed(2)} s\n`);
  }
  process.stdout.write(formatTable(results));
  if (values.out) {
    writeFileSync(values.out as string, `${JSON.stringify(results)}\n`);
    process.stderr.write(`Full results (${PATH_IDS.length} paths) written to ${values.out}\n`);
  }
}

/** The coalition finder (coalitions.ts): one search, or one per county in parallel processes. */
async function coalitions(
  values: Record<string, unknown>,
  path: string,
  scenario: Scenario,
  municipalities: unknown,
  capabilities: unknown,
  workers: number,
): Promise<void> {
  const options = coalitionOptions(values);
  if (typeof options === 'string') fail(options, 2);
  const geo = parseKommunGeo(readJson(resolve(root, 'public/data/kommun-geo.json'), 'kommun-geo'));
  if (!geo.ok) fail(`public/data/kommun-geo.json: ${geo.issues[0].message}`, 1);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const out = values.out as string | undefined;
  if (values['by-county']) {
    // pass on every finder option, not --by-county, --out or --workers
    const passOn = process.argv
      .slice(process.argv.indexOf(path) + 1)
      .filter(
        (a, i, all) =>
          !['--by-county', '--out', '--workers'].includes(a) && !['--out', '--workers'].includes(all[i - 1]),
      );
    const started = performance.now();
    const byCounty = await findByCounty(path, scenario, municipalities as Municipality[], passOn, workers || 1, log);
    for (const report of Object.values(byCounty))
      process.stdout.write(`\n${report.scenario}\n${formatCoalitions(report)}`);
    log(`${Object.keys(byCounty).length} counties in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (out) writeFileSync(out, `${JSON.stringify({ byCounty })}\n`);
    return;
  }
  const report = await findInProcess(
    scenario,
    municipalities as Municipality[],
    capabilities as Capability[],
    geo.value,
    options,
    log,
  );
  log(`Coalition finder in ${report.seconds.toFixed(1)} s`);
  process.stdout.write(formatCoalitions(report));
  if (out) writeFileSync(out, `${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => fail(`Simulation failed: ${(error as Error).message}`, 1));
