/**
 * The app's Web Workers as module workers, bundled by Vite (dev and build) and served by the test runner.
 * The single-file build starts inlined copies instead (src/platform.single.ts), and needs a line for each.
 */
import type { WorkerFactory } from './comlink.js';

export const moduleWorkers: WorkerFactory = {
  simulation: () =>
    new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
  aggregate: () =>
    new Worker(new URL('../../workers/aggregate.worker.ts', import.meta.url), { type: 'module', name: 'aggregate' }),
  analysis: () =>
    new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
  coalition: () =>
    new Worker(new URL('../../workers/coalition.worker.ts', import.meta.url), { type: 'module', name: 'coalition' }),
};
