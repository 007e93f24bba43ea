/**
 * Every worker of `moduleWorkers` (src/runner/module-workers.ts) needs its line here.
 *
 * `platform.ts` for the single-file build, which opens from a folder (`file://`), where browsers refuse to
 * fetch files or to start workers from files: the workers come inlined (Vite's `?worker&inline`, started
 * from a blob: URL) and the data is part of the bundle.
 */

import capabilities from '../public/data/capabilities.json';
import kommunGeo from '../public/data/kommun-geo.json';
import municipalities from '../public/data/municipalities.json';
import regions from '../public/data/regions.json';
import AggregateWorker from '../workers/aggregate.worker.ts?worker&inline';
import AnalysisWorker from '../workers/analysis.worker.ts?worker&inline';
import CoalitionWorker from '../workers/coalition.worker.ts?worker&inline';
import SimulationWorker from '../workers/simulation.worker.ts?worker&inline';
import type { WorkerFactory } from './runner/comlink.js';

export const appWorkers: WorkerFactory = {
  simulation: () => new SimulationWorker({ name: 'simulation' }),
  aggregate: () => new AggregateWorker({ name: 'aggregate' }),
  analysis: () => new AnalysisWorker({ name: 'analysis' }),
  coalition: () => new CoalitionWorker({ name: 'coalition' }),
};

const DATA: Record<string, unknown> = {
  'municipalities.json': municipalities,
  'capabilities.json': capabilities,
  'regions.json': regions,
  'kommun-geo.json': kommunGeo,
};

/** One of the data files, from the bundle; a copy, as a fetch would give. */
export async function loadDataFile(name: string, _url: URL): Promise<unknown> {
  if (!(name in DATA)) throw new Error(`${name}: not in the single-file build`);
  return structuredClone(DATA[name]);
}
