/** Web Worker glue: serves the coalition game's API (src/runner/apis.ts) over Comlink. No logic here. */
import { createCoalitionApi } from '../src/runner/apis.js';
import { expose } from '../src/runner/comlink.js';

expose(createCoalitionApi());
