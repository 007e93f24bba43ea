/**
 * The field an issue's path is about, named by the label a user sees (`År framåt`, `Samverkan:
 * Samverkansform`, `Kommundata, Borås, IT-kostnad`): the labels of the scenario's fields, a path's
 * settings, an assumption's distribution, a correlation and a link's envelope, and how a path is read.
 */
import { ASSUMPTIONS, type Text } from '../../engine/index.js';
import { type Lang, PATH_LABEL, t } from '../../i18n.js';
import {
  CAPABILITY_FIELD_TEXT,
  capabilityFieldLabel,
  PROFILE_FIELD_TEXT,
  profileFieldLabel,
} from '../../import/labels.js';
import { capabilityName, type IssueContext, municipalityName, scenarioValue } from './context.js';
import { isIndex, L, nth, quote, tx, unknownField } from './words.js';

/** The scenario's own fields. */
export const SCENARIO_FIELD: Record<string, Text> = {
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
  stopWhenStable: L('Stoppa vid stabilt svar', 'Stop at a stable answer'),
  sampling: L('Dragningsmetod', 'Sampling method'),
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
export const DIST_NAME: Record<string, Text> = {
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

/** A name's language (`name.sv`). */
const LANGUAGE_NAME: Record<string, Text> = { sv: L('på svenska', 'in Swedish'), en: L('på engelska', 'in English') };

/** An assumption's label by its id. */
export const ASSUMPTION_LABEL = new Map<string, Text>(ASSUMPTIONS.map((def) => [def.id, def.label]));

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
