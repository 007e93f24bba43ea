/** Web Worker glue: serves the aggregator's API (src/runner/apis.ts) over Comlink. No logic here. */
import { createAggregateApi } from '../src/runner/apis.js';
import { expose } from '../src/runner/comlink.js';

expose(createAggregateApi());
