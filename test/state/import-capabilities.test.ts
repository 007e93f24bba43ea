import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Capability } from '../../src/engine/index.js';
import type { Lang } from '../../src/i18n.js';
import {
  CAPABILITY_FIELDS,
  CAPABILITY_TEMPLATE_COLUMNS,
  type CapabilityChange,
  type CapabilityImportResult,
  type CapabilityProblem,
  capabilitiesJsonTemplate,
  capabilitiesTemplate,
  capabilityTemplateHeaders,
  parseCapabilityFile,
} from '../../src/import/capabilities.js';
import { decodeText } from '../../src/import/profiles.js';
import { readJson } from '../helpers.js';

/** Freezes an object and everything in it, so that any write by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const current = deepFreeze(readJson('public/data/capabilities.json') as Capability[]);
const snapshot = JSON.stringify(current);
const byId = (capabilities: readonly Capability[], id: string): Capability => {
  const found = capabilities.find((c) => c.id === id);
  if (!found) throw new Error(`no capability ${id}`);
  return found;
};

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/import/capabilities-${name}`, import.meta.url)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parse(bytes: Uint8Array, fileName: string): CapabilityImportResult {
  const result = parseCapabilityFile(bytes, fileName, current);
  expect(JSON.stringify(current)).toBe(snapshot);
  return result;
}

/** A file applied in full: no row left out. */
function accepted(result: CapabilityImportResult): { changes: CapabilityChange[]; capabilities: Capability[] } {
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => p.message).join(' | ')}`);
  expect(result.problems, result.problems.map((p) => p.message).join(' | ')).toEqual([]);
  expect(result.capabilities).toHaveLength(current.length);
  return result;
}

/** A file whose valid rows can be applied while others are left out with problems. */
function partly(result: CapabilityImportResult) {
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => p.message).join(' | ')}`);
  expect(result.problems.length).toBeGreaterThan(0);
  expect(result.capabilities).toHaveLength(current.length);
  return result;
}

function refused(result: CapabilityImportResult): CapabilityProblem[] {
  if (result.ok) throw new Error(`accepted with ${result.changes.length} changes`);
  expect(result).not.toHaveProperty('capabilities');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** The one problem at this row and column; its message must contain every given text. */
function expectProblem(problems: CapabilityProblem[], row: number | null, column: string | null, ...texts: string[]) {
  const found = problems.filter((p) => p.row === row && p.column === column);
  expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
  for (const text of texts) expect(found[0].message).toContain(text);
}

function expectOthersUntouched(capabilities: Capability[], ids: string[]) {
  capabilities.forEach((c, i) => {
    expect(c.id).toBe(current[i].id);
    if (!ids.includes(c.id)) expect(c).toBe(current[i]);
  });
}

describe('importing valid capability files', () => {
  it('reads a Swedish Excel CSV in Windows-1252 with decimal commas and Swedish headers', () => {
    const bytes = fixture('excel-semikolon-windows-1252.csv');
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const { changes, capabilities } = accepted(parse(bytes, 'formagor.csv'));

    const desk = byId(capabilities, 'service-desk');
    expect(desk).toMatchObject({
      minFte: 0.75,
      fteAtRef: 3.25,
      scale: { low: 0.75, mode: 0.85, high: 0.95 },
      nonStaffCost: 275_000,
      poolable: true,
      transferable: false,
      refVolume: byId(current, 'service-desk').refVolume,
    });
    expect(desk.sources.minFte).toBe('Enkät Fyrbodal 2025');
    expect(desk.sources.scale).toBe('Enkät Fyrbodal 2025');
    expect(desk.sources.poolable).toBe(byId(current, 'service-desk').sources.poolable);

    const hosting = byId(capabilities, 'hosting-operations');
    expect(hosting).toMatchObject({
      minFte: 1,
      fteAtRef: 1.5,
      nonStaffCost: 2_750_000.5,
      poolable: false,
      transferable: false,
    });
    expect(hosting.scale).toEqual(byId(current, 'hosting-operations').scale);
    expect(hosting.sources.poolable).toBe('import: formagor.csv');

    expect(changes.map((c) => `${c.id}.${c.field}`)).toEqual([
      'service-desk.minFte',
      'service-desk.fteAtRef',
      'service-desk.scale_low',
      'service-desk.scale_mode',
      'service-desk.scale_high',
      'service-desk.nonStaffCost',
      'hosting-operations.minFte',
      'hosting-operations.nonStaffCost',
      'hosting-operations.poolable',
      'hosting-operations.transferable',
    ]);
    expect(changes[0]).toEqual({
      id: 'service-desk',
      name: 'Servicedesk och användarsupport',
      field: 'minFte',
      from: 0.5,
      to: 0.75,
      source: 'Enkät Fyrbodal 2025',
      row: 2,
    });
    expect(changes.at(-1)).toMatchObject({ from: true, to: false, row: 3 });
    expectOthersUntouched(capabilities, ['service-desk', 'hosting-operations']);
  });

  it('reads a JSON file of partial capabilities, with a partial scale', () => {
    const { changes, capabilities } = accepted(parse(fixture('partial.json'), 'formagor.json'));
    const incident = byId(capabilities, 'incident-management');
    expect(incident.minFte).toBe(0.4);
    expect(incident.scale).toEqual({ ...byId(current, 'incident-management').scale, high: 0.95 });
    expect(incident.sources.scale).toBe('Incidentstatistik 2024');
    const archive = byId(capabilities, 'e-archive');
    expect(archive).toMatchObject({ refVolume: 40_000, poolable: false, transferable: true });
    expect(archive.sources.refVolume).toBe('import: formagor.json');
    // transferable was already true
    expect(changes.map((c) => `${c.id}.${c.field}`)).toEqual([
      'incident-management.minFte',
      'incident-management.scale_high',
      'e-archive.refVolume',
      'e-archive.poolable',
    ]);
    expectOthersUntouched(capabilities, ['incident-management', 'e-archive']);
  });

  it('accepts every boolean spelling, comma separators and an English name', () => {
    for (const [word, value] of [
      ['Ja', true],
      ['nej', false],
      ['YES', true],
      ['no', false],
      ['true', true],
      ['FALSE', false],
      ['1', true],
      ['0', false],
      ['SANT', true],
      ['falskt', false],
    ] as const) {
      const { capabilities } = accepted(
        parse(utf8(`id,name,poolable\nservice-desk,Service desk and user support,${word}\n`), 'a.csv'),
      );
      expect(byId(capabilities, 'service-desk').poolable).toBe(value);
    }
  });
});

describe('refusing broken capability files', () => {
  it('leaves out a row with an unknown id, naming it, and keeps the valid row', () => {
    const { problems, changes } = partly(parse(fixture('unknown-id.csv'), 'a.csv'));
    expectProblem(problems, 3, 'id', 'Raden 3, kolumnen id', 'okänd förmåga ”serverdrift”');
    expect(problems).toHaveLength(1);
    expect(changes.map((c) => `${c.id}.${c.field}`)).toEqual(['service-desk.minFte']);
    // a name in the id column gets a hint
    const [byName] = refused(parse(utf8('id;minFte\nE-arkiv och digitalt bevarande;1\n'), 'a.csv'));
    expect(byName.message).toContain('Menade du e-archive?');
  });

  it('leaves out both rows of a capability given twice, naming them, and keeps the other', () => {
    const { problems, changes } = partly(parse(fixture('duplicates.csv'), 'a.csv'));
    expectProblem(problems, 4, 'id', 'Förmågan service-desk förekommer två gånger (rad 2 och 4)');
    expect(problems).toHaveLength(1);
    expect(changes.map((c) => `${c.id}.${c.field}`)).toEqual(['e-archive.minFte']);
  });

  it('refuses text in number and yes/no columns', () => {
    const problems = refused(parse(fixture('wrong-types.csv'), 'a.csv'));
    expectProblem(problems, 2, 'minFte', 'Raden 2, kolumnen minFte: ”abc” är inte ett tal');
    expectProblem(problems, 2, 'poolable', '”kanske”', 'ja eller nej');
    expect(problems).toHaveLength(2);
    expectProblem(
      refused(parse(utf8(JSON.stringify([{ id: 'service-desk', minFte: 'många', poolable: 2 }])), 'a.json')),
      1,
      'minFte',
      'Post 1, fältet minFte: ”många” är inte ett tal',
    );
  });

  it('refuses a scale with low above high, and values outside the schema', () => {
    const problems = refused(parse(fixture('scale.csv'), 'a.csv'));
    expectProblem(problems, 2, 'scale_low', 'lägsta ≤ troligast ≤ högsta', '1,1, 0,9 och 0,9');
    expect(problems).toHaveLength(1);
    const json = refused(parse(utf8(JSON.stringify([{ id: 'service-desk', scale: { mode: 0.7 } }])), 'a.json'));
    expectProblem(json, 1, 'scale.mode', 'lägsta ≤ troligast ≤ högsta');
    const range = refused(parse(utf8('id;minFte;refVolume;scale_high\nservice-desk;-1;0;1,5\n'), 'a.csv'));
    expectProblem(range, 2, 'minFte', '”-1”', 'negativt');
    expectProblem(range, 2, 'refVolume', '”0”', 'större än 0');
    expectProblem(range, 2, 'scale_high', '”1,5”', '0,3 till 1,2');
    expect(range).toHaveLength(3);
  });

  it('refuses unknown and fixed columns', () => {
    const problems = refused(parse(fixture('unknown-column.csv'), 'a.csv'));
    expectProblem(problems, 1, 'kostnad', 'okänd kolumn');
    expectProblem(problems, 1, 'group', 'kan inte ändras');
    expect(problems).toHaveLength(2);
    expectProblem(refused(parse(utf8('id;scale\nservice-desk;1\n'), 'a.csv')), 1, 'scale', 'scale_low');
    expectProblem(refused(parse(utf8('minFte\n1\n'), 'a.csv')), 1, 'id', 'Kolumnen Förmåga saknas');
    expectProblem(
      refused(parse(utf8('[{"id":"service-desk","scale":{"lo":1}}]'), 'a.json')),
      1,
      'scale.lo',
      'okänt fält',
    );
  });

  it('refuses an empty file', () => {
    expectProblem(refused(parse(fixture('empty.csv'), 'tom.csv')), null, null, 'Filen är tom');
    expectProblem(refused(parse(utf8('\uFEFF \r\n'), 'tom.csv')), null, null, 'Filen är tom');
    expectProblem(refused(parse(utf8('id;minFte\r\n;\r\n'), 'a.csv')), null, null, 'inga rader med förmågor');
    expectProblem(refused(parse(utf8('[]'), 'a.json')), null, null, 'tom lista');
  });

  it('refuses a name that does not belong to the id, and a too short source', () => {
    const problems = refused(parse(utf8('förmåga;namn;minFte\nservice-desk;E-arkiv;1\n'), 'a.csv'));
    expectProblem(problems, 2, 'namn', 'service-desk heter ”Servicedesk och användarsupport”', '”E-arkiv”');
    expectProblem(refused(parse(utf8('id;minFte;källa\nservice-desk;1;x\n'), 'a.csv')), 2, 'källa', 'källan');
  });
});

describe('capability templates', () => {
  it('writes the template columns with the scale flattened', () => {
    const sv = capabilitiesTemplate(current.slice(0, 1), 'sv').split('\r\n');
    expect(sv[0]).toBe(`\uFEFF${capabilityTemplateHeaders('sv').join(';')}`);
    expect(sv[0]).toBe(
      '\uFEFFFörmåga (id);Namn;Minsta bemanning (årsarbetare);Bemanning vid referensvolym (årsarbetare);' +
        'Referensvolym;Skalelasticitet lägsta;Skalelasticitet troligast;Skalelasticitet högsta;' +
        'Övriga kostnader (kr per år);Skalelasticitet för övriga kostnader;Kan delas (ja/nej);Kan flyttas (ja/nej)',
    );
    for (const id of CAPABILITY_TEMPLATE_COLUMNS) expect(sv[0].split(';')).not.toContain(id);
    expect(sv[1]).toBe('service-desk;Servicedesk och användarsupport;0,5;2,8;5000;0,8;0,9;1;250000;0,8;ja;nej');
    expect(capabilitiesTemplate(current.slice(0, 1), 'en').split('\r\n')[1]).toBe(
      'service-desk,Service desk and user support,0.5,2.8,5000,0.8,0.9,1,250000,0.8,yes,no',
    );
    expect(JSON.parse(capabilitiesJsonTemplate(current.slice(0, 1), 'sv'))).toEqual([
      {
        'Förmåga (id)': 'service-desk',
        Namn: { sv: 'Servicedesk och användarsupport', en: 'Service desk and user support' },
        'Minsta bemanning (årsarbetare)': 0.5,
        'Bemanning vid referensvolym (årsarbetare)': 2.8,
        Referensvolym: 5000,
        'Skalelasticitet lägsta': 0.8,
        'Skalelasticitet troligast': 0.9,
        'Skalelasticitet högsta': 1,
        'Övriga kostnader (kr per år)': 250000,
        'Skalelasticitet för övriga kostnader': 0.8,
        'Kan delas (ja/nej)': true,
        'Kan flyttas (ja/nej)': false,
      },
    ]);
    // the JSON of field ids, as files made for earlier versions have it, is read as before
    const idsJson = [
      {
        id: 'service-desk',
        name: { sv: 'Servicedesk och användarsupport', en: 'Service desk and user support' },
        minFte: 0.5,
        fteAtRef: 2.8,
        refVolume: 5000,
        scale: { low: 0.8, mode: 0.9, high: 1 },
        nonStaffCost: 250000,
        nonStaffScale: 0.8,
        poolable: true,
        transferable: false,
      },
    ];
    const edited = { ...idsJson[0], minFte: 0.7, scale: { low: 0.75, mode: 0.9, high: 1 }, poolable: false };
    const { changes } = accepted(parse(utf8(JSON.stringify([edited])), 'ids.json'));
    expect(changes.map((c) => `${c.field}:${c.to}`)).toEqual(['minFte:0.7', 'scale_low:0.75', 'poolable:false']);
  });

  it('re-imports every template of the current catalogue with no changes', () => {
    for (const lang of ['sv', 'en'] as const) {
      const { changes, capabilities } = accepted(parse(utf8(capabilitiesTemplate(current, lang)), `mall-${lang}.csv`));
      expect(changes).toEqual([]);
      expectOthersUntouched(capabilities, []);
      expect(accepted(parse(utf8(capabilitiesJsonTemplate(current, lang)), `mall-${lang}.json`)).changes).toEqual([]);
    }
  });

  it('gives the same figures from a template with Swedish headers, English labels or the English field ids', () => {
    const edited: Capability[] = current.slice(0, 4).map((c, k) => ({
      ...c,
      minFte: 0.25 + k,
      nonStaffCost: 14_500_000.5,
      scale: { low: 0.6, mode: 0.7 + k / 100, high: 1.1 },
      poolable: !c.poolable,
    }));
    const figures = (capabilities: Capability[]) =>
      edited.map((e) => {
        const c = byId(capabilities, e.id);
        return [
          c.minFte,
          c.fteAtRef,
          c.refVolume,
          c.scale,
          c.nonStaffCost,
          c.nonStaffScale,
          c.poolable,
          c.transferable,
        ];
      });
    const want = figures(edited);
    const sv = capabilitiesTemplate(edited, 'sv');
    const lines = sv.split('\r\n');
    const ids = [`\uFEFF${CAPABILITY_TEMPLATE_COLUMNS.join(';')}`, ...lines.slice(1)].join('\r\n');
    const noUnits = [lines[0].replace(/ \([^)]*\)/g, ''), ...lines.slice(1)].join('\r\n');
    for (const [name, text] of [
      ['sv.csv', sv],
      ['en.csv', capabilitiesTemplate(edited, 'en')],
      ['ids.csv', ids],
      ['utan-enheter.csv', noUnits],
      ['sv.json', capabilitiesJsonTemplate(edited, 'sv')],
      ['en.json', capabilitiesJsonTemplate(edited, 'en')],
    ] as const) {
      const { capabilities, changes } = accepted(parse(utf8(text), name));
      expect(figures(capabilities), name).toEqual(want);
      expect(changes.length, name).toBeGreaterThan(0);
    }
  });

  /** Equal up to the rounding of `formatCsvNumber` (below 5·10⁻⁷ relative). */
  const close = (actual: number, expected: number): boolean =>
    Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-300;

  const beta = fc.double({ min: 0.3, max: 1.2, noNaN: true });
  const edit = fc.record({
    minFte: fc.double({ min: 0, max: 1e4, noNaN: true }),
    fteAtRef: fc.double({ min: 0, max: 1e4, noNaN: true }),
    refVolume: fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
    scale: fc.tuple(beta, beta, beta).map((xs) => xs.sort((a, b) => a - b)),
    nonStaffCost: fc.double({ min: 0, max: 1e12, noNaN: true }),
    nonStaffScale: fc.double({ min: 0, max: 1.2, noNaN: true }),
    poolable: fc.boolean(),
    transferable: fc.boolean(),
  });

  it('gives back random valid edits written through the template (sv and en)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: current.length - 1 }), { minLength: 1, maxLength: 10 }),
        fc.array(edit, { minLength: 10, maxLength: 10 }),
        fc.constantFrom<Lang>('sv', 'en'),
        (indices, edits, lang) => {
          const edited: Capability[] = indices.map((i, k) => {
            const { scale, ...rest } = edits[k];
            return { ...current[i], ...rest, scale: { low: scale[0], mode: scale[1], high: scale[2] } };
          });
          const { capabilities } = accepted(
            parseCapabilityFile(utf8(capabilitiesTemplate(edited, lang)), 'mall.csv', current),
          );
          for (const want of edited) {
            const got = byId(capabilities, want.id);
            for (const field of CAPABILITY_FIELDS) {
              const part = field.startsWith('scale_') ? (field.slice(6) as 'low' | 'mode' | 'high') : null;
              const expected = part ? want.scale[part] : want[field as 'minFte'];
              const actual = part ? got.scale[part] : got[field as 'minFte'];
              if (typeof expected === 'boolean') expect(actual, `${want.id}.${field}`).toBe(expected);
              else expect(close(actual, expected), `${want.id}.${field}: ${actual} ≠ ${expected}`).toBe(true);
            }
          }
          expectOthersUntouched(
            capabilities,
            edited.map((c) => c.id),
          );
        },
      ),
    );
    expect(JSON.stringify(current)).toBe(snapshot);
  });
});
