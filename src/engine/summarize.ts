/**
 * Where the results' names used to live, kept so that existing imports still work. New code imports from
 * the module that holds the idea: results.ts (the Results types), accumulator.ts (collecting runs and
 * summarising them), statistics.ts (describe, isCheaper, breakEven), audit.ts (the per-run table) and
 * npv.ts (present values against status quo).
 */
export { Accumulator } from './accumulator.js';
export * from './results.js';
export { CHEAPER_TOLERANCE, describe, isCheaper } from './statistics.js';
