import { describe, expect, it } from 'vitest';
import { OPERATING_COST_PER_INHABITANT } from '../../src/calibration/size-classes.js';
import { ASSUMPTIONS, centralValue, PATH_IDS, type Scenario, simulateAll } from '../../src/engine/index.js';
import { fyrbodal, model, readJson } from '../helpers.js';

/**
 * Status quo on the default data (Fyrbodal) against published figures, every input at its central value.
 * Published ranges (../shared/DATA-SOURCES.md §2), in 2026 prices:
 * - IT ≈ 2.3–2.7 % of municipal operating cost on average (SKR; Institutet för framtidsstudier), across
 *   48 kommuner 0.4–4.56 % (Trinovo); operating cost per inhabitant from src/calibration/size-classes.ts
 *   (Ekonomifakta 2022 × 1.07 to 2026 prices);
 * - IT cost per workstation 9 922–20 187 SEK (Södertörn 2008) × 1.38 CPI ≈ 13 700–27 900 SEK, with
 *   1.3–2.8 employees per computer (Södertörn 2007);
 * - small kommuner above large ones per inhabitant.
 * The same comparison by size class, for every kommun: test/data/size-classes.test.ts.
 */
const COST_PER_WORKSTATION = [9_922 * 1.38, 20_187 * 1.38];
const EMPLOYEES_PER_COMPUTER = [1.3, 2.8];

describe('calibration of status quo on the default data', () => {
  const scenario = structuredClone(fyrbodal) as Scenario;
  for (const id of PATH_IDS) if (id !== 'status-quo') scenario.paths[id].enabled = false;
  scenario.assumptions = Object.fromEntries(
    ASSUMPTIONS.map((a) => [
      a.id,
      { dist: 'fixed', value: centralValue(a.default), source: 'antagande: centralvärde' },
    ]),
  ) as Scenario['assumptions'];
  const m = model(scenario, readJson('public/data/capabilities.json'));
  const sq = simulateAll(m, 1).paths['status-quo'];
  const members = m.members;
  const population = members.reduce((s, x) => s + x.population, 0);
  const employees = members.reduce((s, x) => s + x.employees, 0);
  const cost = sq.years[0].totalCost.mean;

  it('puts IT at 2–3 % of the kommuner’s operating cost', () => {
    const share = cost / (population * OPERATING_COST_PER_INHABITANT);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.03);
  });

  it('gives a cost per workstation inside the published range for some plausible number of computers', () => {
    const [low, high] = EMPLOYEES_PER_COMPUTER.map((ratio) => cost / (employees / ratio));
    // the implied range [cost per workstation with most computers, with fewest] overlaps the published one
    expect(low).toBeLessThan(COST_PER_WORKSTATION[1]);
    expect(high).toBeGreaterThan(COST_PER_WORKSTATION[0]);
  });

  it('costs small kommuner more per inhabitant than large ones', () => {
    const perInhabitant = sq.municipalities.map((x, i) => ({
      population: members[i].population,
      cost: x.years[0].totalCost / members[i].population,
    }));
    perInhabitant.sort((a, b) => a.population - b.population);
    const smallest = perInhabitant.slice(0, 3).map((x) => x.cost);
    const largest = perInhabitant.slice(-3).map((x) => x.cost);
    expect(Math.min(...smallest)).toBeGreaterThan(Math.max(...largest));
  });
});

describe('merger evidence (Denmark 2007: no net saving)', () => {
  it('lets a merger of the default scenario show no saving in a substantial share of runs', () => {
    const results = simulateAll(model(structuredClone(fyrbodal), readJson('public/data/capabilities.json')), 1000);
    const merger = results.paths.sammanlaggning;
    expect(merger.npvVsStatusQuo.p90).toBeGreaterThan(0);
    expect(merger.probCheaper ?? 1).toBeLessThan(0.9);
  });
});
