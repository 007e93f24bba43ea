import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { fileSlug, scenarioName } from '../../src/state/scenario-name.js';
import { municipalities, readJson } from '../helpers.js';

const presets = ['fyrbodal', 'dalsland', 'trestad', 'sml-it'].map((id) => readJson(`scenarios/${id}.json`) as Scenario);

describe('the name a scenario goes by', () => {
  it('is the preset’s while its members are the preset’s', () => {
    for (const p of presets) {
      expect(scenarioName(p, presets, 'sv')).toBe(p.name.sv);
      expect(scenarioName({ ...p, members: [...p.members].reverse() }, presets, 'en')).toBe(p.name.en);
    }
  });

  it('says it is changed, with the number of members, once members change under the preset’s name', () => {
    const without = { ...presets[0], members: presets[0].members.filter((m) => m !== '1492') };
    expect(scenarioName(without, presets, 'sv')).toBe('Fyrbodal, ändrad: 13 kommuner');
    const codes = municipalities.map((m) => m.code);
    fc.assert(
      fc.property(
        fc.constantFrom(...presets),
        fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 40 }),
        (p, members) => {
          const same = members.length === p.members.length && members.every((m) => p.members.includes(m));
          const name = scenarioName({ ...p, members }, presets, 'sv');
          if (same) expect(name).toBe(p.name.sv);
          else {
            expect(name).not.toBe(p.name.sv);
            expect(name).toContain(`ändrad: ${members.length} kommun`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a name the user gave, and makes safe file names of any name', () => {
    const own = { ...presets[0], members: ['1438'], name: { sv: 'Vår studie', en: 'Our study' } };
    expect(scenarioName(own, presets, 'sv')).toBe('Vår studie');
    expect(fileSlug('Fyrbodal, ändrad: 13 kommuner')).toBe('fyrbodal-andrad-13-kommuner');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(fileSlug(s)).toMatch(/^[a-z0-9-]{1,60}$/);
      }),
    );
  });
});
