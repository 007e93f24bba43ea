import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel, parseCapabilities, parseMunicipalities, parseScenario } from '../../src/engine/index.js';
import { parseCapabilityFile } from '../../src/import/capabilities.js';
import { parseProfileFile } from '../../src/import/profiles.js';
import { fyrbodal, municipalities, readJson, smallCatalogue } from '../helpers.js';

/** Replace one value somewhere inside a JSON value, at a path chosen by the generator. */
function mutate(value: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[choices[0] % entries.length];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[key] = mutate(child, choices.slice(1), replacement);
  return copy;
}

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    '<script>alert(1)</script>',
    '',
    null,
    [],
    {},
  ),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
);

describe('fuzzing scenario files (10 000 cases each)', () => {
  it('never throws on arbitrary JSON and never accepts an invalid scenario', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadModel(value, municipalities, smallCatalogue);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });

  it('either accepts a mutated scenario as a runnable model or names what is wrong', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostile, (choices, replacement) => {
        const candidate = mutate(structuredClone(fyrbodal), choices, replacement);
        const result = loadModel(candidate, municipalities, smallCatalogue);
        if (result.ok) {
          expect(parseScenario(result.value.scenario).ok).toBe(true);
          expect(result.value.members.length).toBeGreaterThan(0);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issue.path).toMatch(/^scenario/);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('fuzzing CSV and JSON imports (10 000 cases each)', () => {
  const profiles = municipalities as unknown as Parameters<typeof parseProfileFile>[2];
  const capabilities = readJson('public/data/capabilities.json') as Parameters<typeof parseCapabilityFile>[2];
  const header = fc.constantFrom('kommunkod;invånare;itCost', 'code,population,systems', 'id;minFte;nonStaffCost', '');
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('1438', '1460', '9999', '12,5', '-3', '1e400', '"', ';', '\r\n'),
  );
  const csv = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }))
    .map(([h, rows]) => [h, ...rows.map((r) => r.join(';'))].join('\n'));
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    csv.map((text) => new TextEncoder().encode(text)),
  );

  it('never throws and only ever returns valid profiles', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('a.csv', 'a.json', 'a.txt'), (input, name) => {
        const result = parseProfileFile(input, name, profiles);
        if (result.ok) expect(parseMunicipalities(result.profiles).ok).toBe(true);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws and only ever returns a valid catalogue', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('a.csv', 'a.json'), (input, name) => {
        const result = parseCapabilityFile(input, name, capabilities);
        if (result.ok) expect(parseCapabilities(result.capabilities).ok).toBe(true);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });
});
