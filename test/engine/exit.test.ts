import { describe, expect, it } from 'vitest';
import { loadModel, type Results, type Scenario, simulateAll } from '../../src/engine/index.js';
import { model, municipalities, readJson, smallCatalogue } from '../helpers.js';

const dalsland = readJson('scenarios/dalsland.json') as Scenario;
const catalogue = readJson('public/data/capabilities.json');

function run(exit: Scenario['paths']['samverkan']['exit'], runs = 1): Results {
  const s = structuredClone(dalsland);
  s.runs = runs;
  s.paths.samverkan.exit = exit;
  return simulateAll(model(s, catalogue));
}

const cost = (r: Results, code: string, t: number) =>
  r.paths.samverkan.municipalities.find((m) => m.code === code)!.years[t].totalCost;

describe('member exit', () => {
  const without = run(undefined);
  const withExit = run({ member: '1460', year: 2029, strandedYears: 3 });
  const te = 3;
  const remaining = dalsland.members.filter((c) => c !== '1460');

  it('changes nothing before the exit year', () => {
    for (let t = 0; t < te; t++)
      for (const code of dalsland.members) expect(cost(withExit, code, t)).toBe(cost(without, code, t));
  });

  it('puts the leaver back on its own from the exit year', () => {
    for (let t = te; t < 10; t++) {
      expect(cost(withExit, '1460', t)).toBe(withExit.paths['status-quo'].municipalities[0].years[t].totalCost);
    }
  });

  it('raises the remaining members’ costs by the stranded amount, falling to zero over three years', () => {
    const extra = (t: number) =>
      remaining.reduce((sum, code) => sum + cost(withExit, code, t) - cost(without, code, t), 0);
    const s0 = extra(te);
    expect(s0).toBeGreaterThan(1e5);
    expect(extra(te + 1) / s0).toBeCloseTo(2 / 3, 9);
    expect(extra(te + 2) / s0).toBeCloseTo(1 / 3, 9);
    expect(Math.abs(extra(te + 3))).toBeLessThan(1e-6 * s0);
    // every remaining member carries a part
    for (const code of remaining) expect(cost(withExit, code, te)).toBeGreaterThan(cost(without, code, te));
  });

  it('with a yearly probability of 0 nobody leaves, and with 1 somebody leaves in the second year', () => {
    expect(JSON.stringify(run({ probability: 0, strandedYears: 3 }, 50))).toBe(JSON.stringify(run(undefined, 50)));
    const sure = run({ probability: 1, strandedYears: 3 }, 1);
    const back = dalsland.members.filter(
      (code) =>
        cost(sure, code, 1) ===
        sure.paths['status-quo'].municipalities[dalsland.members.indexOf(code)].years[1].totalCost,
    );
    expect(back).toHaveLength(1);
  });

  it('refuses an exit by a non-member, in the start year, or by the host', () => {
    const bad = structuredClone(dalsland);
    bad.paths.samverkan.exit = { member: '1485', year: 2026, strandedYears: 3 };
    bad.paths.asymmetrisk.host = '1492';
    bad.paths.asymmetrisk.exit = { member: '1492', year: 2030, strandedYears: 3 };
    const result = loadModel(bad, municipalities, smallCatalogue);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'scenario.paths.samverkan.exit.member',
      'scenario.paths.samverkan.exit.year',
      'scenario.paths.asymmetrisk.exit.member',
    ]);
  });
});
