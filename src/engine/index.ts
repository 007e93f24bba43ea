/**
 * The engine's public surface. Pure TypeScript: no DOM, Lit or Comlink, so the same code runs in
 * Node (CLI, tests), in Web Workers and in the browser.
 */
export * from './accumulator.js';
export * from './assumptions.js';
export * from './audit.js';
export * from './copula.js';
export * from './decision.js';
export * from './distributions/index.js';
export * from './model.js';
export * from './npv.js';
export * from './results.js';
export * from './rng.js';
export * from './run.js';
export * from './schema.js';
export * from './sensitivity.js';
export * from './simulate.js';
export * from './sobol.js';
export * from './stability.js';
export * from './statistics.js';
export * from './steps.js';
export * from './swing.js';
export * from './systems.js';
export * from './thresholds.js';
