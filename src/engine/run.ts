import { type PreparedModel, prepareModel } from './model.js';
import {
  type Capability,
  type Issue,
  type Municipality,
  parseCapabilities,
  parseMunicipalities,
  parseScenario,
  type Result,
} from './schema.js';
import { BLOCK_RUNS, type ChunkResult, Simulator } from './simulate.js';
import { Accumulator, type Results } from './summarize.js';

/** A contiguous range of runs: the unit of work handed to a thread. */
export interface RunRange {
  runStart: number;
  runCount: number;
}

/**
 * Split runs [from, runs) into ranges of about `chunkRuns` runs, aligned to BLOCK_RUNS so that any
 * split gives identical results. The first `smallFirst` ranges are a single block each, so that several
 * threads all deliver a first result early. `from` must be a multiple of BLOCK_RUNS.
 */
export function splitRuns(runs: number, chunkRuns: number, from = 0, smallFirst = 0): RunRange[] {
  if (from % BLOCK_RUNS !== 0) throw new RangeError(`from ${from} is not a multiple of ${BLOCK_RUNS}`);
  const size = Math.max(BLOCK_RUNS, Math.round(chunkRuns / BLOCK_RUNS) * BLOCK_RUNS);
  const ranges: RunRange[] = [];
  for (let start = from; start < runs; ) {
    const step = ranges.length < smallFirst ? BLOCK_RUNS : size;
    ranges.push({ runStart: start, runCount: Math.min(step, runs - start) });
    start += step;
  }
  return ranges;
}

/**
 * Validated data files, by the identity of the raw value: the app and each worker load a new scenario
 * against the same (never mutated) municipality and capability data many times, and validating 290
 * profiles each time cost ≈ 30 ms of a 35 ms load. Raw inputs must not be mutated after loading.
 */
const validated = new WeakMap<object, Result<unknown>>();

function once<T>(raw: unknown, parse: (raw: unknown) => Result<T>): Result<T> {
  if (typeof raw !== 'object' || raw === null) return parse(raw);
  let result = validated.get(raw) as Result<T> | undefined;
  if (!result) {
    result = parse(raw);
    validated.set(raw, result);
  }
  return result;
}

/**
 * Validate raw inputs (a parsed scenario file and the two data files) and resolve them into a model.
 * Issues from each input are prefixed with its name, e.g. `scenario.paths.asymmetrisk.host`.
 */
export function loadModel(scenario: unknown, municipalities: unknown, capabilities: unknown): Result<PreparedModel> {
  const issues: Issue[] = [];
  const prefix = (name: string, found: Issue[]) =>
    found.map((i) => ({ path: i.path === '(root)' ? name : `${name}.${i.path}`, message: i.message }));
  const s = parseScenario(scenario);
  const m = once(municipalities, parseMunicipalities);
  const c = once(capabilities, parseCapabilities);
  if (!s.ok) issues.push(...prefix('scenario', s.issues));
  if (!m.ok) issues.push(...prefix('municipalities', m.issues));
  if (!c.ok) issues.push(...prefix('capabilities', c.issues));
  if (!s.ok || !m.ok || !c.ok) return { ok: false, issues };
  // profiles carried by the scenario (imported data) replace the embedded ones with the same code
  const carried = new Map((s.value.profiles ?? []).map((p) => [p.code, p]));
  const municipalityList = (m.value as Municipality[]).map((x) => carried.get(x.code) ?? x);
  const ownCapabilities = new Map((s.value.capabilities ?? []).map((x) => [x.id, x]));
  const capabilityList = (c.value as Capability[]).map((x) => ownCapabilities.get(x.id) ?? x);
  const model = prepareModel(s.value, municipalityList, capabilityList);
  return model.ok ? model : { ok: false, issues: prefix('scenario', model.issues) };
}

/** Run every run of a model in this thread and summarise. For tests and small scenarios. */
export function simulateAll(model: PreparedModel, runs = model.scenario.runs): Results {
  const simulator = new Simulator(model);
  const acc = new Accumulator(model, runs);
  for (const range of splitRuns(runs, 1000)) acc.add(simulator.simulateChunk(range.runStart, range.runCount));
  return acc.summarize();
}

export type { ChunkResult };
