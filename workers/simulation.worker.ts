/** Web Worker glue: serves a simulation worker's API (src/runner/apis.ts) over Comlink. No logic here. */
import { createSimulationApi } from '../src/runner/apis.js';
import { expose } from '../src/runner/comlink.js';

expose(createSimulationApi());
