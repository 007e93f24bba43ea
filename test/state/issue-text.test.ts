import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_IDS,
  ASSUMPTIONS,
  type Capability,
  type Issue,
  loadModel,
  type Municipality,
  PATH_IDS,
  parseScenario,
  type Scenario,
  ScenarioSchema,
} from '../../src/engine/index.js';
import { PATH_LABEL } from '../../src/i18n.js';
import { formatFieldValue, PROFILE_FIELD_TEXT } from '../../src/import/labels.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { describeIssue } from '../../src/state/issue-text.js';
import { decodeScenario, encodeScenario } from '../../src/state/scenario-link.js';
import { fyrbodal, readJson } from '../helpers.js';

const municipalities = readJson('public/data/municipalities.json') as Municipality[];
const capabilities = readJson('public/data/capabilities.json') as Capability[];

/** Words and shapes of the engine's and valibot's English messages, and of field ids, that a Swedish text must not hold. */
const ENGLISH =
  /\b(Invalid|Expected|[Rr]eceived|must|needs?|unknown|cannot|is|are|not|the|and|or|of|to|from|least|most|lie|link|damaged|short|too|long|member|host|pair|given|twice|listed|capability|undefined|null|NaN|Array|Object|number|string|boolean|never|got|above|below|field|value|kebab|kommunkod is|low|mode|high|sd|sigma|median is)\b/;
/** A field id such as `horizonYears` or a dot path such as `scenario.paths`. */
const ID = /\b[a-z]+[A-Z][A-Za-z]*\b|\b(scenario|paths|assumptions|link|profiles|capabilities)\.\w/;

function expectSwedish(text: string, context: string) {
  expect(text, `${context}: ${text}`).not.toMatch(ENGLISH);
  expect(text, `${context}: ${text}`).not.toMatch(ID);
}

/** The Swedish label of every field of a scenario: a new field in the schema must be added here (and to describeIssue). */
const SCENARIO_LABEL: Record<string, string> = {
  schemaVersion: 'Formatversion',
  id: 'Scenariots id',
  name: 'Scenariots namn',
  description: 'Scenariots beskrivning',
  members: 'Kommuner',
  startYear: 'Startår',
  horizonYears: 'År framåt',
  runs: 'Antal körningar',
  seed: 'Frö',
  discountRate: 'Diskonteringsränta',
  paths: 'Vägval',
  assumptions: 'Antaganden',
  profiles: 'Egna kommunuppgifter',
  capabilities: 'Egna förmågeuppgifter',
  correlations: 'Samband mellan antaganden',
  capabilityMap: 'Förmågekartan',
  stopWhenStable: 'Stoppa vid stabilt svar',
  sampling: 'Dragningsmetod',
};

/** The Swedish label of every setting of a path, as the scenario panel shows it. */
const PATH_SETTING_LABEL: Record<string, string> = {
  enabled: 'med i jämförelsen',
  form: 'Samverkansform',
  members: 'Deltagande kommuner',
  pooled: 'Delade förmågor',
  provided: 'Delade förmågor',
  transferred: 'Förmågor som flyttas',
  bodyPopulation: 'Invånare som den regionala aktören betjänar',
  host: 'Värdkommun',
  exit: 'Utträde ur samarbetet',
};

const ASSUMPTION_LABEL = new Map(ASSUMPTIONS.map((def) => [def.id as string, def.label]));

/** The labels a Swedish text about an issue at this path must contain, from the tables above and the engine's own labels. */
function expectedLabels(path: string): string[] {
  const parts = path.split('.');
  if (parts[0] === 'scenario') parts.shift();
  const [key, sub, setting] = parts;
  if (key === 'assumptions' && sub !== undefined && ASSUMPTION_LABEL.has(sub)) return [ASSUMPTION_LABEL.get(sub)!.sv];
  if (key === 'paths' && sub !== undefined) {
    const path = PATH_LABEL[sub as keyof typeof PATH_LABEL].sv;
    return setting === undefined ? [path] : [path, PATH_SETTING_LABEL[setting]];
  }
  if (key === 'profiles' && setting === 'sources' && parts[3] !== undefined)
    return [SCENARIO_LABEL.profiles, 'Källa', PROFILE_FIELD_TEXT[parts[3] as keyof typeof PROFILE_FIELD_TEXT].label.sv];
  if (key === 'profiles' && setting !== undefined && setting in PROFILE_FIELD_TEXT)
    return [SCENARIO_LABEL.profiles, PROFILE_FIELD_TEXT[setting as keyof typeof PROFILE_FIELD_TEXT].label.sv];
  return [SCENARIO_LABEL[key ?? ''] ?? 'Scenariot'];
}

describe('describeIssue', () => {
  it('has a Swedish label for every field of the scenario schema and every path setting', () => {
    expect(Object.keys(ScenarioSchema.entries).sort()).toEqual(Object.keys(SCENARIO_LABEL).sort());
    for (const key of Object.keys(ScenarioSchema.entries)) {
      const text = describeIssue(
        { path: `scenario.${key}`, message: 'Invalid type: Expected number but received "x"' },
        'sv',
      );
      expect(text.startsWith(`${SCENARIO_LABEL[key]}: `), text).toBe(true);
      expectSwedish(text, key);
    }
    const paths = ScenarioSchema.entries.paths.entries;
    for (const path of PATH_IDS.filter((p) => p !== 'status-quo')) {
      for (const setting of Object.keys(paths[path as keyof typeof paths].entries)) {
        const text = describeIssue(
          { path: `scenario.paths.${path}.${setting}`, message: 'Invalid type: Expected boolean but received 1' },
          'sv',
        );
        expect(text).toContain(PATH_LABEL[path].sv);
        expect(text).toContain(PATH_SETTING_LABEL[setting]);
        expectSwedish(text, `${path}.${setting}`);
      }
    }
  });

  it('names every assumption by its label and says its range and order in Swedish', () => {
    for (const def of ASSUMPTIONS) {
      const order = describeIssue(
        { path: `scenario.assumptions.${def.id}`, message: 'needs low ≤ mode ≤ high and low < high' },
        'sv',
      );
      expect(order).toBe(`${def.label.sv}: måste vara lägsta ≤ troligaste ≤ högsta, och lägsta mindre än högsta`);
      const range = describeIssue(
        { path: `scenario.assumptions.${def.id}`, message: `must lie from ${def.bounds.min} to ${def.bounds.max}` },
        'sv',
      );
      expect(range.startsWith(`${def.label.sv}: måste ligga mellan `), range).toBe(true);
      for (const part of ['low', 'mode', 'high', 'value', 'source']) {
        const text = describeIssue(
          { path: `scenario.assumptions.${def.id}.${part}`, message: 'Invalid type: Expected number but received "x"' },
          'sv',
        );
        expect(text).toContain(def.label.sv);
        expectSwedish(text, `${def.id}.${part}`);
      }
      expectSwedish(order, def.id);
      expectSwedish(range, def.id);
      // and in English, the English label
      expect(describeIssue({ path: `scenario.assumptions.${def.id}`, message: 'needs low ≤ mode ≤ high' }, 'en')).toBe(
        `${def.label.en}: must be low ≤ most likely ≤ high`,
      );
    }
    expect(
      describeIssue({ path: 'scenario.assumptions.wageCost', message: 'must lie from 1000 to 100000000' }, 'sv'),
    ).toBe('Kostnad per årsarbetare (inkl. arbetsgivaravgifter): måste ligga mellan 1000 och 100\u00a0000\u00a0000');
  });

  it('says the cases from the trial in Swedish, beside the field’s label', () => {
    const issues = (change: (s: Scenario) => void): string[] => {
      const s = structuredClone(fyrbodal);
      change(s);
      const result = loadModel(s, municipalities, capabilities);
      if (result.ok) throw new Error('accepted');
      return result.issues.map((i) => describeIssue(i, 'sv', { scenario: s, municipalities, capabilities }));
    };
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(issues((s) => Object.assign(s, { horizonYears: 50 }))).toEqual([
      'År framåt: måste vara ett heltal mellan 1 och 30 (nu 50)',
    ]);
    expect(issues((s) => Object.assign(s, { seed: -5 })).map(nbsp)).toEqual([
      'Frö: måste vara ett heltal mellan 0 och 4 294 967 295 (nu −5)',
    ]);
    expect(issues((s) => Object.assign(s, { seed: 1.5 })).map(nbsp)).toEqual([
      'Frö: måste vara ett heltal mellan 0 och 4 294 967 295 (nu 1,5)',
    ]);
    expect(issues((s) => Object.assign(s, { runs: 0 })).map(nbsp)).toEqual([
      'Antal körningar: måste vara ett heltal mellan 1 och 1 000 000 (nu 0)',
    ]);
    expect(issues((s) => Object.assign(s.paths.omfordelning, { bodyPopulation: 0 })).map(nbsp)).toEqual([
      'Omfördelning av ansvar, Invånare som den regionala aktören betjänar: måste ligga mellan 1 och 20 000 000 (nu 0)',
    ]);
    const [wage] = issues((s) => {
      s.assumptions = {
        wageCost: { dist: 'pert', low: 900_000, mode: 800_000, high: 700_000, source: 'antagande: test' },
      };
    });
    expect(wage).toBe(
      'Kostnad per årsarbetare (inkl. arbetsgivaravgifter): måste vara lägsta ≤ troligaste ≤ högsta, och lägsta mindre än högsta',
    );
    expect(issues((s) => s.members.push('9999'))).toEqual(['Kommuner (9999): okänd kommunkod 9999']);
    expect(issues((s) => Object.assign(s.paths.asymmetrisk, { host: '0114' }))).toEqual([
      'Asymmetrisk ansvarsfördelning, Värdkommun: värdkommunen Upplands Väsby är inte med i samarbetet',
    ]);
  });

  it('says what is wrong with a broken link in Swedish, starting from “Länken”', () => {
    const valid = encodeScenario(fyrbodal, SCENARIOS, 'sv');
    const pack = (payload: unknown) =>
      Buffer.from(deflateSync(strToU8(JSON.stringify(payload))))
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const cases: [string, string][] = [
      [valid.slice(0, 20), 'Länken är skadad eller avklippt och kan inte läsas'],
      ['eJzLSM3JyQcABiwCFQ', 'Länken'],
      ['abc!', 'Länken innehåller tecken som en länk inte kan ha'],
      ['x'.repeat(20_000), 'Länken är för lång (20\u00a0000 tecken, högst 16\u00a0000)'],
      [pack({ v: 99, b: 'fyrbodal', s: {} }), 'Länken är gjord i en nyare version av appen'],
      [pack({ v: 1, b: 'okand', s: {} }), 'Länken bygger på ett okänt förval ”okand”'],
      [
        pack({ v: 1, b: 'fyrbodal', s: { horizonYears: 50 } }),
        'År framåt: måste vara ett heltal mellan 1 och 30 (nu 50)',
      ],
      [pack({ v: 1, b: 'fyrbodal', s: { seed: 'x' } }), 'Frö: måste vara ett tal'],
      [pack({ v: 1, b: 'fyrbodal', l: 'de', s: {} }), 'Länkens språk: måste vara sv eller en'],
      [pack({ v: 1, b: 'fyrbodal', s: { farg: 1 } }), 'Länkens innehåll: har ett okänt fält ”farg”'],
      [pack({ v: 1, b: 'fyrbodal', s: {}, x: 1 }), 'Länken: har ett okänt fält ”x”'],
      [pack([1, 2]), 'Länkens version: saknas'],
    ];
    for (const [link, want] of cases) {
      const decoded = decodeScenario(link, SCENARIOS);
      expect(decoded.ok, link.slice(0, 40)).toBe(false);
      if (decoded.ok) continue;
      const text = describeIssue(decoded.issues[0], 'sv');
      expect(text, JSON.stringify(decoded.issues[0])).toContain(want);
      expectSwedish(text, JSON.stringify(decoded.issues[0]));
    }
    // the forbidden key of a hostile link
    const hostile = decodeScenario(
      Buffer.from(deflateSync(strToU8('{"v":1,"b":"fyrbodal","s":{"__proto__":{"x":1}}}'))).toString('base64url'),
      SCENARIOS,
    );
    expect(hostile.ok).toBe(false);
    if (!hostile.ok)
      expect(describeIssue(hostile.issues[0], 'sv')).toBe('Länken innehåller den otillåtna nyckeln ”__proto__”');
  });

  /** Every leaf of a scenario (with own profiles, capabilities and correlations) as a dot path. */
  function leaves(value: unknown, prefix: string[] = []): string[][] {
    if (typeof value !== 'object' || value === null) return [prefix];
    const entries = Array.isArray(value) ? value.map((x, i) => [String(i), x] as const) : Object.entries(value);
    return [prefix, ...entries.flatMap(([k, v]) => leaves(v, [...prefix, k]))];
  }
  const base: Scenario = {
    ...structuredClone(fyrbodal),
    profiles: [structuredClone(municipalities.find((m) => m.code === fyrbodal.members[0])!)],
    capabilities: [structuredClone(capabilities[0])],
    correlations: [{ a: 'wageCost', b: 'inflation', rho: 0.3 }],
    assumptions: Object.fromEntries(ASSUMPTIONS.map((d) => [d.id, structuredClone(d.default)])),
  };
  base.paths.samverkan.exit = { member: fyrbodal.members[1], year: fyrbodal.startYear + 2, strandedYears: 3 };
  base.paths.asymmetrisk.exit = { probability: 0.05, strandedYears: 3 };
  expect(parseScenario(base).ok).toBe(true);
  const paths = leaves(base).filter((p) => p.length > 0 && !(p[0] === 'capabilities' && p[2] === 'name'));
  const badValues: unknown[] = [
    -5,
    0,
    1.5,
    50,
    1e13,
    -1e13,
    'x',
    '9999',
    null,
    true,
    [],
    {},
    ['9999'],
    ['nope'],
    'a'.repeat(3000),
  ];

  function set(target: unknown, path: string[], value: unknown): void {
    let node = target as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }

  it('says every issue the engine gives for a broken scenario in Swedish, naming the field by its label (property)', () => {
    let seen = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...badValues)), { minLength: 1, maxLength: 3 }),
        (changes) => {
          const s = structuredClone(base);
          for (const [path, value] of changes) {
            try {
              set(s, path, structuredClone(value));
            } catch {
              // an earlier change replaced the parent: nothing to set
            }
          }
          const result = loadModel(s, municipalities, capabilities);
          if (result.ok) return;
          for (const issue of result.issues) {
            seen++;
            const text = describeIssue(issue, 'sv', { scenario: s, municipalities, capabilities });
            const unknownKey =
              /^Invalid key: Expected .+ but received "/.test(issue.message) ||
              issue.path.endsWith(`.${/but received "(.*)"$/.exec(issue.message)?.[1]}`);
            const at = unknownKey ? issue.path.split('.').slice(0, -1).join('.') : issue.path;
            for (const label of expectedLabels(at)) expect(text, `${issue.path}: ${issue.message}`).toContain(label);
            expectSwedish(text, `${issue.path}: ${issue.message}`);
            expect(describeIssue(issue, 'en', { scenario: s })).not.toBe('');
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(seen).toBeGreaterThan(100);
  });

  it('says every issue of a link to a broken scenario in Swedish (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ASSUMPTION_IDS),
        fc.tuple(fc.double({ noNaN: true, min: -1e13, max: 1e13 }), fc.double({ noNaN: true, min: -1e13, max: 1e13 })),
        fc.integer({ min: 0, max: 200 }),
        (id, [a, b], cut) => {
          const s = structuredClone(fyrbodal);
          s.assumptions = {
            [id]: { dist: 'pert', low: Math.max(a, b), mode: 0, high: Math.min(a, b), source: 'antagande: prov' },
          };
          const link = encodeScenario(s, SCENARIOS, 'sv');
          const decoded = decodeScenario(link, SCENARIOS);
          const model = decoded.ok ? loadModel(decoded.value.scenario, municipalities, capabilities) : decoded;
          const issues: Issue[] = model.ok ? [] : model.issues;
          for (const issue of issues) {
            const text = describeIssue(issue, 'sv');
            expect(text).toContain(ASSUMPTION_LABEL.get(id)!.sv);
            expectSwedish(text, issue.message);
          }
          // the same link cut short anywhere
          const short = decodeScenario(link.slice(0, Math.min(cut, link.length - 1)), SCENARIOS);
          if (!short.ok) for (const issue of short.issues) expectSwedish(describeIssue(issue, 'sv'), issue.message);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('formatFieldValue', () => {
  it('writes an import preview’s values with sv-SE separators and units', () => {
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(
      nbsp(
        `${PROFILE_FIELD_TEXT.itCost.label.sv} – ${formatFieldValue(PROFILE_FIELD_TEXT.itCost, 14_500_000.5, 'sv')}`,
      ),
    ).toBe('IT-kostnad – 14 500 000,5 kr');
    expect(formatFieldValue(PROFILE_FIELD_TEXT.legacyShare, 0.35, 'sv')).toBe('35 %');
    expect(formatFieldValue(PROFILE_FIELD_TEXT.populationGrowth, 0.00342, 'sv')).toBe('0,342 %');
    expect(formatFieldValue(PROFILE_FIELD_TEXT.populationYear, 2025, 'sv')).toBe('2025');
    expect(formatFieldValue(PROFILE_FIELD_TEXT.itStaff, 9.5, 'sv')).toBe('9,5 årsarbetare');
    expect(formatFieldValue(PROFILE_FIELD_TEXT.itCost, null, 'sv')).toBe('–');
    expect(formatFieldValue(PROFILE_FIELD_TEXT.itCost, 14_500_000.5, 'en')).toBe('SEK 14,500,000.5');
  });
});
