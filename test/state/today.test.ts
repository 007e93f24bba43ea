import { describe, expect, it } from 'vitest';
import { type Capability, type Municipality, simulateAll } from '../../src/engine/index.js';
import { todayFigures, todaySentences } from '../../src/summary/today.js';
import { model, municipalities, readJson, scenarioWith } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json') as Capability[];
const profile = (code: string) =>
  structuredClone((municipalities as unknown as Municipality[]).find((m) => m.code === code) as Municipality);

describe('status quo in words: today against the full engine (docs/model.md §14)', () => {
  const scenario = scenarioWith((s) => {
    s.members = ['1438', '1460', '1488'];
    s.runs = 20;
    s.profiles = [{ ...profile('1438'), itCost: 9_000_000, itStaff: 6 }];
    s.capabilityMap = {
      example: true,
      members: { '1460': Object.fromEntries(catalogue.map((c) => [c.id, { level: 0 as const, by: 'own' as const }])) },
    };
  });
  const results = simulateAll(model(scenario, catalogue), 20);
  const f = todayFigures(results, scenario, catalogue.length);

  it('says which figures are own and which derived', () => {
    expect(f.ownCost).toBe(1);
    expect(f.ownStaff).toBe(1);
    expect(f.mapped).toBe(1);
    const [today] = todaySentences(f, 'sv');
    expect(today).toContain('egen uppgift för 1 av 3');
    expect(today).toContain('enligt förmågekartan för 1 av 3');
    expect(todaySentences(f, 'en')[0]).toContain('own figure for 1 of 3');
    // when every member has its own, nothing is "derived for the others"
    const all = todaySentences({ ...f, ownCost: f.members, mapped: f.members }, 'sv')[0];
    expect(all).toContain('egen uppgift för alla 3)');
    expect(all).toContain('enligt förmågekartan för alla 3)');
    expect(all).not.toContain('övriga');
  });

  it('gives today’s budget as the members’ start-year budgets, own figure included', () => {
    const byMember = results.paths['status-quo'].municipalities.map((m) => m.years[0].budget);
    expect(f.budget).toBeCloseTo(
      byMember.reduce((a, b) => a + b, 0),
      0,
    );
    expect(byMember[0]).toBe(9_000_000);
  });

  it('counts a kommun that holds nothing by its map as holding nothing', () => {
    const held = results.paths['status-quo'].municipalities[1].years[0].coverage;
    expect(held).toBe(0);
    expect(f.held).toBeLessThan(catalogue.length * (2 / 3) + 1e-9);
  });

  it('puts the full engine against today’s budget alone and on each enabled path, with its sign', () => {
    const sq = results.paths['status-quo'];
    const expected = sq.years.reduce((a, y) => a + y.totalCost.mean - y.budget.mean, 0) / sq.years.length;
    expect(f.beyondBudget['status-quo']).toBeCloseTo(expected, 0);
    expect(Object.keys(f.beyondBudget)).toContain('samverkan');
    const gap = todaySentences(f, 'sv')[1];
    expect(gap).toMatch(expected > 0 ? /mer än dagens budget/ : /mindre än dagens budget/);
  });

  it('counts kommun by kommun: a large member with money to spare does not hide the small ones that lack it', () => {
    const mixed = scenarioWith((s) => {
      s.members = ['1480', '1438', '1460']; // Göteborg, Dals-Ed, Bengtsfors
      s.runs = 10;
    });
    const g = todayFigures(simulateAll(model(mixed, catalogue), 10), mixed, catalogue.length);
    expect(g.beyondBudget['status-quo']).toBeLessThan(0); // in total, less than today's budget …
    expect(g.shortMembers).toBe(2); // … but the two small kommuner lack money
    expect(g.shortSum).toBeGreaterThan(0);
    expect(todaySentences(g, 'sv')[1]).toContain('saknar 2 av 3 kommuner tillsammans');
    // and where some are short, the sum of their lack is at least the net total
    expect(f.shortSum).toBeGreaterThanOrEqual((f.beyondBudget['status-quo'] ?? 0) - 1);
  });

  it('asks for the IT cost of kommuner that have a map but no IT cost of their own', () => {
    expect(f.mappedWithoutCost).toBe(1); // Bengtsfors: a map, its budget derived
    expect(todaySentences(f, 'sv')[1]).toContain('1 av 3 kommuner har en förmågekarta men ingen egen IT-kostnad');
  });

  it('marks an invented map as such, and says nothing of a map when there is none', () => {
    expect(todaySentences(f, 'sv').at(-1)).toContain('påhittade exempelvärden');
    const plain = scenarioWith((s) => {
      s.members = ['1438'];
      s.runs = 10;
    });
    const g = todayFigures(simulateAll(model(plain, catalogue), 10), plain, catalogue.length);
    const words = todaySentences(g, 'sv');
    expect(words).toHaveLength(2);
    expect(words[0]).toContain('härledd per invånare för alla');
    expect(words[0]).toContain('ingen förmågekarta');
  });
});
