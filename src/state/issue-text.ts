/**
 * Problems in a scenario, a link, a file or the data, said in the UI language for the people who read them.
 *
 * The engine, the link decoder and the schema report an {@link Issue}: a dot path of field ids
 * (`scenario.assumptions.wageCost`) and a short English message (`needs low ≤ mode ≤ high`), which is what
 * files, tests and the CLI need. Nobody using the app should read those: {@link describeIssue} turns one into
 * a sentence that names the field by the label the user sees (`Kostnad per årsarbetare …`, `År framåt`,
 * `Frö`, `Länken`) and says what is wrong in words (`måste ligga mellan 1 och 30`). Messages it does not
 * know still come out in the UI language, naming the field. Pure: no DOM.
 *
 * The labels are in `./issue-text/field-label.ts`, the messages in `./issue-text/schema-messages.ts` (valibot
 * and the schema) and `./issue-text/check-messages.ts` (the engine's checks and the link decoder).
 */
import type { Issue } from '../engine/index.js';
import type { Lang } from '../i18n.js';
import { CHECK_RULES } from './issue-text/check-messages.js';
import type { IssueContext } from './issue-text/context.js';
import { fieldLabel } from './issue-text/field-label.js';
import { SCHEMA_RULES } from './issue-text/schema-messages.js';
import type { Said } from './issue-text/words.js';

export type { IssueContext } from './issue-text/context.js';
export { fieldLabel } from './issue-text/field-label.js';

/** Every message this module knows, in the order tried. */
const RULES = [...SCHEMA_RULES, ...CHECK_RULES];

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
