import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { type Capability, type CapabilityMap, DELIVERIES, type Scenario } from '../../src/engine/index.js';
import { type MapImportContext, mapTemplate, parseMapFiles, readLevel } from '../../src/import/capability-map.js';
import { readMapInputs } from '../../src/import/xlsx.js';
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

describe('importing a filled capability map saved as an Excel workbook (.xlsx)', () => {
  const fixture = (name: string) => ({
    name,
    bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))),
  });
  const workbook = async (sheets: { sheet: string; data: (string | number | null)[][] }[], name = 'karta.xlsx') => {
    const buffer = await writeExcelFile(sheets.map((s) => ({ sheet: s.sheet, data: s.data }))).toBuffer();
    return { name, bytes: new Uint8Array(buffer) };
  };
  const COLUMNS = ['Kommunkod', 'Förmåga-id', 'Nivå (0–3)', 'Levereras av'];

  it('gives the same map, and the same problems, as the same template saved as CSV', async () => {
    const xlsx = await readMapInputs([fixture('formagekarta-ifylld.xlsx')]);
    expect('sheets' in xlsx[0]).toBe(true);
    const fromXlsx = parseMapFiles(xlsx, ctx());
    const fromCsv = parseMapFiles(await readMapInputs([fixture('formagekarta-ifylld.csv')]), ctx());
    expect(fromCsv.ok).toBe(true);
    expect(fromXlsx.ok && fromXlsx.imported).toEqual(fromCsv.ok && fromCsv.imported);
    expect(fromXlsx.problems).toEqual([]);
    if (!fromXlsx.ok) return;
    expect(Object.keys(fromXlsx.imported).sort()).toEqual(['1438', '1460', '1488']);
    expect(fromXlsx.imported['1438']['service-desk']).toEqual({ level: 1, by: 'own' });
    expect(fromXlsx.imported['1460']['service-desk']).toEqual({ level: 0, by: 'supplier' });
    expect(fromXlsx.imported['1488']['service-desk']).toEqual({ level: 3, by: 'collaboration' });
    // the last capability of Trollhättan is left empty: not assessed
    expect(Object.keys(fromXlsx.imported['1488'])).toHaveLength(catalogue.length - 1);
  });

  it('reads numbers as Excel stores them, and names a bad cell by its row and column', async () => {
    const file = await workbook([
      {
        sheet: 'formagekarta-dals-ed',
        data: [
          COLUMNS,
          [1438, 'service-desk', 2, 'egen'],
          [1438, 'e-archive', 7, 'egen'],
          [null, null, null, null],
          [1438, 'innovation', 1.5, 'leverantör'],
          [180, 'it-procurement', 'stark', 'samverkan'],
        ],
      },
    ]);
    const result = parseMapFiles(await readMapInputs([file]), ctx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // row numbers as Excel shows them: the blank row 4 counts
    expect(texts(result.problems)).toEqual([
      'Rad 3, kolumn Nivå: ”7” är ingen nivå: skriv 0, 1, 2 eller 3 (eller saknas, sårbar, etablerad, stark)',
      'Rad 5, kolumn Nivå: ”1.5” är ingen nivå: skriv 0, 1, 2 eller 3 (eller saknas, sårbar, etablerad, stark)',
      'Rad 6, kolumn Kommunkod: Stockholm (0180) är inte med i scenariot; lägg till kommunen först',
    ]);
    expect(texts(result.problems, 'en')[0]).toMatch(/^Row 3, column Level: “7” is not a level/);
    expect(result.imported).toEqual({ '1438': { 'service-desk': { level: 2, by: 'own' } } });
  });

  it('reads the sheet named as the template, or the first with its columns, when a workbook has several', async () => {
    const notes = { sheet: 'Anvisningar', data: [['Fyll i Nivå och Levereras av'], ['Frågor: it@dals-ed.se']] };
    const map = (level: number) => ({ sheet: 'Blad2', data: [COLUMNS, [1438, 'service-desk', level, 'egen']] });
    const read = async (...sheets: { sheet: string; data: (string | number | null)[][] }[]) => {
      const result = parseMapFiles(await readMapInputs([await workbook(sheets)]), ctx());
      return result.ok ? result.imported['1438']['service-desk'] : result.problems;
    };
    expect(await read(notes, map(2))).toEqual({ level: 2, by: 'own' });
    expect(await read(map(1), { ...map(3), sheet: 'formagekarta-alla' })).toEqual({ level: 3, by: 'own' });
  });

  it('reads CSV and .xlsx files imported together, naming each file in its problems', async () => {
    const csv = file(`${HEADER}\r\n1439;Färgelanda;service-desk;;;2;egen\r\n1439;Färgelanda;e-archive;;;9;egen\r\n`);
    const xlsx = await workbook([{ sheet: 'Blad1', data: [COLUMNS, [1460, 'service-desk', 'sårbar', 'samverkan']] }]);
    const result = parseMapFiles(await readMapInputs([csv, xlsx]), ctx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files).toEqual(['karta.csv', 'karta.xlsx']);
    expect(result.imported).toEqual({
      '1439': { 'service-desk': { level: 2, by: 'own' } },
      '1460': { 'service-desk': { level: 1, by: 'collaboration' } },
    });
    expect(texts(result.problems, 'sv', true)).toEqual([expect.stringMatching(/^karta\.csv: Rad 3, kolumn Nivå: ”9”/)]);
  });

  it('refuses a file that is neither CSV nor a workbook, or an old .xls, naming it in the UI language', async () => {
    const garbage = { ...fixture('garbage.bin'), name: 'kommun.xlsx' };
    const zip = { name: 'arkiv.xlsx', bytes: zipSync({ 'readme.txt': new TextEncoder().encode('hej') }) };
    const xls = { name: 'gammal.xls', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) };
    const broken = { name: 'trasig.xlsx', bytes: fixture('formagekarta-ifylld.xlsx').bytes.slice(0, 4000) };
    for (const f of [garbage, zip, broken, xls]) {
      const result = parseMapFiles(await readMapInputs([f]), ctx());
      expect(result.ok, f.name).toBe(false);
      const [sv] = texts(result.problems, 'sv', true);
      const [en] = texts(result.problems, 'en', true);
      if (f === xls) {
        expect(sv).toBe(
          `${f.name}: Filen är i Excels äldre format (.xls); spara den som ”Excel-arbetsbok (.xlsx)” eller ”CSV UTF-8”`,
        );
        continue;
      }
      expect(sv).toBe(
        `${f.name}: Filen kan inte läsas, varken som CSV eller som Excel-arbetsbok (.xlsx); öppna den i Excel och spara den som ”Excel-arbetsbok (.xlsx)” eller ”CSV UTF-8”`,
      );
      expect(en).toMatch(
        new RegExp(`^${f.name.replace('.', '\\.')}: The file cannot be read, neither as CSV nor as an Excel workbook`),
      );
    }
    // the garbage under its own name, beside a good file: refused as a whole, the good file named by nothing
    const mixed = parseMapFiles(
      await readMapInputs([fixture('garbage.bin'), fixture('formagekarta-ifylld.xlsx')]),
      ctx(),
    );
    expect(mixed.ok).toBe(false);
    expect(texts(mixed.problems, 'en', true)).toEqual([
      expect.stringMatching(/^garbage\.bin: The file cannot be read, neither as CSV nor as an Excel workbook/),
    ]);
  });
});
