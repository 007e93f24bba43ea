import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Municipality } from '../../src/engine/index.js';
import type { Lang } from '../../src/i18n.js';
import {
  type Change,
  decodeText,
  EDITABLE_FIELDS,
  type EditableField,
  type ImportResult,
  MAX_DATA_ROWS,
  type Problem,
  parseProfileFile,
  profilesJsonTemplate,
  profilesTemplate,
  TEMPLATE_COLUMNS,
  templateHeaders,
} from '../../src/import/profiles.js';
import { readJson } from '../helpers.js';

/** Freezes an object and everything in it, so that any write by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const current = deepFreeze(readJson('public/data/municipalities.json') as Municipality[]);
const snapshot = JSON.stringify(current);
const byCode = (profiles: readonly Municipality[], code: string): Municipality => {
  const found = profiles.find((p) => p.code === code);
  if (!found) throw new Error(`no profile ${code}`);
  return found;
};

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Parses and checks that `current` was left as it was. */
function parse(bytes: Uint8Array, fileName: string): ImportResult {
  const result = parseProfileFile(bytes, fileName, current);
  expect(JSON.stringify(current)).toBe(snapshot);
  return result;
}

/** A file applied in full: no row left out. */
function accepted(result: ImportResult): { changes: Change[]; profiles: Municipality[] } {
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => p.message).join(' | ')}`);
  expect(result.problems, result.problems.map((p) => p.message).join(' | ')).toEqual([]);
  expect(result.profiles).toHaveLength(current.length);
  return result;
}

/** A file whose valid rows can be applied while others are left out with problems. */
function partly(result: ImportResult): { changes: Change[]; profiles: Municipality[]; problems: Problem[] } {
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => p.message).join(' | ')}`);
  expect(result.problems.length).toBeGreaterThan(0);
  expect(result.profiles).toHaveLength(current.length);
  return result;
}

function refused(result: ImportResult): Problem[] {
  if (result.ok) throw new Error(`accepted with ${result.changes.length} changes`);
  expect(result).not.toHaveProperty('profiles');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** The one problem at this row and column; its message must contain every given text. */
function expectProblem(problems: Problem[], row: number | null, column: string | null, ...texts: string[]) {
  const found = problems.filter((p) => p.row === row && p.column === column);
  expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
  for (const text of texts) expect(found[0].message).toContain(text);
}

/** The profiles other than `codes` are the very same objects as before. */
function expectOthersUntouched(profiles: Municipality[], codes: string[]) {
  profiles.forEach((p, i) => {
    expect(p.code).toBe(current[i].code);
    if (!codes.includes(p.code)) expect(p).toBe(current[i]);
  });
}

describe('decodeText', () => {
  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeText(utf8('\uFEFFÅmål;1'))).toEqual({ text: 'Åmål;1', encoding: 'utf-8' });
    expect(decodeText(utf8('Färgelanda'))).toEqual({ text: 'Färgelanda', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeText(new Uint8Array(Buffer.from('Åmål och Färgelanda', 'latin1')))).toEqual({
      text: 'Åmål och Färgelanda',
      encoding: 'windows-1252',
    });
    // 0x80 and 0x96 are € and – in Windows-1252 (not C1 controls as in ISO 8859-1)
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x96, 0x20, 0xe5]))).toEqual({
      text: '€ – å',
      encoding: 'windows-1252',
    });
  });
});

describe('importing valid files', () => {
  it('reads an Excel "CSV (semikolonavgränsad)" export in Windows-1252 with decimal commas', () => {
    const bytes = fixture('excel-semikolon-windows-1252.csv');
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const { changes, profiles } = accepted(parse(bytes, 'excel.csv'));

    const fargelanda = byCode(profiles, '1439');
    expect(fargelanda.name).toBe('Färgelanda');
    expect(fargelanda).toMatchObject({
      population: 6512,
      employees: 712.5,
      itCost: 14_500_000,
      itStaff: 9.5,
      legacyShare: 0.35,
      pupils: byCode(current, '1439').pupils,
    });
    expect(fargelanda.sources.population).toBe('Färgelanda kommun, årsredovisning 2024');
    expect(fargelanda.sources.legacyShare).toBe('Färgelanda kommun, årsredovisning 2024');
    expect(fargelanda.sources.pupils).toBe(byCode(current, '1439').sources.pupils);

    const amal = byCode(profiles, '1492');
    expect(amal.name).toBe('Åmål');
    expect(amal).toMatchObject({ population: 12345, employees: 1300, pupils: 1402, legacyShare: 0.4, itCost: null });
    expect(amal.sources.population).toBe('import: excel.csv');

    // "114": Excel dropped the leading zero of 0114
    const vasby = byCode(profiles, '0114');
    expect(vasby.itStaff).toBe(3);
    expect(vasby.population).toBe(byCode(current, '0114').population);
    expect(vasby.sources.itStaff).toBe('Enkät år 2025');
    const vasbyChanges = changes.filter((c) => c.code === '0114');
    expect(vasbyChanges).toEqual([
      expect.objectContaining({ name: 'Upplands Väsby', field: 'itStaff', from: null, to: 3, row: 4 }),
    ]);
    expect(vasbyChanges[0].note).toContain('114');
    expect(vasbyChanges[0].note).toContain('0114');

    expect(changes.map((c) => `${c.code}.${c.field}`)).toEqual([
      '1439.population',
      '1439.employees',
      '1439.itCost',
      '1439.itStaff',
      '1439.legacyShare',
      '1492.population',
      '1492.employees',
      '1492.pupils',
      '1492.legacyShare',
      '0114.itStaff',
    ]);
    expect(changes[0]).toEqual({
      code: '1439',
      name: 'Färgelanda',
      field: 'population',
      from: byCode(current, '1439').population,
      to: 6512,
      source: 'Färgelanda kommun, årsredovisning 2024',
      row: 2,
    });
    expectOthersUntouched(profiles, ['1439', '1492', '0114']);
  });

  it('reads a UTF-8 file with BOM, Swedish headers and percentages', () => {
    const bytes = fixture('utf8-bom.csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { changes, profiles } = accepted(parse(bytes, 'kommuner.csv'));
    const uddevalla = byCode(profiles, '1485');
    expect(uddevalla.population).toBe(57100);
    expect(uddevalla.populationGrowth).toBeCloseTo(0.0045, 12);
    expect(uddevalla.systems).toBe(230);
    expect(uddevalla.legacyShare).toBe(0.25);
    expect(byCode(profiles, '1480').population).toBe(615000);
    expect(byCode(profiles, '1480').systems).toBe(byCode(current, '1480').systems);
    expect(changes).toHaveLength(5);
    expectOthersUntouched(profiles, ['1485', '1480']);
  });

  it('reads a comma-separated file with decimal points and a quoted source', () => {
    const { changes, profiles } = accepted(parse(fixture('comma.csv'), 'comma.csv'));
    const vasby = byCode(profiles, '0114');
    expect(vasby).toMatchObject({
      population: 50600,
      populationYear: 2025,
      populationGrowth: 0.0021,
      employees: 5400.5,
      itCost: 52_000_000,
      legacyShare: 0.28,
    });
    expect(vasby.sources.itCost).toBe('Upplands Väsby, årsredovisning 2024');
    expect(byCode(profiles, '1492').populationGrowth).toBe(-0.012);
    // populationYear is unchanged (2025), so it is no change
    expect(changes.some((c) => c.field === 'populationYear')).toBe(false);
    expect(changes.every((c) => c.note === undefined)).toBe(true);
    expectOthersUntouched(profiles, ['0114', '1492']);
  });

  it('reads a JSON file of partial profiles', () => {
    const { changes, profiles } = accepted(parse(fixture('profiles.json'), 'profiles.json'));
    const uddevalla = byCode(profiles, '1485');
    expect(uddevalla).toMatchObject({ population: 57000, itCost: 61_000_000, itStaff: 38 });
    expect(uddevalla.sources.itStaff).toBe('Uddevalla kommun, IT-avdelningen 2025');
    const fargelanda = byCode(profiles, '1439');
    expect(fargelanda).toMatchObject({ legacyShare: 0.5, systems: 95 });
    expect(fargelanda).not.toHaveProperty('pupils');
    expect(fargelanda.sources.systems).toBe('import: profiles.json');
    // itStaff of Åmål is already null
    expect(byCode(profiles, '1492')).toBe(byCode(current, '1492'));
    expect(changes).toContainEqual(
      expect.objectContaining({ code: '1439', field: 'pupils', from: byCode(current, '1439').pupils, to: null }),
    );
    expect(changes).toHaveLength(6);
  });

  it('recognises JSON by its content and refuses JSON that is not a list', () => {
    accepted(parse(utf8(' [{"code": 1485, "population": "57 000"}]'), 'data.txt'));
    const problems = refused(parse(utf8('{"code": "1485"}'), 'data.txt'));
    expectProblem(problems, null, null, 'lista');
    expectProblem(refused(parse(utf8('[{"code": "1485",}]'), 'a.json')), null, null, 'inte giltig JSON');
  });

  it('reports a file with only unchanged values as no changes', () => {
    const { changes, profiles } = accepted(parse(utf8('code;population\r\n1485;56 744\r\n'), 'a.csv'));
    expect(changes).toEqual([]);
    profiles.forEach((p, i) => {
      expect(p).toBe(current[i]);
    });
  });
});

describe('refusing broken files', () => {
  it('refuses text in number columns and values outside the schema, with row and column', () => {
    const problems = refused(parse(fixture('wrong-types.csv'), 'fel.csv'));
    expectProblem(problems, 2, 'population', 'Raden 2, kolumnen population: ”abc” är inte ett tal');
    expectProblem(problems, 3, 'employees', 'Raden 3', '”många” är inte ett tal');
    expectProblem(problems, 3, 'itCost', '”12 %”', 'procent');
    expectProblem(problems, 4, 'population', 'Raden 4', '”11 700,5”', 'heltal');
    expectProblem(problems, 4, 'legacyShare', '”1,5”', 'andel från 0 till 1');
    expectProblem(problems, 4, 'itCost', '”-3”', 'negativt');
    expect(problems).toHaveLength(6);
    expect(problems.map((p) => p.row)).toEqual([2, 3, 3, 4, 4, 4]);
  });

  it('leaves out rows with unknown and malformed municipality codes, and keeps the valid one', () => {
    const { problems, changes, profiles } = partly(parse(fixture('unknown-code.csv'), 'a.csv'));
    expectProblem(problems, 3, 'code', 'Raden 3', 'okänd kommunkod 9999');
    expectProblem(problems, 4, 'code', '”12” är ingen kommunkod');
    expect(problems).toHaveLength(2);
    expect(changes.map((c) => `${c.code}.${c.field}`)).toEqual(['1485.population']);
    expect(byCode(profiles, '1485').population).toBe(57000);
    expectOthersUntouched(profiles, ['1485']);
  });

  it('leaves out every row of a municipality given twice, and keeps the others', () => {
    const { problems, changes, profiles } = partly(parse(fixture('duplicates.csv'), 'a.csv'));
    expectProblem(problems, 4, 'code', 'Kommunkoden 1485 förekommer tre gånger (rad 2, 4 och 7)');
    expectProblem(problems, 6, 'code', 'Kommunkoden 1439 förekommer två gånger (rad 3 och 6)');
    expect(problems).toHaveLength(2);
    expect(changes.map((c) => `${c.code}.${c.field}`)).toEqual(['1492.population']);
    expectOthersUntouched(profiles, ['1492']);
  });

  it('counts a padded three-digit code as the same municipality', () => {
    const problems = refused(parse(utf8('code;itStaff\n0114;2\n114;3\n'), 'a.csv'));
    expectProblem(problems, 3, 'code', 'Kommunkoden 0114 förekommer två gånger (rad 2 och 3)');
  });

  it('refuses a file without a code column', () => {
    const problems = refused(parse(fixture('missing-code.csv'), 'a.csv'));
    expectProblem(problems, 1, 'code', 'Kolumnen Kommunkod saknas');
    expect(problems).toHaveLength(1);
  });

  it('refuses an empty file', () => {
    expectProblem(refused(parse(fixture('empty.csv'), 'tom.csv')), null, null, 'Filen är tom');
    expectProblem(refused(parse(utf8('\uFEFF \r\n'), 'tom.csv')), null, null, 'Filen är tom');
    expectProblem(refused(parse(utf8('code;population\r\n;\r\n'), 'a.csv')), null, null, 'inga rader med kommuner');
    expectProblem(refused(parse(utf8('[]'), 'a.json')), null, null, 'tom lista');
  });

  it('refuses binary content', () => {
    expectProblem(refused(parse(fixture('garbage.bin'), 'a.csv')), null, null, 'Filen är inte text (binärt innehåll)');
    // control characters without NUL bytes
    const controls = new Uint8Array(2000).map((_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expectProblem(refused(parse(controls, 'a.csv')), null, null, 'binärt innehåll');
    // an Excel workbook (a zip archive)
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expectProblem(refused(parse(xlsx, 'kommuner.xlsx')), null, null, 'binärt innehåll', '.xlsx');
    // Excel's "Unicode text" (UTF-16 with BOM)
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('code\tpopulation\r\n', 'utf16le')]);
    expectProblem(refused(parse(utf16, 'a.txt')), null, null, 'UTF-16');
  });

  it('refuses a 50 MB file without reading it', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expectProblem(refused(parse(huge, 'stor.csv')), null, null, 'Filen är för stor (50 MB, högst 5 MB)');
  });

  it('keeps messages short for a huge cell or header', () => {
    const long = 'x'.repeat(4 * 1024 * 1024);
    const [header] = refused(parse(utf8(long), 'a.csv'));
    expect(header.message.length).toBeLessThan(400);
    expect(header.column?.length).toBeLessThanOrEqual(60);
    const [cell] = refused(parse(utf8(`code;population\n1485;${long}\n`), 'a.csv'));
    expect(cell).toMatchObject({ row: 2, column: 'population' });
    expect(cell.message.length).toBeLessThan(200);
  });

  it('refuses more than 1 000 rows', () => {
    const rows = Array.from({ length: MAX_DATA_ROWS + 1 }, () => '1485;57000');
    const problems = refused(parse(utf8(`code;population\n${rows.join('\n')}\n`), 'a.csv'));
    expectProblem(problems, null, null, 'För många rader (1 001, högst 1 000)');
    const entries = Array.from({ length: MAX_DATA_ROWS + 1 }, () => ({ code: '1485' }));
    expectProblem(refused(parse(utf8(JSON.stringify(entries)), 'a.json')), null, null, 'högst 1 000');
  });

  it('refuses unknown columns by name, with a suggestion for typos', () => {
    const problems = refused(parse(fixture('unknown-column.csv'), 'a.csv'));
    expectProblem(problems, 1, 'populaton', 'okänd kolumn', 'Menade du population?');
    expectProblem(problems, 1, 'employes', 'okänd kolumn', 'Menade du employees?');
    expect(problems).toHaveLength(2);
    expectProblem(refused(parse(utf8('code;county\n1485;14\n'), 'a.csv')), 1, 'county', 'kan inte ändras');
    expectProblem(refused(parse(utf8('code;population;Invånare\n1485;1;1\n'), 'a.csv')), 1, 'Invånare', 'två gånger');
    expectProblem(refused(parse(utf8('[{"code":"1485","populaton":1}]'), 'a.json')), 1, 'populaton', 'okänt fält');
  });

  it('refuses a name that does not belong to the code', () => {
    const problems = refused(parse(utf8('code;name;population\n1485;Åmål;12000\n'), 'a.csv'));
    expectProblem(problems, 2, 'name', '1485 är Uddevalla', '”Åmål”');
    // the same name in other case and spacing is fine
    accepted(parse(utf8('code;name;population\n1485; UDDEVALLA ;57001\n'), 'a.csv'));
  });

  it('refuses bad quoting and rows longer than the header', () => {
    const problems = refused(parse(utf8('code;population\n1485;57000;12\n1439;"6300\n'), 'a.csv'));
    expectProblem(problems, 2, null, 'fler fält');
    expectProblem(problems, 3, null, 'Raden 3', 'citattecknen stämmer inte');
  });

  it('refuses a source that is too short', () => {
    const problems = refused(parse(utf8('code;population;källa\n1485;57000;x\n'), 'a.csv'));
    expectProblem(problems, 2, 'källa', 'källan');
  });

  it('refuses JSON values of the wrong type', () => {
    const problems = refused(
      parse(utf8(JSON.stringify([{ code: '1485', population: true, employees: null }, { population: 1 }])), 'a.json'),
    );
    expectProblem(problems, 1, 'population', 'Post 1, fältet population: true är inte ett tal');
    expectProblem(problems, 1, 'employees', 'måste ha ett värde');
    expectProblem(problems, 2, 'code', 'fältet Kommunkod (code) saknas');
  });
});

describe('templates', () => {
  it('writes a Swedish CSV template that Excel opens (BOM, semicolons, decimal commas)', () => {
    const csv = profilesTemplate(current.slice(0, 2), 'sv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${templateHeaders('sv').join(';')}`);
    expect(lines[1]).toBe('0114;Upplands Väsby;50495;2025;0,00342;5302;6059;;;199;0,3');
    expect(lines).toHaveLength(4);
    expect(profilesTemplate(current.slice(0, 1), 'en').split('\r\n')[1]).toBe(
      '0114,Upplands Väsby,50495,2025,0.00342,5302,6059,,,199,0.3',
    );
  });

  it('re-imports every template of the current data unchanged', () => {
    for (const lang of ['sv', 'en'] as const) {
      const { changes } = accepted(parse(utf8(profilesTemplate(current, lang)), `mall-${lang}.csv`));
      expect(changes).toEqual([]);
      expect(accepted(parse(utf8(profilesJsonTemplate(current, lang)), `mall-${lang}.json`)).changes).toEqual([]);
    }
    const json = JSON.parse(profilesJsonTemplate(current.slice(0, 1), 'sv'));
    expect(json).toEqual([
      {
        Kommunkod: '0114',
        Kommun: 'Upplands Väsby',
        Invånare: 50495,
        'År för invånarantalet': 2025,
        'Befolkningsförändring per år (andel)': 0.00342,
        Anställda: 5302,
        'Elever med IT-konto': 6059,
        'IT-kostnad (kr per år)': null,
        'IT-personal (årsarbetare)': null,
        'Verksamhetssystem (antal)': 199,
        'Andel äldre system (0–1)': 0.3,
      },
    ]);
  });

  it('heads the Swedish template with labels, not field ids, and the English one with English labels', () => {
    const sv = profilesTemplate(current.slice(0, 1), 'sv').split('\r\n')[0];
    expect(sv).toBe(
      '\uFEFFKommunkod;Kommun;Invånare;År för invånarantalet;Befolkningsförändring per år (andel);Anställda;' +
        'Elever med IT-konto;IT-kostnad (kr per år);IT-personal (årsarbetare);Verksamhetssystem (antal);' +
        'Andel äldre system (0–1)',
    );
    for (const id of TEMPLATE_COLUMNS) expect(sv).not.toContain(id);
    const en = profilesTemplate(current.slice(0, 1), 'en').split('\r\n')[0];
    expect(en).toContain('IT cost (SEK per year)');
    for (const id of TEMPLATE_COLUMNS) expect(en.split(',')).not.toContain(id);
  });

  it('gives the same figures from a template with Swedish headers, English labels or the English field ids', () => {
    // edited figures: a template of them, imported onto the current data, must give them back
    const edited: Municipality[] = current.slice(10, 14).map((p, k) => ({
      ...p,
      population: p.population + 1000 * (k + 1),
      itCost: 14_500_000.5 + k,
      itStaff: 9.5,
      legacyShare: 0.35,
      populationGrowth: -0.0125,
      sources: { ...p.sources },
    }));
    const figures = (profiles: Municipality[]) =>
      edited.map((e) => {
        const p = byCode(profiles, e.code);
        return EDITABLE_FIELDS.map((field) => p[field] ?? null);
      });
    const want = edited.map((e) => EDITABLE_FIELDS.map((field) => e[field] ?? null));
    const sv = profilesTemplate(edited, 'sv');
    const en = profilesTemplate(edited, 'en');
    const lines = sv.split('\r\n');
    const ids = [`\uFEFF${TEMPLATE_COLUMNS.join(';')}`, ...lines.slice(1)].join('\r\n');
    const enIds = [`\uFEFF${TEMPLATE_COLUMNS.join(',')}`, ...en.split('\r\n').slice(1)].join('\r\n');
    const noUnits = [lines[0].replace(/ \([^)]*\)/g, ''), ...lines.slice(1)].join('\r\n');
    for (const [name, text] of [
      ['sv.csv', sv],
      ['en.csv', en],
      ['ids.csv', ids],
      ['en-ids.csv', enIds],
      ['utan-enheter.csv', noUnits],
      ['sv.json', profilesJsonTemplate(edited, 'sv')],
      ['en.json', profilesJsonTemplate(edited, 'en')],
    ] as const) {
      const { profiles, changes } = accepted(parse(utf8(text), name));
      expect(figures(profiles), name).toEqual(want);
      expect(changes.length, name).toBeGreaterThan(0);
    }
    // the JSON of field ids, as files made for earlier versions have it
    const idsJson = JSON.stringify(
      edited.map((p) =>
        Object.fromEntries(
          TEMPLATE_COLUMNS.map((key) => [key, key === 'pupils' ? (p.pupils ?? null) : (p[key] ?? null)]),
        ),
      ),
    );
    expect(figures(accepted(parse(utf8(idsJson), 'ids.json')).profiles)).toEqual(want);
  });

  it('reads a template back after Excel dropped the leading zeros of codes', () => {
    const csv = profilesTemplate(current.slice(0, 3), 'sv')
      .replace(/\r\n0(\d{3});/g, '\r\n$1;')
      .replace(';5302;', ';5400;');
    const { changes } = accepted(parse(utf8(csv), 'mall.csv'));
    expect(changes).toEqual([
      expect.objectContaining({
        code: '0114',
        field: 'employees',
        from: 5302,
        to: 5400,
        note: expect.stringContaining('0114'),
      }),
    ]);
  });

  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const nonNegative = fc.double({ min: 0, max: 1e300, noNaN: true });
  const figures = fc.record({
    population: fc.integer({ min: 1, max: 2_000_000 }),
    populationYear: fc.integer({ min: 1990, max: 2100 }),
    populationGrowth: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
    employees: fc.double({ min: 1, max: 1e12, noNaN: true }),
    pupils: fc.option(nonNegative, { nil: undefined }),
    itCost: fc.option(nonNegative, { nil: null }),
    itStaff: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
    systems: fc.double({ min: 1, max: 5000, noNaN: true }),
    legacyShare: share,
  });

  /** Equal up to the rounding of `formatCsvNumber` (below 5·10⁻⁷ relative) or a subnormal step. */
  const close = (actual: number, expected: number): boolean =>
    Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-300;

  it('gives back the numbers of any valid profile subset exported as a template (sv and en)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: current.length - 1 }), { minLength: 1, maxLength: 12 }),
        fc.array(figures, { minLength: 12, maxLength: 12 }),
        fc.constantFrom<Lang>('sv', 'en'),
        (indices, values, lang) => {
          const edited: Municipality[] = indices.map((i, k) => {
            const { pupils, ...rest } = values[k];
            const profile: Municipality = { ...current[i], ...rest, sources: { ...current[i].sources } };
            if (pupils === undefined) delete profile.pupils;
            else profile.pupils = pupils;
            return profile;
          });
          const result = parseProfileFile(utf8(profilesTemplate(edited, lang)), 'mall.csv', current);
          const { profiles, changes } = accepted(result);
          for (const want of edited) {
            const got = byCode(profiles, want.code);
            for (const field of EDITABLE_FIELDS as readonly EditableField[]) {
              const expected = want[field] ?? null;
              const actual = got[field] ?? null;
              // an empty cell keeps the current value
              if (expected === null) expect(actual).toBe(byCode(current, want.code)[field] ?? null);
              else expect(close(actual ?? Number.NaN, expected), `${want.code}.${field}`).toBe(true);
            }
          }
          expectOthersUntouched(
            profiles,
            edited.map((p) => p.code),
          );
          expect(new Set(changes.map((c) => c.code)).size).toBeLessThanOrEqual(edited.length);
        },
      ),
    );
    expect(JSON.stringify(current)).toBe(snapshot);
  });
});
