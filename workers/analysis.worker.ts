/** Web Worker glue: serves the threshold search's API (src/runner/apis.ts) over Comlink. No logic here. */
import { createAnalysisApi } from '../src/runner/apis.js';
import { expose } from '../src/runner/comlink.js';

expose(createAnalysisApi());
