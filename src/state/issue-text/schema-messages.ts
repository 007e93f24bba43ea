/**
 * The messages of valibot and of the project's schemas (`Invalid type: Expected number but received
 * "x"`, `needs low ≤ mode ≤ high`), said in the UI language.
 */
import { FORM_LABEL, type Lang } from '../../i18n.js';
import { DIST_NAME } from './field-label.js';
import { given, rangeAt, rangeWords } from './schema-range.js';
import { num, quote, type Rule, say } from './words.js';

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

/** The messages of valibot and the schema, in the order tried. */
export const SCHEMA_RULES: Rule[] = [
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
];
