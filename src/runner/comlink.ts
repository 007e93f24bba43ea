/**
 * Endpoints over Web Workers (Comlink), for the app: both sides of the wire, since the workers expose
 * their API with `expose` from here. A chunk of runs passed either way has its buffers transferred (the
 * list is in endpoint.ts). Which worker scripts to start is the platform's (module-workers.ts,
 * src/platform.single.ts); what the workers do is apis.ts.
 */
import { expose as exposeOnWire, proxy, type TransferHandler, transferHandlers, wrap } from 'comlink';
import type { ChunkResult } from '../engine/index.js';
import type { AggregateApi, AnalysisApi, CoalitionApi, SimulationApi } from './apis.js';
import { Alarm, chunkBuffers, type Endpoint, type EndpointFactory, isChunk, type Promisified } from './endpoint.js';

// registered on both sides: this module is loaded by the page and by every worker
transferHandlers.set('chunk', {
  canHandle: isChunk,
  serialize: (chunk) => [chunk, chunkBuffers(chunk)],
  deserialize: (chunk) => chunk,
} satisfies TransferHandler<ChunkResult, ChunkResult>);

/** Serve an API (from apis.ts) to the page that started this worker. */
export function expose(api: object): void {
  exposeOnWire(api);
}

/** Starts the Web Workers of a pool. */
export interface WorkerFactory {
  simulation(): Worker;
  aggregate(): Worker;
  /** The worker that searches thresholds (re-runs with an input pinned); optional. */
  analysis?(): Worker;
  /** A worker that simulates groups for the coalition finder; optional. */
  coalition?(): Worker;
}

/** An alarm raised when the worker reports an error (a crash, or a script that fails to load). */
function brokenAlarm(worker: Worker): Alarm {
  const broken = new Alarm();
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken.raise(new Error(`worker error: ${event.message || 'script failed'}`));
  });
  return broken;
}

/** A Web Worker as an endpoint: its Comlink proxy, its errors, and callbacks passed as Comlink proxies. */
export function workerEndpoint<Api>(worker: Worker): Endpoint<Api> {
  return {
    api: wrap<Api>(worker) as unknown as Promisified<Api>,
    broken: brokenAlarm(worker),
    terminate: () => worker.terminate(),
    callback: proxy,
  };
}

/** The endpoints of a pool of the given Web Workers. */
export function workerEndpoints(workers: WorkerFactory): EndpointFactory {
  const analysis = workers.analysis?.bind(workers);
  const coalition = workers.coalition?.bind(workers);
  return {
    simulation: () => workerEndpoint<SimulationApi>(workers.simulation()),
    aggregate: () => workerEndpoint<AggregateApi>(workers.aggregate()),
    ...(analysis && { analysis: () => workerEndpoint<AnalysisApi>(analysis()) }),
    ...(coalition && { coalition: () => workerEndpoint<CoalitionApi>(coalition()) }),
  };
}
