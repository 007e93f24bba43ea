import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EntrySchema, readEntry, toStored } from '../../src/state/saved-scenarios.js';

/**
 * Stored entries generated from the schemas themselves (the entry's, the scenario's, the key results'),
 * so a field added to any of them is generated too: every optional field is sometimes present (imported
 * profiles, edited capabilities, correlations …), and any object sometimes carries fields this version
 * does not know, as a newer version might write.
 */
interface Generated {
  /** What this version should read. */
  clean: unknown;
  /** What is stored (with unknown fields, optional fields with defaults sometimes left out). */
  raw: unknown;
  /** What should be stored again: `raw` with the defaults filled in. */
  full: unknown;
  /** How many unknown fields `raw` holds. */
  extras: number;
}

interface Walked {
  type: string;
  entries?: Record<string, Walked>;
  wrapped?: Walked;
  default?: unknown;
  item?: Walked;
  key?: Walked;
  value?: Walked;
  options?: unknown[];
  literal?: unknown;
  pipe?: { type: string; requirement?: unknown }[];
}

const same = (x: unknown): Generated => ({ clean: x, raw: x, full: x, extras: 0 });
// −0 is made 0 by the scenario schema and kept by storage: generate 0
const noNegativeZero = (x: number) => (Object.is(x, -0) ? 0 : x);
const letters = fc.integer({ min: 0x20, max: 0x24f }).map((c) => String.fromCharCode(c));
// names a newer version might give a field; never one this version knows (each object is checked)
const extraKey = fc.string({ unit: letters, minLength: 1, maxLength: 12 }).map((s) => `ny${s}`);
// valibot leaves these keys out of records (against prototype pollution): not generated
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function requirement(schema: Walked, type: string): unknown {
  return schema.pipe?.find((a) => a.type === type)?.requirement;
}

function numberArb(schema: Walked): fc.Arbitrary<number> {
  const min = requirement(schema, 'min_value') as number | undefined;
  const max = requirement(schema, 'max_value') as number | undefined;
  const gt = requirement(schema, 'gt_value') as number | undefined;
  if (schema.pipe?.some((a) => a.type === 'integer')) {
    const low = Math.max(min ?? -1e9, gt === undefined ? -Infinity : Math.floor(gt) + 1);
    const high = max ?? 1e9;
    return fc.oneof(
      fc.constantFrom(low, high),
      fc.double({ min: low, max: high, noNaN: true }).map((x) => noNegativeZero(Math.floor(x))),
    );
  }
  return fc
    .double({
      min: gt ?? min ?? -Number.MAX_VALUE,
      max: max ?? Number.MAX_VALUE,
      minExcluded: gt !== undefined,
      noNaN: true,
      noDefaultInfinity: true,
    })
    .map(noNegativeZero);
}

function stringArb(schema: Walked): fc.Arbitrary<string> {
  const regex = requirement(schema, 'regex') as RegExp | undefined;
  if (regex) return fc.stringMatching(regex);
  const minLength = (requirement(schema, 'min_length') as number | undefined) ?? 0;
  const maxLength = Math.min((requirement(schema, 'max_length') as number | undefined) ?? 16, minLength + 16);
  return fc.string({ unit: letters, minLength, maxLength });
}

/** An arbitrary of values valid for `schema`, with unknown fields in objects when `extras`. */
function generate(schema: Walked, extras: boolean): fc.Arbitrary<Generated> {
  const arb = walk(schema, extras);
  // refinements (low ≤ mode ≤ high, two different inputs …) are kept by filtering
  return schema.pipe?.some((a) => a.type === 'check')
    ? arb.filter((g) => v.is(schema as unknown as v.GenericSchema, g.clean))
    : arb;
}

function walk(schema: Walked, extras: boolean): fc.Arbitrary<Generated> {
  switch (schema.type) {
    case 'strict_object':
    case 'object': {
      const known = schema.entries ?? {};
      const fields = Object.fromEntries(
        Object.entries(known).map(([key, entry]) => [
          key,
          entry.type === 'optional'
            ? fc.oneof(
                { weight: 2, arbitrary: fc.constant(undefined) },
                { weight: 1, arbitrary: generate(entry.wrapped!, extras) },
              )
            : generate(entry, extras),
        ]),
      );
      const unknown = extras
        ? fc.option(
            fc.dictionary(
              extraKey.filter((k) => !Object.hasOwn(known, k)),
              fc.jsonValue({ maxDepth: 1 }),
              { maxKeys: 3, noNullPrototype: true },
            ),
            { nil: undefined, freq: 2 },
          )
        : fc.constant(undefined);
      return fc.record({ fields: fc.record(fields), unknown }).map(({ fields, unknown }) => {
        const out: Generated = { clean: {}, raw: {}, full: {}, extras: 0 };
        const [clean, raw, full] = [out.clean, out.raw, out.full] as Record<string, unknown>[];
        for (const [key, g] of Object.entries(fields as Record<string, Generated | undefined>)) {
          if (g === undefined) {
            const fallback = known[key].default;
            if (fallback !== undefined) {
              clean[key] = structuredClone(fallback);
              full[key] = structuredClone(fallback);
            }
            continue;
          }
          clean[key] = g.clean;
          raw[key] = g.raw;
          full[key] = g.full;
          out.extras += g.extras;
        }
        for (const [key, x] of Object.entries(unknown ?? {})) {
          raw[key] = x;
          full[key] = x;
          out.extras++;
        }
        return out;
      });
    }
    case 'nullable':
      return fc.option(generate(schema.wrapped!, extras), { nil: null }).map((g) => g ?? same(null));
    case 'array': {
      const minLength = (requirement(schema, 'min_length') as number | undefined) ?? 0;
      const maxLength = Math.min((requirement(schema, 'max_length') as number | undefined) ?? 4, minLength + 3);
      return fc.array(generate(schema.item!, extras), { minLength, maxLength }).map((items) => ({
        clean: items.map((g) => g.clean),
        raw: items.map((g) => g.raw),
        full: items.map((g) => g.full),
        extras: items.reduce((n, g) => n + g.extras, 0),
      }));
    }
    case 'record': {
      const key =
        schema.key!.type === 'picklist'
          ? fc.constantFrom(...(schema.key!.options as string[]))
          : stringArb(schema.key!).filter((k) => !FORBIDDEN_KEYS.has(k));
      return fc.dictionary(key, generate(schema.value!, extras), { maxKeys: 3, noNullPrototype: true }).map((d) => {
        const pick = (part: keyof Generated) => Object.fromEntries(Object.entries(d).map(([k, g]) => [k, g[part]]));
        return {
          clean: pick('clean'),
          raw: pick('raw'),
          full: pick('full'),
          extras: Object.values(d).reduce((n, g) => n + g.extras, 0),
        };
      });
    }
    case 'union':
    case 'variant':
      return fc.oneof(...(schema.options as Walked[]).map((option) => generate(option, extras)));
    case 'picklist':
      return fc.constantFrom(...(schema.options as unknown[])).map(same);
    case 'literal':
      return fc.constant(schema.literal).map(same);
    case 'boolean':
      return fc.boolean().map(same);
    case 'number':
      return numberArb(schema).map(same);
    case 'string':
      return stringArb(schema).map(same);
    default:
      throw new Error(`no generator for the schema type "${schema.type}": add one here`);
  }
}

const entries = (extras: boolean) => generate(EntrySchema as unknown as Walked, extras);

describe('saved scenarios in storage', () => {
  it('round-trips every generated entry without loss: profiles, capabilities, correlations and unknown fields', () => {
    let unknownSeen = 0;
    let optionalSeen = 0;
    fc.assert(
      fc.property(entries(true), ({ clean, raw, full, extras }) => {
        // IndexedDB keeps a structured clone
        const read = readEntry(structuredClone(raw));
        expect(read.ok, read.ok ? '' : read.reason.sv).toBe(true);
        if (!read.ok) return;
        const { stored, ...value } = read.value;
        // (a quick comparison first: the matcher's diff is slow on entries this large)
        if (!isDeepStrictEqual(value, clean)) expect(value).toEqual(clean);
        expect(stored !== undefined).toBe(extras > 0);
        // saved again (renamed, results added …): every field, the unknown ones too, nothing more
        const again = structuredClone(toStored(read.value));
        if (!isDeepStrictEqual(again, full)) expect(again).toEqual(full);
        const reread = readEntry(again);
        const { stored: _, ...revalue } = reread.ok ? reread.value : { stored: null };
        if (!isDeepStrictEqual(revalue, value)) expect(revalue).toEqual(value);
        if (extras > 0) unknownSeen++;
        const s = (clean as { scenario: Record<string, unknown> }).scenario;
        if (s.profiles && s.capabilities && s.correlations) optionalSeen++;
      }),
      { numRuns: 10_000 },
    );
    // the generator reaches the cases that matter
    expect(unknownSeen).toBeGreaterThan(1000);
    expect(optionalSeen).toBeGreaterThan(100);
  }, 180_000);

  it('reads what this version writes, exactly', () => {
    fc.assert(
      fc.property(entries(false), ({ clean }) => {
        const entry = clean as Parameters<typeof toStored>[0];
        const read = readEntry(structuredClone(toStored(entry)));
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.value).toEqual(entry);
      }),
      { numRuns: 1000 },
    );
  });

  it('says in Swedish, by label, why an entry cannot be read, and never throws', () => {
    const base = structuredClone(
      (fc.sample(entries(false), { numRuns: 1, seed: 1 })[0].clean as Record<string, unknown>) ?? {},
    ) as Record<string, Record<string, unknown>>;
    const reason = (raw: unknown) => {
      const read = readEntry(raw);
      return read.ok ? 'ok' : read.reason.sv;
    };
    expect(reason('inte ett objekt')).toBe('Posten är inte ett sparat scenario.');
    expect(reason({ ...base, name: '' })).toContain('namnet saknas');
    expect(reason({ ...base, scenario: { ...base.scenario, members: 'no' } })).toContain('”Kommuner”');
    expect(reason({ ...base, scenario: { ...base.scenario, schemaVersion: 2 } })).toContain('nyare version');
    // results that cannot be read are a cache: the scenario still loads, and is run again when compared
    const noResults = readEntry({ ...base, results: { years: 'x' } });
    expect(noResults.ok && noResults.value.results).toBe(null);
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const read = readEntry(raw);
        expect(read.ok || read.reason.sv.length > 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // a stored own key `__proto__` is kept as a key, and never becomes a prototype
    const hostile = JSON.parse(JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":true},'));
    const kept = readEntry(hostile);
    expect(kept.ok).toBe(true);
    const written = kept.ok ? (toStored(kept.value) as Record<string, unknown>) : {};
    expect(Object.hasOwn(written, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(written)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
