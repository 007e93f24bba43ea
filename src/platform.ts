/**
 * Where the app gets its Web Workers and its data files. The normal build (and the dev server and tests)
 * use module workers and fetch the data from `public/data/`; the single-file build (`npm run build:single`,
 * which opens from a folder, `file://`) replaces this module with `platform.single.ts` (see vite.config.ts).
 */
import type { WorkerFactory } from './runner/comlink.js';
import { moduleWorkers } from './runner/module-workers.js';

export const appWorkers: WorkerFactory = moduleWorkers;

/** One of the data files (`municipalities.json`, `capabilities.json`, `regions.json`), fetched from `url`. */
export async function loadDataFile(name: string, url: URL): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}
