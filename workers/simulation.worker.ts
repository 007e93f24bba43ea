/** Web Worker glue: adapts the engine's Simulator to Comlink. No logic here. */
import { expose, transfer } from 'comlink';
import { type ChunkResult, loadModel, Simulator } from '../src/engine/index.js';

let data: [unknown, unknown] | undefined;
let simulator: Simulator | undefined;
/** The run the loaded model belongs to: requests for any other run are refused (they are stale). */
let loadedRun = -1;

const buffers = (c: ChunkResult) =>
  [c.totals, c.memberRuns, c.blockSums, c.groupSums, c.draws].map((a) => a.buffer as ArrayBuffer);

const api = {
  setData(municipalities: unknown, capabilities: unknown): void {
    data = [municipalities, capabilities];
  },
  load(scenario: unknown, run: number): void {
    if (!data) throw new Error('data not set');
    const model = loadModel(scenario, ...data);
    if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    simulator = new Simulator(model.value);
    loadedRun = run;
  },
  run(runStart: number, runCount: number, run: number): ChunkResult | null {
    if (run !== loadedRun) return null;
    if (!simulator) throw new Error('no scenario loaded');
    const chunk = simulator.simulateChunk(runStart, runCount);
    return transfer(chunk, buffers(chunk));
  },
};

export type SimulationApi = typeof api;
expose(api);
