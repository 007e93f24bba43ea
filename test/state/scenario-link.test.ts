import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTIONS,
  type Capability,
  loadModel,
  type Municipality,
  parseScenario,
  type Scenario,
  ScenarioSchema,
} from '../../src/engine/index.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { decodeScenario, encodeScenario, LINK_VERSION, MAX_LINK_CHARS } from '../../src/state/scenario-link.js';
import { municipalities, readJson } from '../helpers.js';

const presets = ['fyrbodal', 'dalsland', 'trestad', 'sml-it'].map((id) => readJson(`scenarios/${id}.json`) as Scenario);
const codes = municipalities.map((m) => m.code);

/** Valid scenarios: a preset with random members, paths, run settings and assumption overrides. */
const scenarioArb = fc
  .record({
    preset: fc.constantFrom(...presets),
    members: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 40 }),
    runs: fc.integer({ min: 1, max: 100_000 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    horizonYears: fc.integer({ min: 1, max: 30 }),
    enabled: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    form: fc.constantFrom('avtalssamverkan', 'gemensam-namnd', 'kommunalforbund', 'bolag' as const),
    overrides: fc.array(
      fc.record({
        index: fc.integer({ min: 0, max: ASSUMPTIONS.length - 1 }),
        low: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        width: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 5 },
    ),
    name: fc.string({ maxLength: 60 }),
  })
  .map(({ preset, members, runs, seed, horizonYears, enabled, form, overrides, name }) => {
    const s = structuredClone(preset);
    s.members = members;
    s.runs = runs;
    s.seed = seed;
    s.horizonYears = horizonYears;
    s.name = { sv: name, en: s.name.en };
    (['samverkan', 'omfordelning', 'sammanlaggning', 'asymmetrisk'] as const).forEach((p, i) => {
      s.paths[p].enabled = enabled[i];
    });
    s.paths.samverkan.form = form;
    s.paths.asymmetrisk.host = 'largest';
    s.paths.samverkan.members = 'all';
    s.paths.asymmetrisk.members = 'all';
    s.paths.sammanlaggning.members = 'all';
    s.assumptions = {};
    for (const o of overrides) {
      const high = o.low + o.width;
      s.assumptions[ASSUMPTIONS[o.index].id] = {
        dist: 'pert',
        low: o.low,
        mode: o.low + o.at * o.width,
        high,
        source: 'antagande: test',
      };
    }
    return s;
  });

describe('scenario links', () => {
  it('decode(encode(s)) is s for any valid scenario', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('sv', 'en' as const), (scenario, lang) => {
        const valid = parseScenario(scenario);
        expect(valid.ok).toBe(true);
        if (!valid.ok) return;
        const decoded = decodeScenario(encodeScenario(valid.value, presets, lang), presets);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) {
          expect(decoded.value.scenario).toEqual(valid.value);
          expect(decoded.value.lang).toBe(lang);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('carries every field the schema has: imported profiles, edited capabilities and correlations too', () => {
    const profiles = readJson('public/data/municipalities.json') as Municipality[];
    const catalogue = readJson('public/data/capabilities.json') as Capability[];
    // one changed value per scenario field; a field added to the schema without a sample fails here
    const samples: Record<string, (s: Scenario) => void> = {
      id: (s) => {
        s.id = 'var-egen-studie';
      },
      name: (s) => {
        s.name = { sv: 'Vår studie', en: 'Our study' };
      },
      description: (s) => {
        s.description = { sv: 'Med egna siffror', en: 'With our own figures' };
      },
      members: (s) => {
        s.members = s.members.slice(0, 3);
      },
      startYear: (s) => {
        s.startYear = 2027;
      },
      horizonYears: (s) => {
        s.horizonYears = 12;
      },
      runs: (s) => {
        s.runs = 2500;
      },
      seed: (s) => {
        s.seed = 7;
      },
      stopWhenStable: (s) => {
        s.stopWhenStable = !s.stopWhenStable;
      },
      sampling: (s) => {
        s.sampling = s.sampling === 'rqmc' ? 'mc' : 'rqmc';
      },
      discountRate: (s) => {
        s.discountRate = 0.03;
      },
      paths: (s) => {
        s.paths.samverkan.form = 'avtalssamverkan';
      },
      assumptions: (s) => {
        s.assumptions = { wageCost: { dist: 'fixed', value: 900_000, source: 'antagande: egen lönenivå' } };
      },
      profiles: (s) => {
        s.profiles = [{ ...(profiles.find((m) => m.code === '1438') as Municipality), itCost: 14_500_000.5 }];
      },
      capabilities: (s) => {
        s.capabilities = [{ ...catalogue[0], fteAtRef: catalogue[0].fteAtRef * 2 }];
      },
      correlations: (s) => {
        s.correlations = [{ a: 'wageGrowth', b: 'inflation', rho: 0.5 }];
      },
      capabilityMap: (s) => {
        s.capabilityMap = {
          example: true,
          source: 'Workshop 2026-11-12',
          members: {
            '1438': { [catalogue[0].id]: { level: 1, by: 'own' }, [catalogue[1].id]: { level: 3, by: 'supplier' } },
          },
        };
      },
    };
    for (const key of Object.keys(ScenarioSchema.entries).filter((k) => k !== 'schemaVersion')) {
      expect(samples[key], `a sample value for the scenario field "${key}"`).toBeDefined();
      const changed = structuredClone(presets[0]);
      samples[key](changed);
      const valid = parseScenario(changed);
      expect(valid.ok, `${key}: ${valid.ok ? '' : JSON.stringify(valid.issues)}`).toBe(true);
      if (!valid.ok) continue;
      expect(valid.value, key).not.toEqual(presets[0]);
      const decoded = decodeScenario(encodeScenario(valid.value, presets), presets);
      expect(decoded.ok, key).toBe(true);
      if (decoded.ok) expect(decoded.value.scenario, key).toEqual(valid.value);
    }
  });

  it('loses nothing through a link and a scenario file, on 10 000 generated scenarios with own figures', () => {
    const profiles = readJson('public/data/municipalities.json') as Municipality[];
    const catalogue = readJson('public/data/capabilities.json') as Capability[];
    const withOwn = fc
      .record({
        scenario: scenarioArb,
        own: fc.subarray(profiles.slice(0, 40), { maxLength: 3 }),
        itCost: fc.integer({ min: 1_000_000, max: 200_000_000 }),
        capability: fc.option(fc.constantFrom(...catalogue), { nil: undefined }),
        rho: fc.option(fc.double({ min: -0.9, max: 0.9, noNaN: true }), { nil: undefined }),
        id: fc.option(fc.constantFrom('egen', 'fyrbodal-2027', 'var-studie'), { nil: undefined }),
        map: fc.option(
          fc.dictionary(
            fc.constantFrom(...profiles.slice(0, 20).map((m) => m.code)),
            fc.dictionary(
              fc.constantFrom(...catalogue.map((c) => c.id)),
              fc.record({
                level: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
                by: fc.constantFrom('own' as const, 'supplier' as const, 'collaboration' as const),
              }),
              { maxKeys: 8, noNullPrototype: true },
            ),
            { maxKeys: 3, noNullPrototype: true },
          ),
          { nil: undefined },
        ),
      })
      .map(({ scenario, own, itCost, capability, rho, id, map }) => {
        const s = structuredClone(scenario);
        if (own.length > 0) s.profiles = own.map((m) => ({ ...m, itCost }));
        if (capability) s.capabilities = [{ ...capability, fteAtRef: capability.fteAtRef * 1.5 }];
        if (rho !== undefined) s.correlations = [{ a: 'wageGrowth', b: 'inflation', rho }];
        if (id) s.id = id;
        if (map) s.capabilityMap = { members: map };
        return s;
      });
    fc.assert(
      fc.property(withOwn, (scenario) => {
        const valid = parseScenario(scenario);
        expect(valid.ok).toBe(true);
        if (!valid.ok) return;
        const viaLink = decodeScenario(encodeScenario(valid.value, presets, 'sv'), presets);
        expect(viaLink.ok).toBe(true);
        if (viaLink.ok) expect(viaLink.value.scenario).toEqual(valid.value);
        // the downloaded file is the scenario as JSON; opening it parses it again
        const viaFile = parseScenario(JSON.parse(`${JSON.stringify(valid.value, null, 2)}\n`));
        expect(viaFile.ok && viaFile.value).toEqual(valid.value);
      }),
      { numRuns: 10_000 },
    );
  });

  it('keeps a typical scenario’s link under 2 000 characters', () => {
    const s = structuredClone(presets[0]);
    s.members = s.members.slice(0, 10);
    s.paths.asymmetrisk.host = '1487';
    s.paths.samverkan.pooled = ['service-desk', 'hosting-operations', 'network-operations', 'security-operations'];
    s.assumptions = { wageGrowth: { dist: 'pert', low: 0.02, mode: 0.035, high: 0.05, source: 'antagande: workshop' } };
    expect(encodeScenario(s, presets, 'sv').length).toBeLessThan(2000);
    expect(encodeScenario(presets[0], presets).length).toBeLessThan(60);
  });

  it('never throws on random or mutated input and never yields an invalid scenario', () => {
    const valid = encodeScenario(presets[1], presets);
    const mutated = fc
      .tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 3 }))
      .map(([at, insert, cut]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.base64String({ maxLength: 400 }), mutated), (text) => {
        const decoded = decodeScenario(text, presets);
        if (decoded.ok) expect(parseScenario(decoded.value.scenario).ok).toBe(true);
        else expect(decoded.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('opens links made before the model-integrity revision, with their overrides of changed inputs', () => {
    const earlier = 'antagande: tidigare förval';
    const payload = {
      v: 1,
      b: 'fyrbodal',
      s: {
        assumptions: {
          hostMarkup: { dist: 'pert', low: 0, mode: 0.04, high: 0.08, source: earlier },
          migrationCostPerSystem: { dist: 'pert', low: 50_000, mode: 150_000, high: 400_000, source: earlier },
          scaleShift: { dist: 'triangular', low: -1, mode: 0, high: 1, source: earlier },
          realisationShared: { dist: 'pert', low: 0.1, mode: 0.5, high: 0.9, source: earlier },
        },
      },
    };
    const link = encodeRaw(new TextEncoder().encode(JSON.stringify(payload)));
    const decoded = decodeScenario(link, presets);
    expect(decoded.ok, decoded.ok ? '' : JSON.stringify(decoded.issues)).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.scenario.assumptions?.hostMarkup).toEqual(payload.s.assumptions.hostMarkup);
    expect(decoded.value.scenario.assumptions?.migrationCostPerSystem).toEqual(
      payload.s.assumptions.migrationCostPerSystem,
    );
    // and the engine runs them: every value lies inside the inputs' bounds
    const model = loadModel(
      decoded.value.scenario,
      readJson('public/data/municipalities.json'),
      readJson('public/data/capabilities.json'),
    );
    expect(model.ok, model.ok ? '' : JSON.stringify(model.issues)).toBe(true);
  });

  it('refuses oversized, wrong-version and hostile links with a reason', () => {
    const craft = (payload: unknown) => {
      const json = new TextEncoder().encode(JSON.stringify(payload));
      return encodeRaw(json);
    };
    const tooLong = decodeScenario('A'.repeat(MAX_LINK_CHARS + 1), presets);
    expect(tooLong.ok ? '' : tooLong.issues[0].message).toContain('too long');
    const newer = decodeScenario(craft({ v: 99, b: 'fyrbodal', s: {} }), presets);
    expect(newer.ok ? '' : newer.issues[0].path).toBe('link.v');
    const proto = decodeScenario(craft(JSON.parse('{"v":1,"b":"fyrbodal","s":{"__proto__":{"x":1}}}')), presets);
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const huge = decodeScenario(craft({ v: 1, b: 'fyrbodal', s: { runs: 1e300 } }), presets);
    expect(huge.ok ? '' : huge.issues[0].path).toBe('scenario.runs');
    const script = decodeScenario(craft({ v: 1, b: 'fyrbodal', s: { members: ['<script>'] } }), presets);
    expect(script.ok ? '' : script.issues[0].path).toBe('scenario.members.0');
    const unknownPreset = decodeScenario(craft({ v: 1, b: 'atlantis', s: {} }), presets);
    expect(unknownPreset.ok ? '' : unknownPreset.issues[0].path).toBe('link.b');
    const bomb = decodeScenario(
      craft({ v: 1, b: 'fyrbodal', s: { name: { sv: 'x'.repeat(300_000), en: '' } } }),
      presets,
    );
    expect(bomb.ok).toBe(false);
  });

  it('a preset cannot change what it computes without a new link version', () => {
    // A link holds only its differences from a preset: changing a preset's figures changes what every older
    // link shows. Such a change must raise LINK_VERSION, add a migration that restores the old values in
    // older links, a stored old link in test/fixtures/links.json, and then a new fingerprint here.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(SCENARIOS.map(({ name: _name, description: _description, ...rest }) => rest)))
      .digest('hex');
    expect({ version: LINK_VERSION, fingerprint }).toEqual(readJson('test/fixtures/link-presets.json'));
  });

  it('still opens links made by released versions (stored fixtures)', () => {
    const fixtures = readJson('test/fixtures/links.json') as {
      version: number;
      link: string;
      expect: Partial<Scenario>;
    }[];
    expect(fixtures.length).toBeGreaterThan(0);
    for (const f of fixtures) {
      const decoded = decodeScenario(f.link, presets);
      expect(decoded.ok, `v${f.version}`).toBe(true);
      if (decoded.ok) expect(decoded.value.scenario).toMatchObject(f.expect);
    }
  });
});

import { deflateSync } from 'fflate';

function encodeRaw(bytes: Uint8Array): string {
  let binary = '';
  for (const b of deflateSync(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
