import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_IDS,
  ASSUMPTIONS,
  CAPABILITY_GROUPS,
  type Capability,
  type Municipality,
  parseCapabilities,
  parseMunicipalities,
} from '../../src/engine/index.js';
import { fyrbodal, readJson } from '../helpers.js';

const municipalities = readJson('public/data/municipalities.json') as Municipality[];
const capabilities = readJson('public/data/capabilities.json') as Capability[];
const regions = readJson('public/data/regions.json') as { id: string; members: string[]; source: string }[];

/** SCB 31 Dec 2024 as republished (shared/DATA-SOURCES.md, table 1a); Tanum's is 31 Dec 2023. */
const FYRBODAL_2024: Record<string, number> = {
  '1460': 9076,
  '1438': 4606,
  '1439': 6376,
  '1484': 13907,
  '1461': 9052,
  '1430': 10354,
  '1421': 15352,
  '1427': 9104,
  '1486': 13482,
  '1488': 59003,
  '1485': 57010,
  '1487': 40041,
  '1492': 11906,
};

describe('municipality data', () => {
  it('validates against the schema', () => {
    const result = parseMunicipalities(municipalities);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('holds all 290 kommuner with unique four-digit codes in 21 counties', () => {
    expect(municipalities).toHaveLength(290);
    const codes = new Set(municipalities.map((m) => m.code));
    expect(codes.size).toBe(290);
    for (const m of municipalities) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.code.slice(0, 2)).toBe(m.county);
    }
    expect(new Set(municipalities.map((m) => m.county)).size).toBe(21);
  });

  it('gives every figure a source or a derivation note', () => {
    const fields = ['population', 'populationGrowth', 'employees', 'pupils', 'systems', 'legacyShare', 'itCost'];
    for (const m of municipalities) {
      for (const field of fields) expect(m.sources[field], `${m.code} ${field}`).toMatch(/\S{3}/);
      for (const field of ['populationGrowth', 'employees', 'pupils', 'systems', 'legacyShare']) {
        expect(m.sources[field], `${m.code} ${field}`).toMatch(/antagande|härlett|wikipedia|SCB/i);
      }
    }
  });

  it('matches the sourced 2024 populations of the 14 Fyrbodal kommuner', () => {
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    for (const [code, population] of Object.entries(FYRBODAL_2024)) {
      const m = byCode.get(code);
      expect(m?.populationPrev, code).toBe(population);
      expect(m?.populationPrevYear, code).toBe(2024);
    }
    const tanum = byCode.get('1435');
    expect(tanum?.sources.populationGrowth).toContain('2023');
    expect(fyrbodal.members.every((code) => byCode.has(code))).toBe(true);
  });

  it('has regions whose members all exist, including Fyrbodal as in the default scenario', () => {
    const codes = new Set(municipalities.map((m) => m.code));
    for (const region of regions) {
      expect(region.source.length, region.id).toBeGreaterThan(3);
      for (const code of region.members) expect(codes.has(code), `${region.id} ${code}`).toBe(true);
    }
    const fyr = regions.find((r) => r.id === 'fyrbodal');
    expect(new Set(fyr?.members)).toEqual(new Set(fyrbodal.members));
    expect(regions.find((r) => r.id === 'sml-it')?.members.sort()).toEqual(['1427', '1430', '1484']);
  });
});

describe('capability catalogue', () => {
  it('validates against the schema with unique ids', () => {
    const result = parseCapabilities(capabilities);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(new Set(capabilities.map((c) => c.id)).size).toBe(capabilities.length);
  });

  it('has about 55 capabilities covering all nine key capabilities', () => {
    expect(capabilities.length).toBeGreaterThanOrEqual(50);
    expect(capabilities.length).toBeLessThanOrEqual(60);
    for (const group of CAPABILITY_GROUPS)
      expect(
        capabilities.some((c) => c.group === group),
        group,
      ).toBe(true);
  });

  it('gives every number a source or an antagande', () => {
    for (const c of capabilities) {
      for (const field of ['minFte', 'fteAtRef', 'scale', 'nonStaffCost', 'poolable']) {
        expect(c.sources[field], `${c.id}.${field}`).toBeTruthy();
      }
    }
  });

  it('keeps understanding the business local', () => {
    for (const c of capabilities.filter((x) => x.group === 'verksamhetens-behov')) expect(c.poolable, c.id).toBe(false);
  });
});

describe('assumptions', () => {
  it('lists every uncertain input once, in draw order, each with a source', () => {
    expect(ASSUMPTIONS.map((a) => a.id)).toEqual([...ASSUMPTION_IDS]);
    for (const a of ASSUMPTIONS) {
      expect(a.default.source, a.id).toMatch(/\S{10}/);
      expect(a.label.sv && a.label.en, a.id).toBeTruthy();
    }
  });
});
