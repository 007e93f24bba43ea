/**
 * Node worker-thread glue for the CLI and the benchmark: adapts the engine to worker_threads messages.
 * Holds no logic: the first message loads the model, each later one simulates a range of runs.
 */
import { parentPort } from 'node:worker_threads';
import { loadModel, type PreparedModel, Simulator } from '../src/engine/index.js';
import { chunkBuffers } from '../src/runner/endpoint.js';

let simulator: Simulator | undefined;

parentPort?.on('message', (message: { load?: [unknown, unknown, unknown]; runStart?: number; runCount?: number }) => {
  if (message.load) {
    const model = loadModel(...message.load);
    if (!model.ok) throw new Error(JSON.stringify(model.issues));
    simulator = new Simulator(model.value as PreparedModel);
    parentPort?.postMessage({ loaded: true });
    return;
  }
  if (!simulator || message.runStart === undefined || message.runCount === undefined) return;
  const chunk = simulator.simulateChunk(message.runStart, message.runCount);
  parentPort?.postMessage({ chunk }, chunkBuffers(chunk));
});
