import { describe, expect, it } from 'vitest';
import { loadModel, parseScenario } from '../../src/engine/index.js';
import { fyrbodal, municipalities, readJson, scenarioWith, smallCatalogue } from '../helpers.js';

const issuesOf = (scenario: unknown) => {
  const result = loadModel(scenario, municipalities, smallCatalogue);
  return result.ok ? [] : result.issues;
};

describe('scenario validation', () => {
  it('accepts every shipped scenario', () => {
    for (const name of ['fyrbodal', 'dalsland', 'sml-it', 'trestad']) {
      const result = parseScenario(readJson(`scenarios/${name}.json`));
      expect(result.ok, `${name}: ${JSON.stringify(result.ok ? '' : result.issues)}`).toBe(true);
    }
  });

  it.each([
    ['a wrong type', (s: Record<string, unknown>) => (s.runs = 'many'), 'scenario.runs'],
    ['a negative horizon', (s: Record<string, unknown>) => (s.horizonYears = -1), 'scenario.horizonYears'],
    ['a bad kommunkod', (s: Record<string, string[]>) => (s.members[2] = '12'), 'scenario.members.2'],
    ['an unknown field', (s: Record<string, unknown>) => (s.colour = 'red'), 'scenario.colour'],
    [
      'a missing path',
      (s: { paths: Record<string, unknown> }) => delete s.paths.asymmetrisk,
      'scenario.paths.asymmetrisk',
    ],
    [
      'an inverted PERT',
      (s: { assumptions: Record<string, unknown> }) =>
        (s.assumptions.wageGrowth = { dist: 'pert', low: 0.05, mode: 0.03, high: 0.01, source: 'antagande: x' }),
      'scenario.assumptions.wageGrowth',
    ],
    [
      'an assumption without a source',
      (s: { assumptions: Record<string, unknown> }) => (s.assumptions.inflation = { dist: 'fixed', value: 0.02 }),
      'scenario.assumptions.inflation.source',
    ],
    [
      'an unknown form',
      (s: { paths: { samverkan: Record<string, unknown> } }) => (s.paths.samverkan.form = 'union'),
      'scenario.paths.samverkan.form',
    ],
    ['NaN', (s: Record<string, unknown>) => (s.discountRate = Number.NaN), 'scenario.discountRate'],
  ])('rejects %s and names the field', (_, change, path) => {
    const scenario = structuredClone(fyrbodal) as never;
    (change as (s: never) => void)(scenario);
    const issues = issuesOf(scenario);
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('rejects members that are not in the data, listed twice, or hosts outside the arrangement', () => {
    const unknown = issuesOf(scenarioWith((s) => s.members.push('9999')));
    expect(unknown).toContainEqual({ path: 'scenario.members.14', message: 'unknown kommunkod 9999' });
    const twice = issuesOf(scenarioWith((s) => s.members.push('1485')));
    expect(twice.map((i) => i.path)).toEqual(['scenario.members.14']);
    const host = issuesOf(
      scenarioWith((s) => {
        s.paths.asymmetrisk.members = ['1438', '1439'];
        s.paths.asymmetrisk.host = '1485';
      }),
    );
    expect(host.map((i) => i.path)).toEqual(['scenario.paths.asymmetrisk.host']);
  });

  it('refuses to pool a capability that must stay local, and unknown capability ids', () => {
    const issues = issuesOf(
      scenarioWith((s) => (s.paths.samverkan.pooled = ['servicedesk', 'verksamhetsnara-stod', 'nope'])),
    );
    expect(issues).toEqual([
      { path: 'scenario.paths.samverkan.pooled.1', message: 'capability "verksamhetsnara-stod" is not poolable' },
      { path: 'scenario.paths.samverkan.pooled.2', message: 'unknown capability "nope"' },
    ]);
  });

  it('does not let __proto__ keys through', () => {
    const hostile = JSON.parse(
      JSON.stringify(fyrbodal).replace('"assumptions":{}', '"assumptions":{"__proto__":{"polluted":1}}'),
    );
    const result = parseScenario(hostile);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports bad data files with their own prefix', () => {
    const broken = structuredClone(municipalities) as Record<string, unknown>[];
    broken[3].population = -5;
    const result = loadModel(fyrbodal, broken, smallCatalogue);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('municipalities.3.population');
  });
});

describe('profiles carried by a scenario', () => {
  it('replace the embedded profile with the same code', () => {
    const original = municipalities.find((m) => m.code === '1438') as Record<string, unknown>;
    const changed = {
      ...structuredClone(original),
      population: 5000,
      sources: { ...(original.sources as object), population: 'import: test' },
    };
    const result = loadModel(
      scenarioWith((s) => (s.profiles = [changed as never])),
      municipalities,
      smallCatalogue,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.members.find((m) => m.code === '1438')?.population).toBe(5000);
  });

  it('are validated like the data files', () => {
    const original = municipalities.find((m) => m.code === '1438') as Record<string, unknown>;
    const result = loadModel(
      scenarioWith((s) => (s.profiles = [{ ...original, population: -1 } as never])),
      municipalities,
      smallCatalogue,
    );
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['scenario.profiles.0.population']);
  });
});
