/**
 * Runs the default scenario's engine for N runs (argument, a multiple of 100) and nothing else, for
 * counting instructions under valgrind (docs/performance.md, "The model-integrity revision"): the
 * difference between two counts divided by the difference in runs is the engine's cost per run,
 * independent of the machine's load. Reports nothing itself.
 */
import { readFileSync } from 'node:fs';
import { loadModel, Simulator } from '../src/engine/index.js';

const runs = Number(process.argv[2] ?? 200);
// paths from the working directory: run from the repository's root (the bundle lives elsewhere)
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const model = loadModel(
  read('scenarios/fyrbodal.json'),
  read('public/data/municipalities.json'),
  read('public/data/capabilities.json'),
);
if (!model.ok) throw new Error(JSON.stringify(model.issues));
const simulator = new Simulator(model.value);
let check = 0;
for (let r = 0; r < runs; r += 100) check += simulator.simulateChunk(r, 100).totals[0];
console.log(`${runs} runs, first total ${check > 0 ? 'positive' : 'not positive'}`);
