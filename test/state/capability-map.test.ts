import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_GROUPS, type Capability, type CapabilityMap, DELIVERIES } from '../../src/engine/index.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { applyMapImport, clearMap, setMapCell, setMapSource } from '../../src/state/actions.js';
import { initialState } from '../../src/state/app-state.js';
import { groupWeaknesses, mapChanges, mergeMap, weaknesses } from '../../src/state/capability-map.js';
import { readJson } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json') as Capability[];
const codes = ['1438', '1439', '1460', '1488'];

/** Maps over `codes` and the first capabilities of the catalogue, some cells missing, some kommuner absent. */
const arbitraryMap = (ids: string[]) =>
  fc
    .dictionary(
      fc.constantFrom(...codes),
      fc.dictionary(
        fc.constantFrom(...ids),
        fc.record({ level: fc.constantFrom(0, 1, 2, 3 as const), by: fc.constantFrom(...DELIVERIES) }),
      ),
    )
    .map((members): CapabilityMap => ({ members }));

describe('weaknesses (shared strengths and weaknesses)', () => {
  const small = catalogue.slice(0, 12);
  const ids = small.map((c) => c.id);

  it('puts the capabilities weak in the most kommuner first, and counts weak and lenders by the rules', () => {
    fc.assert(
      fc.property(arbitraryMap(ids), (map) => {
        const w = weaknesses(map, codes, small);
        expect(w.rows.map((r) => r.capability.id).sort()).toEqual([...ids].sort());
        for (let i = 1; i < w.rows.length; i++)
          expect(w.rows[i - 1].weak.length).toBeGreaterThanOrEqual(w.rows[i].weak.length);
        // a kommun with no cell is not counted at all
        expect(w.assessed).toEqual(codes.filter((c) => Object.keys(map.members[c] ?? {}).length > 0));
        expect([...w.assessed, ...w.notAssessed].sort()).toEqual([...codes].sort());
        for (const row of w.rows) {
          const level = (code: string) => map.members[code]?.[row.capability.id]?.level;
          const weak = w.assessed.filter((c) => level(c) === undefined || (level(c) as number) <= 1);
          expect(row.weak).toEqual(weak);
          expect(row.lenders).toEqual(weak.length > 0 ? w.assessed.filter((c) => level(c) === 3) : []);
          expect(row.levels).toEqual(w.assessed.map((c) => level(c) ?? null));
        }
      }),
    );
  });

  it('sums the weak capabilities of each key capability per kommun', () => {
    fc.assert(
      fc.property(arbitraryMap(catalogue.map((c) => c.id)), (map) => {
        const w = weaknesses(map, codes, catalogue);
        const groups = groupWeaknesses(w);
        expect(groups.map((g) => g.group)).toEqual(
          CAPABILITY_GROUPS.filter((g) => catalogue.some((c) => c.group === g)),
        );
        expect(groups.reduce((sum, g) => sum + g.total, 0)).toBe(catalogue.length);
        w.assessed.forEach((code, i) => {
          const weakHere = w.rows.filter((r) => r.weak.includes(code)).length;
          expect(groups.reduce((sum, g) => sum + g.weak[i], 0)).toBe(weakHere);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('orders ties by key capability, then by the catalogue', () => {
    const w = weaknesses({ members: {} }, codes, catalogue);
    expect(w.assessed).toEqual([]);
    const groups = w.rows.map((r) => CAPABILITY_GROUPS.indexOf(r.capability.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });

  it('names the kommuner at level 3 as lenders only where others are weak', () => {
    const [a, b] = ids;
    const map: CapabilityMap = {
      members: {
        '1438': { [a]: { level: 0, by: 'own' }, [b]: { level: 2, by: 'own' } },
        '1488': { [a]: { level: 3, by: 'own' }, [b]: { level: 3, by: 'supplier' } },
      },
    };
    const w = weaknesses(map, codes, small.slice(0, 2));
    expect(w.rows[0].capability.id).toBe(a);
    expect(w.rows[0].weak).toEqual(['1438']);
    expect(w.rows[0].lenders).toEqual(['1488']);
    expect(w.rows[1].weak).toEqual([]);
    expect(w.rows[1].lenders).toEqual([]);
    expect(w.notAssessed).toEqual(['1439', '1460']);
  });
});

describe('merging an imported map', () => {
  const current: CapabilityMap = {
    example: true,
    source: 'workshop',
    members: {
      '1438': { a: { level: 1, by: 'own' }, b: { level: 2, by: 'own' } },
      '1460': { a: { level: 3, by: 'supplier' } },
    },
  };

  it('replaces the imported kommuner wholly and keeps the others', () => {
    const merged = mergeMap(current, {
      '1438': { a: { level: 2, by: 'own' } },
      '1488': { c: { level: 0, by: 'own' } },
    });
    expect(merged.members['1438']).toEqual({ a: { level: 2, by: 'own' } });
    expect(merged.members['1460']).toBe(current.members['1460']);
    expect(merged.members['1488']).toEqual({ c: { level: 0, by: 'own' } });
    expect(merged.example).toBe(true);
    expect(merged.source).toBe('workshop');
    // a kommun whose every row is empty is no longer in the map
    expect(mergeMap(current, { '1460': {} }).members['1460']).toBeUndefined();
  });

  it('counts new, changed, removed and unchanged cells per kommun', () => {
    const changes = mapChanges(current, {
      '1438': { a: { level: 1, by: 'collaboration' }, c: { level: 0, by: 'own' } },
      '1488': { a: { level: 3, by: 'own' } },
    });
    expect(changes).toEqual([
      { code: '1438', added: 1, changed: 1, removed: 1, same: 0 },
      { code: '1488', added: 1, changed: 0, removed: 0, same: 0 },
    ]);
  });
});

describe('map actions', () => {
  const state = initialState(structuredClone(SCENARIOS[0]));

  it('set and remove a cell immutably; a kommun left without cells is dropped', () => {
    const one = produce(state, setMapCell('1438', 'service-desk', { level: 2, by: 'own' }));
    expect(state.scenario.capabilityMap).toBeUndefined();
    expect(one.scenario.capabilityMap?.members['1438']).toEqual({ 'service-desk': { level: 2, by: 'own' } });
    const none = produce(one, setMapCell('1438', 'service-desk', null));
    expect(none.scenario.capabilityMap?.members).toEqual({});
    const sourced = produce(none, setMapSource('IT-chefer, mars 2026'));
    expect(sourced.scenario.capabilityMap?.source).toBe('IT-chefer, mars 2026');
    expect(produce(sourced, setMapSource(' ')).scenario.capabilityMap?.source).toBeUndefined();
    expect(produce(sourced, clearMap()).scenario.capabilityMap).toBeUndefined();
    // clearing a cell that is not there changes nothing (no new map, no rerun)
    expect(produce(state, setMapCell('1438', 'service-desk', null))).toBe(state);
  });

  it('applies an import and closes its preview', () => {
    const previewed = produce(state, (d) => {
      d.mapImport = { files: ['a.csv'], problems: [] };
    });
    const applied = produce(previewed, applyMapImport({ '1460': { 'service-desk': { level: 3, by: 'own' } } }));
    expect(applied.mapImport).toBeNull();
    expect(applied.scenario.capabilityMap?.members['1460']['service-desk']).toEqual({ level: 3, by: 'own' });
  });
});

describe('the example scenario', () => {
  const example = SCENARIOS.find((s) => s.id === 'fyrbodal-formagekarta');

  it('is marked as invented, covers every member and capability, and is the file the script writes', async () => {
    expect(example?.capabilityMap?.example).toBe(true);
    expect(example?.capabilityMap?.source).toMatch(/Påhittade/);
    for (const code of example?.members ?? [])
      expect(Object.keys(example?.capabilityMap?.members[code] ?? {}).length).toBe(catalogue.length);
    const { exampleScenario, formatScenario } = await import('../../src/cli/example-capability-map.js');
    const regenerated = formatScenario(
      exampleScenario(
        readJson('scenarios/fyrbodal.json') as never,
        readJson('public/data/municipalities.json') as never,
        catalogue,
      ),
    );
    const { readFileSync } = await import('node:fs');
    expect(regenerated).toBe(readFileSync('scenarios/fyrbodal-formagekarta.json', 'utf8'));
  });
});
