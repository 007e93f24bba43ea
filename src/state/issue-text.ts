/**
 * Problems in a scenario, a link, a file or the data, said in the UI language for the people who read them.
 *
 * The engine, the link decoder and the schema report an {@link Issue}: a dot path of field ids
 * (`scenario.assumptions.wageCost`) and a short English message (`needs low ≤ mode ≤ high`), which is what
 * files, tests and the CLI need. Nobody using the app should read those: {@link describeIssue} turns one into
 * a sentence that names the field by the label the user sees (`Kostnad per årsarbetare …`, `År framåt`,
 * `Frö`, `Länken`) and says what is wrong in words (`måste ligga mellan 1 och 30`). Messages it does not
 * know still come out in the UI language, naming the field. Pure: no DOM.
 */
import {
  ASSUMPTIONS,
  CapabilitySchema,
  type Issue,
  MunicipalitySchema,
  ScenarioSchema,
  type Text,
} from '../engine/index.js';
import { FORM_LABEL, type Lang, PATH_LABEL, t } from '../i18n.js';
import {
  CAPABILITY_FIELD_TEXT,
  capabilityFieldLabel,
  formatExact,
  PROFILE_FIELD_TEXT,
  profileFieldLabel,
} from '../import/labels.js';

/** What helps to name things: the scenario and data the issue is about, all optional. */
export interface IssueContext {
  /** The scenario (raw or parsed), to name its members, own profiles, own capabilities and correlations. */
  scenario?: unknown;
  /** The municipalities of the data, to name a kommun rather than give its code or position. */
  municipalities?: readonly { code: string; name: string }[];
  /** The capability catalogue, to name a capability rather than give its id or position. */
  capabilities?: readonly { id: string; name: Text }[];
}

const L = (sv: string, en: string): Text => ({ sv, en });
const tx = (key: Parameters<typeof t>[0]): Text => ({ sv: t(key, 'sv'), en: t(key, 'en') });

/** The scenario's own fields. */
const SCENARIO_FIELD: Record<string, Text> = {
  schemaVersion: L('Formatversion', 'Format version'),
  id: L('Scenariots id', 'Scenario id'),
  name: L('Scenariots namn', 'Scenario name'),
  description: L('Scenariots beskrivning', 'Scenario description'),
  members: tx('members'),
  startYear: L('Startår', 'Start year'),
  horizonYears: tx('horizon'),
  runs: L('Antal körningar', 'Number of runs'),
  seed: tx('seed'),
  discountRate: L('Diskonteringsränta', 'Discount rate'),
  paths: tx('paths'),
  assumptions: tx('assumptions'),
  profiles: L('Egna kommunuppgifter', 'Own municipality figures'),
  capabilities: L('Egna förmågeuppgifter', 'Own capability figures'),
  correlations: L('Samband mellan antaganden', 'Correlations between assumptions'),
  capabilityMap: L('Förmågekartan', 'The capability map'),
};

/** The settings of a path (`paths.samverkan.form`). */
const PATH_FIELD: Record<string, Text> = {
  enabled: L('med i jämförelsen', 'included in the comparison'),
  form: tx('form'),
  members: L('Deltagande kommuner', 'Participating municipalities'),
  pooled: tx('shared'),
  provided: tx('shared'),
  transferred: L('Förmågor som flyttas', 'Capabilities moved'),
  bodyPopulation: tx('bodyPopulation'),
  host: tx('host'),
  exit: L('Utträde ur samarbetet', 'Leaving the arrangement'),
};

/** The parts of a member's exit (`paths.samverkan.exit.year`). */
const EXIT_FIELD: Record<string, Text> = {
  member: L('kommunen som lämnar', 'the municipality leaving'),
  year: L('år', 'year'),
  probability: L('sannolikhet per år', 'probability per year'),
  strandedYears: L('år med strandad kostnad', 'years of stranded cost'),
};

/** The parts of an assumption's distribution (`assumptions.wageCost.low`). */
const DIST_FIELD: Record<string, Text> = {
  dist: L('fördelning', 'distribution'),
  low: L('lägsta värde', 'low value'),
  mode: L('troligaste värde', 'most likely value'),
  high: L('högsta värde', 'high value'),
  value: L('värde', 'value'),
  mean: L('medelvärde', 'mean'),
  sd: L('standardavvikelse', 'standard deviation'),
  median: L('median', 'median'),
  sigma: L('spridning σ', 'spread σ'),
  source: L('källa', 'source'),
};

/** The distributions by name, for a message about an unknown one. */
const DIST_NAME: Record<string, Text> = {
  fixed: L('fast värde', 'fixed value'),
  uniform: L('likformig', 'uniform'),
  triangular: L('triangelfördelning', 'triangular'),
  pert: L('PERT', 'PERT'),
  normal: L('normalfördelning', 'normal'),
  lognormal: L('lognormalfördelning', 'lognormal'),
};

/** The parts of a correlation (`correlations.0.rho`). */
const CORRELATION_FIELD: Record<string, Text> = {
  a: L('första antagandet', 'first assumption'),
  b: L('andra antagandet', 'second assumption'),
  rho: L('korrelation', 'correlation'),
  source: L('källa', 'source'),
};

/** The parts of a link's envelope. */
const LINK_FIELD: Record<string, Text> = {
  v: L('Länkens version', 'The link’s version'),
  b: L('Länkens förval', 'The link’s preset'),
  l: L('Länkens språk', 'The link’s language'),
  s: L('Länkens innehåll', 'The link’s content'),
};

const LANGUAGE_NAME: Record<string, Text> = { sv: L('på svenska', 'in Swedish'), en: L('på engelska', 'in English') };

const ASSUMPTION_LABEL = new Map<string, Text>(ASSUMPTIONS.map((def) => [def.id, def.label]));
const isIndex = (part: string | undefined): part is string => part !== undefined && /^\d+$/.test(part);
const nth = (part: string, lang: Lang): string =>
  lang === 'sv' ? `nr ${Number(part) + 1}` : `no. ${Number(part) + 1}`;
const quote = (text: string, lang: Lang): string => (lang === 'sv' ? `”${clip(text)}”` : `“${clip(text)}”`);
const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const unknownField = (key: string, lang: Lang) =>
  lang === 'sv' ? `fältet ${quote(key, lang)}` : `the field ${quote(key, lang)}`;

/** A value of the context's scenario at a path, if there is one. */
function scenarioValue(context: IssueContext | undefined, ...parts: (string | number)[]): unknown {
  let value: unknown = context?.scenario;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A municipality's name by its code, or the code. */
function municipalityName(code: string, context: IssueContext | undefined): string {
  const own = scenarioValue(context, 'profiles');
  const fromScenario = Array.isArray(own) ? own.find((p) => p?.code === code)?.name : undefined;
  // an own profile's name may itself be what is wrong (not text): then the embedded name, or the code
  if (typeof fromScenario === 'string' && fromScenario !== '') return fromScenario;
  return context?.municipalities?.find((m) => m.code === code)?.name ?? code;
}

/** A capability's name by its id, or the id. */
function capabilityName(id: string, context: IssueContext | undefined, lang: Lang): string {
  const own = scenarioValue(context, 'capabilities');
  const found =
    (Array.isArray(own) ? own.find((c) => c?.id === id)?.name : undefined) ??
    context?.capabilities?.find((c) => c.id === id)?.name;
  return typeof found?.[lang] === 'string' ? found[lang] : id;
}

/** A profile field, with the field a `sources` entry documents: `Källa (IT-kostnad)`. */
function profilePart(rest: string[], lang: Lang): string {
  const [field, sub] = rest;
  if (field === 'sources' && sub !== undefined)
    return `${profileFieldLabel('source', lang)} (${profileFieldLabel(sub, lang)})`;
  return field in PROFILE_FIELD_TEXT ? profileFieldLabel(field, lang) : unknownField(field, lang);
}

/** A capability field, with the scale's parts and a name's language: `Skalelasticitet lägsta`, `Namn (på svenska)`. */
function capabilityPart(rest: string[], lang: Lang): string {
  const [field, sub] = rest;
  if (field === 'scale' && sub !== undefined && `scale_${sub}` in CAPABILITY_FIELD_TEXT)
    return capabilityFieldLabel(`scale_${sub}`, lang);
  if (field === 'sources' && sub !== undefined) {
    const documented = sub === 'scale' ? 'scale' : sub;
    return `${capabilityFieldLabel('source', lang)} (${capabilityFieldLabel(documented, lang)})`;
  }
  if ((field === 'name' || field === 'description') && sub !== undefined && sub in LANGUAGE_NAME)
    return `${capabilityFieldLabel(field, lang)} (${LANGUAGE_NAME[sub][lang]})`;
  return field in CAPABILITY_FIELD_TEXT ? capabilityFieldLabel(field, lang) : unknownField(field, lang);
}

/** A label of a scenario path (without the `scenario.` prefix). */
function scenarioLabel(parts: string[], lang: Lang, context: IssueContext | undefined): string {
  const [key, ...rest] = parts;
  if (key === undefined) return lang === 'sv' ? 'Scenariot' : 'The scenario';
  const own = SCENARIO_FIELD[key];
  if (!own) return unknownField(key, lang).replace(/^./, (c) => c.toUpperCase());
  const label = own[lang];
  if (rest.length === 0) return label;
  switch (key) {
    case 'name':
    case 'description':
      return rest[0] in LANGUAGE_NAME ? `${label} (${LANGUAGE_NAME[rest[0]][lang]})` : label;
    case 'members': {
      if (!isIndex(rest[0])) return label;
      const code = scenarioValue(context, 'members', Number(rest[0]));
      return `${label} (${typeof code === 'string' ? municipalityName(code, context) : nth(rest[0], lang)})`;
    }
    case 'paths':
      return pathLabel(rest, lang);
    case 'assumptions':
      return assumptionLabel(rest, lang);
    case 'profiles': {
      if (!isIndex(rest[0])) return label;
      const code = scenarioValue(context, 'profiles', Number(rest[0]), 'code');
      const who = typeof code === 'string' ? municipalityName(code, context) : nth(rest[0], lang);
      return rest.length > 1 ? `${label}, ${who}, ${profilePart(rest.slice(1), lang)}` : `${label}, ${who}`;
    }
    case 'capabilities': {
      if (!isIndex(rest[0])) return label;
      const id = scenarioValue(context, 'capabilities', Number(rest[0]), 'id');
      const which = typeof id === 'string' ? capabilityName(id, context, lang) : nth(rest[0], lang);
      return rest.length > 1 ? `${label}, ${which}, ${capabilityPart(rest.slice(1), lang)}` : `${label}, ${which}`;
    }
    case 'capabilityMap': {
      // capabilityMap.members.<kommunkod>.<capability id>.level
      if (rest[0] !== 'members' || rest[1] === undefined) return label;
      const who = municipalityName(rest[1], context);
      return rest[2] === undefined ? `${label}, ${who}` : `${label}, ${who}, ${capabilityName(rest[2], context, lang)}`;
    }
    case 'correlations': {
      if (!isIndex(rest[0])) return label;
      const a = scenarioValue(context, 'correlations', Number(rest[0]), 'a');
      const b = scenarioValue(context, 'correlations', Number(rest[0]), 'b');
      const pair =
        typeof a === 'string' && typeof b === 'string' && ASSUMPTION_LABEL.has(a) && ASSUMPTION_LABEL.has(b)
          ? `${ASSUMPTION_LABEL.get(a)?.[lang]} – ${ASSUMPTION_LABEL.get(b)?.[lang]}`
          : nth(rest[0], lang);
      const part =
        rest[1] === undefined ? '' : `, ${CORRELATION_FIELD[rest[1]]?.[lang] ?? unknownField(rest[1], lang)}`;
      return `${label} (${pair})${part}`;
    }
    default:
      return label;
  }
}

/** `paths.samverkan.exit.year` → `Samverkan: Utträde ur samarbetet, år`. */
function pathLabel(rest: string[], lang: Lang): string {
  const [path, field, sub] = rest;
  const name = PATH_LABEL[path as keyof typeof PATH_LABEL]?.[lang] ?? `${t('path', lang)} ${quote(path, lang)}`;
  if (field === undefined) return name;
  const setting = PATH_FIELD[field]?.[lang] ?? unknownField(field, lang);
  if (sub === undefined) return `${name}, ${setting}`;
  if (field === 'exit') return `${name}, ${setting}, ${EXIT_FIELD[sub]?.[lang] ?? unknownField(sub, lang)}`;
  if (isIndex(sub)) return `${name}, ${setting} (${nth(sub, lang)})`;
  return `${name}, ${setting}`;
}

/** `assumptions.wageCost.low` → `Lönekostnad per årsarbetare …, lägsta värde`. */
function assumptionLabel(rest: string[], lang: Lang): string {
  const [id, part] = rest;
  const label = ASSUMPTION_LABEL.get(id)?.[lang];
  if (!label) return `${t('assumptions', lang)}, ${quote(id, lang)}`;
  if (part === undefined) return label;
  return `${label}, ${DIST_FIELD[part]?.[lang] ?? unknownField(part, lang)}`;
}

/** A label of a path into the data (`municipalities.3.itCost`, `capabilities.0.scale.low`). */
function dataLabel(
  kind: 'municipalities' | 'capabilities',
  rest: string[],
  lang: Lang,
  context?: IssueContext,
): string {
  const sv = lang === 'sv';
  const title =
    kind === 'municipalities'
      ? sv
        ? 'Kommundata'
        : 'Municipality data'
      : sv
        ? 'Förmågekatalogen'
        : 'Capability catalogue';
  if (!isIndex(rest[0])) return title;
  const i = Number(rest[0]);
  const who =
    kind === 'municipalities'
      ? (context?.municipalities?.[i]?.name ?? nth(rest[0], lang))
      : (context?.capabilities?.[i]?.name[lang] ?? nth(rest[0], lang));
  if (rest.length === 1) return `${title}, ${who}`;
  const part = kind === 'municipalities' ? profilePart(rest.slice(1), lang) : capabilityPart(rest.slice(1), lang);
  return `${title}, ${who}, ${part}`;
}

/**
 * The field an issue's path is about, by the label a user sees, in the language: `År framåt`,
 * `Lönekostnad per årsarbetare …, högsta värde`, `Samverkan: Samverkansform`, `Länken`.
 *
 * Paths are those of the engine: `scenario.…` (as `loadModel` and `decodeScenario` give them), `link.…`,
 * `municipalities.N.…` and `capabilities.N.…` for the data files; a path that starts with a scenario
 * field (`horizonYears`, as `parseScenario` gives it) is read as one of the scenario. An unknown field is
 * named by its key (`fältet ”extra”`).
 */
export function fieldLabel(path: string, lang: Lang, context?: IssueContext): string {
  const parts = path === '' || path === '(root)' ? [] : path.split('.');
  const [head, ...rest] = parts;
  if (head === 'link') {
    if (rest.length === 0) return lang === 'sv' ? 'Länken' : 'The link';
    const envelope = LINK_FIELD[rest[0]]?.[lang] ?? (lang === 'sv' ? 'Länken' : 'The link');
    return rest[0] === 's' && rest.length > 1
      ? `${envelope}: ${scenarioLabel(rest.slice(1), lang, context)}`
      : envelope;
  }
  if (head === 'scenario' || head === undefined) return scenarioLabel(rest, lang, context);
  // `capabilities.…` without a prefix is the data's catalogue, as `loadModel` reports it
  if (head === 'municipalities' || head === 'capabilities') return dataLabel(head, rest, lang, context);
  return scenarioLabel(parts, lang, context);
}

// ---------------------------------------------------------------------------------------------------------
// Messages

/** Numbers in a message, with the language's separators (`4 294 967 295`, `−0,99`); years stay `2030`. */
function num(text: string, lang: Lang): string {
  const x = Number(text);
  return text.trim() !== '' && Number.isFinite(x) ? formatExact(x, lang) : text;
}

/** The range a schema allows at a path: its minimum, maximum, and whether it must be a whole number. */
interface Range {
  min?: number;
  max?: number;
  above?: number;
  integer: boolean;
}

type AnySchema = {
  type: string;
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  item?: AnySchema;
  value?: AnySchema;
  options?: AnySchema[];
  pipe?: { kind: string; type: string; requirement?: unknown }[];
};

/** The schema of a field at a path of `schema`, if the path leads to one. */
function schemaAt(schema: AnySchema | undefined, parts: string[]): AnySchema | undefined {
  let node = schema;
  for (const part of parts) {
    while (node && (node.type === 'optional' || node.type === 'nullable' || node.type === 'nullish'))
      node = node.wrapped;
    if (!node) return undefined;
    if (node.options) {
      for (const option of node.options) {
        const found = schemaAt(option, [part]);
        if (found) {
          node = found;
          break;
        }
      }
      if (node.options) return undefined;
      continue;
    }
    if (node.entries) node = node.entries[part];
    else if (node.type === 'array' && isIndex(part)) node = node.item;
    else if (node.type === 'record') node = node.value;
    else return undefined;
  }
  while (node && (node.type === 'optional' || node.type === 'nullable' || node.type === 'nullish')) node = node.wrapped;
  return node;
}

/** The range of a number field at an issue path, from the project's schemas; `null` for other fields. */
function rangeAt(path: string): Range | null {
  const parts = path.split('.');
  const [head, ...rest] = parts;
  const tail = head === 'link' && rest[0] === 's' ? rest.slice(1) : rest;
  const schema =
    head === 'scenario' || (head === 'link' && rest[0] === 's')
      ? schemaAt(ScenarioSchema as unknown as AnySchema, tail)
      : head === 'municipalities'
        ? schemaAt(MunicipalitySchema as unknown as AnySchema, rest.slice(1))
        : head === 'capabilities'
          ? schemaAt(CapabilitySchema as unknown as AnySchema, rest.slice(1))
          : head in SCENARIO_FIELD
            ? schemaAt(ScenarioSchema as unknown as AnySchema, parts)
            : undefined;
  if (!schema?.pipe || schema.type !== 'number') return null;
  const range: Range = { integer: false };
  for (const action of schema.pipe) {
    if (action.type === 'min_value') range.min = action.requirement as number;
    else if (action.type === 'max_value') range.max = action.requirement as number;
    else if (action.type === 'gt_value') range.above = action.requirement as number;
    else if (action.type === 'integer') range.integer = true;
  }
  return range;
}

/** What a range asks for, in words: `måste vara ett heltal mellan 1 och 30`, `måste ligga mellan 0 och 1`. */
function rangeWords(range: Range, lang: Lang): string {
  const sv = lang === 'sv';
  const n = (x: number) => formatExact(x, lang);
  const whole = range.integer ? (sv ? 'måste vara ett heltal ' : 'must be a whole number ') : '';
  if (range.min !== undefined && range.max !== undefined)
    return sv
      ? `${whole || 'måste ligga '}mellan ${n(range.min)} och ${n(range.max)}`
      : `${whole || 'must lie '}from ${n(range.min)} to ${n(range.max)}`;
  if (range.min !== undefined)
    return sv ? `${whole || 'måste vara '}minst ${n(range.min)}` : `${whole || 'must be '}at least ${n(range.min)}`;
  if (range.max !== undefined)
    return sv ? `${whole || 'får vara '}högst ${n(range.max)}` : `${whole || 'must be '}at most ${n(range.max)}`;
  if (range.above !== undefined)
    return sv
      ? `${whole || 'måste vara '}större än ${n(range.above)}`
      : `${whole || 'must be '}above ${n(range.above)}`;
  return sv ? 'måste vara ett heltal' : 'must be a whole number';
}

/** ` (nu 50)`: the value given, when it is a number. */
function given(received: string | undefined, lang: Lang): string {
  if (received === undefined) return '';
  const x = Number(received);
  if (received.trim() === '' || Number.isNaN(x)) return '';
  return lang === 'sv' ? ` (nu ${num(received, lang)})` : ` (now ${num(received, lang)})`;
}

/** A translated message: a clause after the field's label, or (`whole`) a sentence that names the field itself. */
interface Said {
  text: string;
  whole?: boolean;
}

/** What a valibot type error asks for: `ska vara ett tal`, `ska vara en av …`. */
function expectedType(expected: string, path: string, lang: Lang): string {
  const sv = lang === 'sv';
  const last = path.split('.').at(-1) ?? '';
  const parent = path.split('.').at(-2) ?? '';
  if (expected === 'number') return sv ? 'måste vara ett tal' : 'must be a number';
  if (expected === 'string') return sv ? 'måste vara text' : 'must be text';
  if (expected === 'boolean') return sv ? 'måste vara ja eller nej' : 'must be yes or no';
  if (expected === 'Array') return sv ? 'måste vara en lista' : 'must be a list';
  if (expected === 'Object')
    return path === '' || path === '(root)' || path === 'scenario'
      ? sv
        ? 'måste vara ett scenario (ett JSON-objekt)'
        : 'must be a scenario (a JSON object)'
      : sv
        ? 'måste vara ett objekt'
        : 'must be an object';
  if (/^-?\d+(\.\d+)?$/.test(expected)) return sv ? `måste vara ${num(expected, lang)}` : `must be ${expected}`;
  if (last === 'form') {
    const forms = Object.values(FORM_LABEL).map((x) => x[lang]);
    return sv ? `måste vara en av: ${forms.join(', ')}` : `must be one of: ${forms.join(', ')}`;
  }
  if (last === 'dist') {
    const dists = Object.values(DIST_NAME).map((x) => x[lang]);
    return sv
      ? `måste vara en av fördelningarna ${dists.join(', ')}`
      : `must be one of the distributions ${dists.join(', ')}`;
  }
  if (['pooled', 'provided', 'transferred'].includes(last) || ['pooled', 'provided', 'transferred'].includes(parent))
    return sv
      ? 'måste vara ett urval av förmågor (alla som går, inga, eller en lista med förmågor)'
      : 'must be a selection of capabilities (all that can, none, or a list of capabilities)';
  if (last === 'members' || parent === 'members')
    return sv ? 'måste vara alla eller en lista med kommunkoder' : 'must be all or a list of municipality codes';
  if (last === 'a' || last === 'b') return sv ? 'måste vara ett av antagandena' : 'must be one of the assumptions';
  if (last === 'l') return sv ? 'måste vara sv eller en' : 'must be sv or en';
  if (/^".*"$/.test(expected) || expected.startsWith('('))
    return sv ? 'har ett värde som inte finns bland de möjliga' : 'has a value that is not one of the possible ones';
  return sv ? 'har fel typ av värde' : 'has the wrong kind of value';
}

/** One known message: its pattern and what it says, given the match. */
type Rule = [RegExp, (m: RegExpExecArray, issue: Issue, lang: Lang, context: IssueContext | undefined) => Said];

const say = (sv: string, en: string, lang: Lang): Said => ({ text: lang === 'sv' ? sv : en });
const sayWhole = (sv: string, en: string, lang: Lang): Said => ({ text: lang === 'sv' ? sv : en, whole: true });

/** The messages of valibot, the schema, the engine's checks and the link decoder, in the order tried. */
const RULES: Rule[] = [
  // valibot's own messages
  [
    /^Invalid type: Expected (.+) but received (.+)$/,
    (m, issue, lang) => {
      if (m[2] === 'undefined') return say('saknas', 'is missing', lang);
      const key = /^"(.*)"$/.exec(m[2])?.[1];
      if (key !== undefined && issue.path.split('.').at(-1) === key)
        return say(`har ett okänt fält ${quote(key, lang)}`, `has an unknown field ${quote(key, lang)}`, lang);
      return { text: expectedType(m[1], issue.path, lang) };
    },
  ],
  [/^Invalid key: Expected .+ but received undefined$/, (_m, _i, lang) => say('saknas', 'is missing', lang)],
  [
    /^Invalid key: Expected .+ but received "(.*)"$/,
    (m, _i, lang) => say(`har ett okänt fält ${quote(m[1], lang)}`, `has an unknown field ${quote(m[1], lang)}`, lang),
  ],
  [
    /^Invalid (integer|finite): Received (.+)$/,
    (m, issue, lang) => {
      const range = rangeAt(issue.path);
      const now = m[1] === 'integer' ? given(m[2], lang) : '';
      if (range) return { text: `${rangeWords(range, lang)}${now}` };
      return m[1] === 'integer'
        ? say(`måste vara ett heltal${given(m[2], lang)}`, `must be a whole number${given(m[2], lang)}`, lang)
        : say('måste vara ett ändligt tal', 'must be a finite number', lang);
    },
  ],
  [
    /^Invalid value: Expected (>=|<=|>|<)(\S+) but received (.+)$/,
    (m, issue, lang) => {
      const now = given(m[3], lang);
      const range = rangeAt(issue.path);
      if (range) return { text: `${rangeWords(range, lang)}${now}` };
      const n = num(m[2], lang);
      const words: Record<string, [string, string]> = {
        '>=': [`måste vara minst ${n}`, `must be at least ${n}`],
        '<=': [`får vara högst ${n}`, `must be at most ${n}`],
        '>': [`måste vara större än ${n}`, `must be above ${n}`],
        '<': [`måste vara mindre än ${n}`, `must be below ${n}`],
      };
      return say(`${words[m[1]][0]}${now}`, `${words[m[1]][1]}${now}`, lang);
    },
  ],
  [
    /^Invalid length: Expected (>=|<=)(\d+) but received (\d+)$/,
    (m, issue, lang) => {
      const last = issue.path.split('.').at(-1) ?? '';
      const characters =
        ['sv', 'en', 'source', 'id', 'name', 'framework', 'b'].includes(last) || /sources\.[^.]+$/.test(issue.path);
      const unit = characters ? (lang === 'sv' ? ' tecken' : ' characters') : '';
      const n = num(m[2], lang);
      const now = lang === 'sv' ? ` (nu ${num(m[3], lang)})` : ` (now ${num(m[3], lang)})`;
      return m[1] === '>='
        ? say(`måste ha minst ${n}${unit}${now}`, `must have at least ${n}${unit}${now}`, lang)
        : say(`får ha högst ${n}${unit}${now}`, `may have at most ${n}${unit}${now}`, lang);
    },
  ],
  [/^Invalid format/, (_m, _i, lang) => say('har fel form', 'has the wrong format', lang)],
  [/^Invalid /, (_m, _i, lang) => say('har ett värde som inte godtas', 'has a value that is not accepted', lang)],

  // the schema's own messages
  [
    /^needs a source/,
    (_m, _i, lang) =>
      say(
        'behöver en källa eller ”antagande: …” (minst 3 tecken)',
        'needs a source or “antagande: …” (at least 3 characters)',
        lang,
      ),
  ],
  [
    /^must be a four-digit kommunkod$/,
    (_m, _i, lang) => say('måste vara en kommunkod med fyra siffror', 'must be a four-digit municipality code', lang),
  ],
  [
    /^must be a two-digit county code$/,
    (_m, _i, lang) => say('måste vara en länskod med två siffror', 'must be a two-digit county code', lang),
  ],
  [
    /^must be a kebab-case id$/,
    (_m, _i, lang) =>
      say(
        'måste vara ett id av små bokstäver, siffror och bindestreck',
        'must be an id of lower-case letters, digits and hyphens',
        lang,
      ),
  ],
  [
    /^(?:\w+: )?needs? low ≤ mode ≤ high( and low < high)?(?:, got (.+))?$/,
    (m, _i, lang) => {
      const values = m[2]
        ?.split(/,\s*/)
        .map((x) => num(x, lang))
        .join(lang === 'sv' ? '; ' : ', ');
      const now = values ? (lang === 'sv' ? ` (nu ${values})` : ` (now ${values})`) : '';
      return m[1]
        ? say(
            `måste vara lägsta ≤ troligaste ≤ högsta, och lägsta mindre än högsta${now}`,
            `must be low ≤ most likely ≤ high, and low below high${now}`,
            lang,
          )
        : say(`måste vara lägsta ≤ troligaste ≤ högsta${now}`, `must be low ≤ most likely ≤ high${now}`, lang);
    },
  ],
  [
    /^uniform: need low < high/,
    (_m, _i, lang) => say('lägsta måste vara mindre än högsta', 'low must be below high', lang),
  ],
  [
    /^normal: need sd > 0/,
    (_m, _i, lang) => say('standardavvikelsen måste vara större än 0', 'the standard deviation must be above 0', lang),
  ],
  [
    /^lognormal: need median > 0 and sigma > 0/,
    (_m, _i, lang) =>
      say('median och spridning σ måste vara större än 0', 'the median and the spread σ must be above 0', lang),
  ],
  [
    /^needs at least one member$/,
    (_m, _i, lang) => say('måste ha minst en kommun', 'needs at least one municipality', lang),
  ],
  [
    /^needs two different inputs$/,
    (_m, _i, lang) => say('måste gälla två olika antaganden', 'must join two different assumptions', lang),
  ],

  // the engine's checks against the data (prepareModel)
  [
    /^must lie from (\S+) to (\S+)$/,
    (m, _i, lang) =>
      say(
        `måste ligga mellan ${num(m[1], lang)} och ${num(m[2], lang)}`,
        `must lie from ${num(m[1], lang)} to ${num(m[2], lang)}`,
        lang,
      ),
  ],
  [
    /^unknown kommunkod (.+)$/,
    (m, _i, lang) => say(`okänd kommunkod ${m[1]}`, `unknown municipality code ${m[1]}`, lang),
  ],
  [
    /^unknown capability "(.*)"$/,
    (m, _i, lang) => say(`okänd förmåga ${quote(m[1], lang)}`, `unknown capability ${quote(m[1], lang)}`, lang),
  ],
  [
    /^capability "(.*)" is not (poolable|transferable)$/,
    (m, _i, lang, context) => {
      const name = quote(capabilityName(m[1], context, lang), lang);
      return m[2] === 'poolable'
        ? say(`förmågan ${name} kan inte delas`, `the capability ${name} cannot be shared`, lang)
        : say(`förmågan ${name} kan inte flyttas`, `the capability ${name} cannot be moved`, lang);
    },
  ],
  [
    /^duplicate capability id "(.*)"$/,
    (m, _i, lang) =>
      say(`förmågan ${quote(m[1], lang)} finns två gånger`, `the capability ${quote(m[1], lang)} is there twice`, lang),
  ],
  [
    /^(\S+) is not a member of the scenario$/,
    (m, _i, lang, context) => {
      const who = municipalityName(m[1], context);
      return say(
        `${who} är inte med bland scenariots kommuner`,
        `${who} is not among the scenario’s municipalities`,
        lang,
      );
    },
  ],
  [
    /^(\S+) is listed twice$/,
    (m, _i, lang, context) => {
      const who = municipalityName(m[1], context);
      return say(`${who} finns med två gånger`, `${who} is listed twice`, lang);
    },
  ],
  [
    /^host (\S+) is not a member of the arrangement$/,
    (m, _i, lang, context) => {
      const who = municipalityName(m[1], context);
      return say(`värdkommunen ${who} är inte med i samarbetet`, `the host ${who} is not in the arrangement`, lang);
    },
  ],
  [
    /^(\S+) is not a member of the arrangement$/,
    (m, _i, lang, context) => {
      const who = municipalityName(m[1], context);
      return say(`${who} är inte med i samarbetet`, `${who} is not in the arrangement`, lang);
    },
  ],
  [
    /^the host cannot leave its own arrangement$/,
    (_m, _i, lang) =>
      say('värdkommunen kan inte lämna sitt eget samarbete', 'the host cannot leave its own arrangement', lang),
  ],
  [
    /^the pair (\S+)–(\S+) is given twice$/,
    (m, _i, lang) => {
      const a = ASSUMPTION_LABEL.get(m[1])?.[lang] ?? m[1];
      const b = ASSUMPTION_LABEL.get(m[2])?.[lang] ?? m[2];
      return say(`paret ${a} – ${b} anges två gånger`, `the pair ${a} – ${b} is given twice`, lang);
    },
  ],
  [
    /^the correlations contradict each other/,
    (_m, _i, lang) =>
      say(
        'sambanden motsäger varandra (korrelationsmatrisen är inte positivt semidefinit)',
        'the correlations contradict each other (the matrix is not positive semi-definite)',
        lang,
      ),
  ],

  // the link's envelope (decodeScenario): sentences that name the link themselves
  [
    /^too long \((\d+) characters, at most (\d+)\)$/,
    (m, _i, lang) =>
      sayWhole(
        `Länken är för lång (${num(m[1], lang)} tecken, högst ${num(m[2], lang)})`,
        `The link is too long (${num(m[1], lang)} characters, at most ${num(m[2], lang)})`,
        lang,
      ),
  ],
  [
    /^contains characters a link cannot hold$/,
    (_m, _i, lang) =>
      sayWhole(
        'Länken innehåller tecken som en länk inte kan ha',
        'The link contains characters a link cannot hold',
        lang,
      ),
  ],
  [
    /^expands to too much data$/,
    (_m, _i, lang) => sayWhole('Länken packas upp till för mycket data', 'The link expands to too much data', lang),
  ],
  [
    /^is damaged or cut short/,
    (_m, _i, lang) =>
      sayWhole(
        'Länken är skadad eller avklippt och kan inte läsas',
        'The link is damaged or cut short and cannot be read',
        lang,
      ),
  ],
  [
    /^is damaged/,
    (_m, _i, lang) => sayWhole('Länken är skadad och kan inte läsas', 'The link is damaged and cannot be read', lang),
  ],
  [
    /^contains the forbidden key "(.*)"$/,
    (m, _i, lang) =>
      sayWhole(
        `Länken innehåller den otillåtna nyckeln ${quote(m[1], lang)}`,
        `The link contains the forbidden key ${quote(m[1], lang)}`,
        lang,
      ),
  ],
  [
    /^made by a newer version \((\d+)\) of the app$/,
    (m, _i, lang) =>
      sayWhole(
        `Länken är gjord i en nyare version av appen (format ${m[1]}); öppna den i den senaste versionen`,
        `The link was made by a newer version of the app (format ${m[1]}); open it in the latest version`,
        lang,
      ),
  ],
  [
    /^unknown preset "(.*)"$/,
    (m, _i, lang) =>
      sayWhole(
        `Länken bygger på ett okänt förval ${quote(m[1], lang)}`,
        `The link starts from an unknown preset ${quote(m[1], lang)}`,
        lang,
      ),
  ],
];

/** The message of an issue in the language, or `null` when it is not one this module knows. */
function translate(issue: Issue, lang: Lang, context: IssueContext | undefined): Said | null {
  for (const [pattern, said] of RULES) {
    const m = pattern.exec(issue.message);
    if (m) return said(m, issue, lang, context);
  }
  return null;
}

/**
 * Only the message of an issue in the language (`måste ligga mellan 1 och 30 (nu 50)`), without the
 * field, for a place that names the field itself. An unknown message becomes a general one in Swedish
 * (`har ett värde som inte godtas`) and stays as it is in English.
 */
export function describeMessage(issue: Issue, lang: Lang, context?: IssueContext): string {
  const said = translate(issue, lang, context);
  if (said) return said.text;
  return lang === 'sv' ? 'har ett värde som inte godtas' : issue.message;
}

/**
 * Whether an issue is about a key that should not be there (reported at the key's own path): an unknown
 * field of an object, or a key of a record that is not among the allowed ones.
 */
function isUnknownKey(issue: Issue): boolean {
  if (/^Invalid key: Expected .+ but received "/.test(issue.message)) return true;
  const m = /^Invalid type: Expected .+ but received "(.*)"$/.exec(issue.message);
  return m !== null && issue.path.split('.').at(-1) === m[1];
}

/**
 * An issue as a sentence in the UI language that names the field by its label:
 * `{ path: 'scenario.horizonYears', message: 'Invalid value: Expected <=30 but received 50' }` →
 * `År framåt: måste vara ett heltal mellan 1 och 30 (nu 50)`; `{ path: 'link', message: 'is damaged or
 * cut short and cannot be read' }` → `Länken är skadad eller avklippt och kan inte läsas`. The context, if
 * given, lets municipalities and capabilities be named rather than numbered. No full stop at the end.
 */
export function describeIssue(issue: Issue, lang: Lang, context?: IssueContext): string {
  const said = translate(issue, lang, context);
  if (said?.whole) return said.text;
  // an unknown key is reported at the key's own path: name the object it was found in
  const unknownKey = isUnknownKey(issue);
  const path = unknownKey ? issue.path.split('.').slice(0, -1).join('.') : issue.path;
  const label = fieldLabel(path, lang, context);
  return `${label}: ${said ? said.text : describeMessage(issue, lang, context)}`;
}
