/** Web Worker glue: collects chunks in an Accumulator and summarises off the main thread. No logic here. */
import { expose } from 'comlink';
import {
  Accumulator,
  type AssumptionId,
  analyseDecision,
  type ChunkResult,
  type DecisionAnalysis,
  loadModel,
  oneAtATime,
  type PreparedModel,
  type Results,
  type Swing,
} from '../src/engine/index.js';

let data: [unknown, unknown] | undefined;
let accumulator: Accumulator | undefined;
let prepared: PreparedModel | undefined;
/**
 * Runs the current run has room for. Its accumulator is made at the first chunk, so that allocating it
 * (≈ 60 MB at 10 000 runs) does not compete for a core with the first worker's first picture.
 */
let room = 0;
/** The run's accumulator, made when first needed. */
function collected(): Accumulator {
  if (!prepared) throw new Error('not started');
  accumulator ??= new Accumulator(prepared, room);
  return accumulator;
}
/** The run being collected: chunks and requests of any other run are stale and ignored. */
let currentRun = -1;

const api = {
  setData(municipalities: unknown, capabilities: unknown): void {
    data = [municipalities, capabilities];
  },
  start(scenario: unknown, runs: number, run: number): void {
    if (!data) throw new Error('data not set');
    const model = loadModel(scenario, ...data);
    if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    accumulator = undefined;
    room = runs;
    prepared = model.value;
    currentRun = run;
  },
  /** Continue the current collection under a new run token with room for `runs` runs in all. */
  extend(runs: number, previousRun: number, run: number): boolean {
    if (!prepared || previousRun !== currentRun) return false;
    collected().grow(runs);
    currentRun = run;
    return true;
  },
  add(chunk: ChunkResult, run: number): number {
    if (run !== currentRun) return -1;
    const into = collected();
    into.add(chunk);
    return into.runsDone;
  },
  runTable(run: number): { columns: string[]; rows: number[][] } | null {
    if (!prepared || run !== currentRun) return null;
    return collected().runTable();
  },
  swings(inputs: AssumptionId[], run: number): Swing[] | null {
    if (!prepared || run !== currentRun) return null;
    return oneAtATime(prepared, inputs);
  },
  /** Cost against capacity, acceptability and value of information from the collected runs. */
  decision(lambda: number, run: number): DecisionAnalysis | null {
    if (!prepared || run !== currentRun || !accumulator || accumulator.runsDone === 0) return null;
    return analyseDecision(accumulator, lambda);
  },
  /** A picture of one chunk alone (a run's first runs, before any block is in): not collected. */
  glance(chunk: ChunkResult, run: number): Results | null {
    if (!prepared || run !== currentRun) return null;
    const alone = new Accumulator(prepared, chunk.runStart + chunk.runCount);
    alone.add(chunk);
    return alone.summarize();
  },
  summarize(run: number): Results | null {
    if (run !== currentRun) return null;
    return collected().summarize();
  },
};

export type AggregateApi = typeof api;
expose(api);
