/** Web Worker glue: collects chunks in an Accumulator and summarises off the main thread. No logic here. */
import { expose } from 'comlink';
import { Accumulator, type ChunkResult, loadModel, type Results } from '../src/engine/index.js';

let data: [unknown, unknown] | undefined;
let accumulator: Accumulator | undefined;

const api = {
  setData(municipalities: unknown, capabilities: unknown): void {
    data = [municipalities, capabilities];
  },
  start(scenario: unknown, runs: number): void {
    if (!data) throw new Error('data not set');
    const model = loadModel(scenario, ...data);
    if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    accumulator = new Accumulator(model.value, runs);
  },
  add(chunk: ChunkResult): number {
    if (!accumulator) throw new Error('not started');
    accumulator.add(chunk);
    return accumulator.runsDone;
  },
  summarize(): Results {
    if (!accumulator) throw new Error('not started');
    return accumulator.summarize();
  },
};

export type AggregateApi = typeof api;
expose(api);
