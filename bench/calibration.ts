/**
 * Calibration report: status quo for all 290 kommuner with every uncertain input at its central value,
 * in the start year. Prints the figures that docs/model.md compares with published ranges, then the
 * size-class table of docs/model.md, "Calibration" (src/calibration/size-classes.ts).
 * Run: npx tsx bench/calibration.ts [capabilities.json]
 */
import { readFileSync } from 'node:fs';
import { calibrateBySize } from '../src/calibration/size-classes.js';
import { renderSizeClassFigure } from '../src/calibration/size-classes-table.js';
import {
  ASSUMPTIONS,
  centralValue,
  loadModel,
  type Municipality,
  PATH_IDS,
  type Scenario,
  simulateAll,
} from '../src/engine/index.js';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../${p}`, import.meta.url), 'utf8'));
const municipalities = read('public/data/municipalities.json') as Municipality[];
const capabilities = process.argv[2]
  ? JSON.parse(readFileSync(process.argv[2], 'utf8'))
  : read('public/data/capabilities.json');
const base = read('scenarios/fyrbodal.json') as Scenario;
const scenario = structuredClone(base);
scenario.members = municipalities.map((m) => m.code);
for (const id of PATH_IDS) if (id !== 'status-quo') scenario.paths[id].enabled = false;
scenario.assumptions = Object.fromEntries(
  ASSUMPTIONS.map((a) => [a.id, { dist: 'fixed', value: centralValue(a.default), source: 'antagande: centralvärde' }]),
) as Scenario['assumptions'];

const model = loadModel(scenario, municipalities, capabilities);
if (!model.ok) throw new Error(JSON.stringify(model.issues));
const sq = simulateAll(model.value, 1).paths['status-quo'];
const start = sq.years[0];
const population = municipalities.reduce((sum, m) => sum + m.population, 0);
console.log(
  `All 290: need ${(start.totalCost.mean / 1e9).toFixed(2)} bn SEK, budget ${(start.budget.mean / 1e9).toFixed(2)} bn SEK`,
);
console.log(`need per inhabitant ${Math.round(start.totalCost.mean / population)} SEK`);
const rows = sq.municipalities
  .map((x, i) => ({
    name: x.name,
    pop: municipalities[i].population,
    employees: municipalities[i].employees,
    y: x.years[0],
  }))
  .sort((a, b) => a.pop - b.pop);
console.log('kommun, invånare, kr/invånare, kr/anställd, täckning, robust täckning, utv.kapacitet (åa)');
for (const q of [0, 10, 29, 72, 145, 217, 260, 280, 289]) {
  const r = rows[q];
  console.log(
    [
      r.name,
      r.pop,
      Math.round(r.y.totalCost / r.pop),
      Math.round(r.y.totalCost / r.employees),
      r.y.coverage.toFixed(2),
      r.y.robustCoverage.toFixed(2),
      r.y.developmentCapacity.toFixed(1),
    ].join(', '),
  );
}

console.log(`\n${renderSizeClassFigure(calibrateBySize(municipalities, capabilities, base))}`);
