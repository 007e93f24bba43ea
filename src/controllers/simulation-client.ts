/**
 * Moved to src/runner/ (the Runner interface and its pool of workers). Only the type `<dm-app>` still
 * imports from here is left, until that import moves too.
 */
export type { WorkerFactory } from '../runner/comlink.js';
