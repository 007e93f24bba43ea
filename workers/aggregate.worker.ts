/** Web Worker glue: collects chunks in an Accumulator and summarises off the main thread. No logic here. */
import { expose } from 'comlink';
import {
  Accumulator,
  type AssumptionId,
  type ChunkResult,
  loadModel,
  oneAtATime,
  type PreparedModel,
  type Results,
  type Swing,
} from '../src/engine/index.js';

let data: [unknown, unknown] | undefined;
let accumulator: Accumulator | undefined;
let prepared: PreparedModel | undefined;
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
    accumulator = new Accumulator(model.value, runs);
    prepared = model.value;
    currentRun = run;
  },
  /** Continue the current collection under a new run token with room for `runs` runs in all. */
  extend(runs: number, previousRun: number, run: number): boolean {
    if (!accumulator || previousRun !== currentRun) return false;
    accumulator.grow(runs);
    currentRun = run;
    return true;
  },
  add(chunk: ChunkResult, run: number): number {
    if (!accumulator) throw new Error('not started');
    if (run !== currentRun) return -1;
    accumulator.add(chunk);
    return accumulator.runsDone;
  },
  runTable(run: number): { columns: string[]; rows: number[][] } | null {
    if (!accumulator || run !== currentRun) return null;
    return accumulator.runTable();
  },
  swings(inputs: AssumptionId[], run: number): Swing[] | null {
    if (!prepared || run !== currentRun) return null;
    return oneAtATime(prepared, inputs);
  },
  summarize(run: number): Results | null {
    if (!accumulator) throw new Error('not started');
    if (run !== currentRun) return null;
    return accumulator.summarize();
  },
};

export type AggregateApi = typeof api;
expose(api);
