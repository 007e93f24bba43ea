/**
 * The messages of the engine's checks against the data (`unknown kommunkod 9999`) and of the link decoder
 * (`is damaged or cut short`), said in the UI language; a link's messages are whole sentences that name
 * the link themselves.
 */
import { capabilityName, municipalityName } from './context.js';
import { ASSUMPTION_LABEL } from './field-label.js';
import { num, quote, type Rule, say, sayWhole } from './words.js';

/** The messages of the engine's checks and the link decoder, in the order tried. */
export const CHECK_RULES: Rule[] = [
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
