import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Capability, type CapabilityMap, DELIVERIES, type Scenario } from '../../src/engine/index.js';
import { type MapImportContext, mapTemplate, parseMapFiles, readLevel } from '../../src/import/capability-map.js';
import { mergeMap } from '../../src/state/capability-map.js';
import { type MapProblem, problemText } from '../../src/state/map-text.js';
import { readJson } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json') as Capability[];
const municipalities = readJson('public/data/municipalities.json') as { code: string; name: string }[];
const fyrbodal = readJson('scenarios/fyrbodal.json') as Scenario;
const members = fyrbodal.members.map((code) => municipalities.find((m) => m.code === code)!);
const example = (readJson('scenarios/fyrbodal-formagekarta.json') as Scenario).capabilityMap!;

const ctx = (current?: CapabilityMap): MapImportContext => ({ members, municipalities, catalogue, current });
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (text: string, name = 'karta.csv') => ({ name, bytes: bytes(text) });
const HEADER = 'Kommunkod;Kommun;Förmåga-id;Förmåga;Nyckelförmåga;Nivå (0–3);Levereras av (egen/leverantör/samverkan)';
const texts = (problems: MapProblem[], lang: 'sv' | 'en' = 'sv', withFile = false) =>
  problems.map((p) => problemText(p, lang, withFile));

describe('the capability map template', () => {
  it('is a Swedish Excel CSV: BOM, semicolons, CRLF, one row per member × capability, pre-filled', () => {
    const text = mapTemplate(members, catalogue, example, 'sv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(HEADER);
    expect(lines.length - 2).toBe(members.length * catalogue.length);
    const dalsEd = lines.find((l) => l.startsWith('1438;Dals-Ed;service-desk;'))!;
    const cell = example.members['1438']['service-desk'];
    expect(dalsEd.split(';').slice(5)).toEqual([
      String(cell.level),
      { own: 'egen', supplier: 'leverantör', collaboration: 'samverkan' }[cell.by],
    ]);
    // empty where not assessed
    expect(mapTemplate(members.slice(0, 1), catalogue, undefined, 'sv').split('\r\n')[1].endsWith(';;')).toBe(true);
  });

  it('round trip: a template of any map, imported, gives the same map (Swedish and English)', () => {
    const ids = catalogue.slice(0, 8).map((c) => c.id);
    const codes = members.slice(0, 4).map((m) => m.code);
    const cell = fc.record({ level: fc.constantFrom(0, 1, 2, 3 as const), by: fc.constantFrom(...DELIVERIES) });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...codes), fc.dictionary(fc.constantFrom(...ids), cell, { minKeys: 1 })),
        fc.constantFrom('sv' as const, 'en' as const),
        (cells, lang) => {
          const map: CapabilityMap = { members: cells };
          const shown = members.slice(0, 4);
          const result = parseMapFiles([file(mapTemplate(shown, catalogue.slice(0, 8), map, lang))], {
            ...ctx(),
            catalogue: catalogue.slice(0, 8),
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.problems).toEqual([]);
          expect(mergeMap(undefined, result.imported).members).toEqual(cells);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('round trip of the whole example map, all 14 kommuner in one file', () => {
    const result = parseMapFiles([file(mapTemplate(members, catalogue, example, 'sv'))], ctx());
    expect(result.ok && mergeMap(undefined, result.imported).members).toEqual(example.members);
  });
});

describe('importing a filled capability map', () => {
  it('reads levels as digits or words, delivery in Swedish or English, and comma-separated English headers', () => {
    expect([0, 1, 2, 3].map(String).map(readLevel)).toEqual([0, 1, 2, 3]);
    expect(
      ['saknas', 'Sårbar', ' ETABLERAD ', 'strong', '2 etablerad', '2,0', '3.0', '', 'ej bedömd'].map(readLevel),
    ).toEqual([0, 1, 2, 3, 2, 2, 3, null, null]);
    expect(['4', '1,5', '-1', 'medel', '2 stark', '30 %'].map(readLevel)).toEqual(Array(6).fill(undefined));
    const csv = 'code,capability,level,by\r\n1438,service-desk,vulnerable,own staff\r\n1438,e-archive,2,Leverantör\r\n';
    const result = parseMapFiles([file(csv)], ctx());
    expect(result.ok && result.imported).toEqual({
      '1438': { 'service-desk': { level: 1, by: 'own' }, 'e-archive': { level: 2, by: 'supplier' } },
    });
  });

  it('names every problem by row and column label in the UI language, and keeps the earlier value of a bad row', () => {
    const current: CapabilityMap = { members: { '1438': { 'service-desk': { level: 2, by: 'own' } } } };
    const csv = [
      HEADER,
      '1438;Dals-Ed;service-desk;;;5;egen',
      '9999;Atlantis;service-desk;;;1;egen',
      '1280;Malmö;service-desk;;;1;egen',
      '1438;Dals-Ed;teleportation;;;1;egen',
      '1438;Dals-Ed;e-archive;;;2;kanske',
      '1438;Dals-Ed;it-procurement;;;2;',
      '1438;Dals-Ed;innovation;;;stark;samverkan',
    ].join('\r\n');
    const result = parseMapFiles([file(`\uFEFF${csv}`)], ctx(current));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(texts(result.problems)).toEqual([
      'Rad 2, kolumn Nivå: ”5” är ingen nivå: skriv 0, 1, 2 eller 3 (eller saknas, sårbar, etablerad, stark)',
      'Rad 3, kolumn Kommunkod: okänd kommunkod ”9999”',
      'Rad 4, kolumn Kommunkod: Malmö (1280) är inte med i scenariot; lägg till kommunen först',
      'Rad 5, kolumn Förmåga-id: okänd förmåga ”teleportation” (använd Förmåga-id från mallen)',
      'Rad 6, kolumn Levereras av: ”kanske” är inget leveranssätt: skriv egen, leverantör eller samverkan',
      'Rad 7, kolumn Levereras av: nivån är ifylld men inte vem som levererar (egen, leverantör eller samverkan)',
    ]);
    expect(texts(result.problems, 'en')[0]).toBe(
      'Row 2, column Level: “5” is not a level: write 0, 1, 2 or 3 (or missing, vulnerable, established, strong)',
    );
    // the bad row of service-desk keeps Dals-Ed's earlier value; only the valid row is new
    expect(result.imported).toEqual({
      '1438': { 'service-desk': { level: 2, by: 'own' }, innovation: { level: 3, by: 'collaboration' } },
    });
  });

  it('merges several files, one per kommun; the same kommun and capability twice is refused in both rows', () => {
    const a = `${HEADER}\r\n1438;Dals-Ed;service-desk;;;1;egen\r\n`;
    const b = `${HEADER}\r\n1460;Bengtsfors;service-desk;;;2;egen\r\n1438;Dals-Ed;service-desk;;;3;egen\r\n`;
    const result = parseMapFiles([file(a, 'dals-ed.csv'), file(b, 'bengtsfors.csv')], ctx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(texts(result.problems, 'sv', true)).toEqual([
      'bengtsfors.csv: Rad 3: samma kommun och förmåga som rad 2 i dals-ed.csv; ingen av raderna läses in',
    ]);
    expect(result.imported).toEqual({ '1438': {}, '1460': { 'service-desk': { level: 2, by: 'own' } } });
  });

  it('treats an empty level as not assessed, and puts back a kommunkod’s leading zero that Excel dropped', () => {
    const stockholm = { code: '0180', name: 'Stockholm' };
    const csv = `Kommunkod;Förmåga-id;Nivå;Levereras av\r\n180;service-desk;;\r\n180;e-archive;0;egen\r\n`;
    const result = parseMapFiles([file(csv)], { ...ctx(), members: [stockholm], municipalities: [stockholm] });
    expect(result.ok && result.imported).toEqual({ '0180': { 'e-archive': { level: 0, by: 'own' } } });
  });

  it('refuses files it cannot read as a whole, naming each, and changes nothing', () => {
    const cases: [string, string][] = [
      ['[{"code":"1438"}]', 'Filen kunde inte läsas'],
      ['Kommun;Nivå\r\nDals-Ed;1\r\n', 'Kolumnerna Kommunkod, Förmåga-id saknas; behåll mallens rubrikrad'],
      [`${HEADER}\r\n`, 'Filen har bara en rubrikrad och inga rader'],
      [`${HEADER}\r\n1438;"Dals-Ed;service-desk;;;1;egen\r\n`, 'citattecknen'],
      ['', 'Filen kunde inte läsas: Filen är tom'],
    ];
    for (const [text, expected] of cases) {
      const result = parseMapFiles([file(text, text.startsWith('[') ? 'karta.json' : 'karta.csv')], ctx());
      expect(result.ok, text).toBe(false);
      const shown = texts(result.problems).join(' | ');
      if (text.startsWith('[')) expect(shown).toMatch(/CSV-mallen/);
      else expect(shown).toContain(expected);
    }
    // English: columns named in English
    const missing = parseMapFiles([file('Kommun;Nivå\n1438;1\n')], ctx());
    expect(texts(missing.problems, 'en')).toEqual([
      'The columns Municipality code, Capability id are missing; keep the template’s header row',
    ]);
  });

  it('reads Windows-1252 text (Excel’s "CSV (semikolonavgränsad)") and tab-separated files', () => {
    const latin1 = Uint8Array.from(
      [...'Kommunkod;Förmåga-id;Nivå;Levereras av\r\n1438;service-desk;2;leverantör\r\n'].map((c) => c.charCodeAt(0)),
    );
    const result = parseMapFiles([{ name: 'ansi.csv', bytes: latin1 }], ctx());
    expect(result.ok && result.imported['1438']).toEqual({ 'service-desk': { level: 2, by: 'supplier' } });
    const tabbed = parseMapFiles([file('code\tcapability\tlevel\tby\n1438\tservice-desk\t1\tsamverkan\n')], ctx());
    expect(tabbed.ok && tabbed.imported['1438']).toEqual({ 'service-desk': { level: 1, by: 'collaboration' } });
  });
});
