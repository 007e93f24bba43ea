/**
 * What the app says about a stored entry it cannot read: why (naming the fields by the labels a user
 * sees), its name and date as far as they can be read, and its content as a JSON file to download.
 */
import type * as v from 'valibot';
import { ASSUMPTION_IDS, type AssumptionId, assumptionDef, PATH_IDS, type PathId, type Text } from '../engine/index.js';
import { PATH_LABEL } from '../i18n.js';
import type { UnreadableSaved } from './saved-entry.js';
import { isPlain } from './stored-fields.js';

const ENTRY_LABEL: Record<string, Text> = {
  id: { sv: 'id-numret', en: 'the id' },
  name: { sv: 'namnet', en: 'the name' },
  savedAt: { sv: 'datumet då det sparades', en: 'the date it was saved' },
  scenario: { sv: 'scenariot', en: 'the scenario' },
};

const SCENARIO_LABEL: Record<string, Text> = {
  schemaVersion: { sv: 'Formatversion', en: 'Format version' },
  id: { sv: 'Id', en: 'Id' },
  name: { sv: 'Namn', en: 'Name' },
  description: { sv: 'Beskrivning', en: 'Description' },
  members: { sv: 'Kommuner', en: 'Municipalities' },
  startYear: { sv: 'Startår', en: 'Start year' },
  horizonYears: { sv: 'År framåt', en: 'Years ahead' },
  runs: { sv: 'Körningar', en: 'Runs' },
  seed: { sv: 'Frö', en: 'Seed' },
  discountRate: { sv: 'Diskonteringsränta', en: 'Discount rate' },
  paths: { sv: 'Vägval', en: 'Paths' },
  assumptions: { sv: 'Antaganden', en: 'Assumptions' },
  profiles: { sv: 'Kommunernas uppgifter (Data och källor)', en: 'Municipality figures (Data and sources)' },
  capabilities: { sv: 'Förmågor (Data och källor)', en: 'Capabilities (Data and sources)' },
  correlations: { sv: 'Samband mellan antaganden', en: 'Correlations between assumptions' },
};

/** The label of the scenario field at `path` (keys of a valibot issue), e.g. "Vägval – Samverkan". */
function scenarioLabel(path: unknown[]): Text {
  const [field, part] = path;
  const label = SCENARIO_LABEL[String(field)] ?? { sv: 'okänt fält', en: 'unknown field' };
  const sub: Text | undefined =
    field === 'paths' && PATH_IDS.includes(part as PathId)
      ? PATH_LABEL[part as PathId]
      : field === 'assumptions' && ASSUMPTION_IDS.includes(part as AssumptionId)
        ? assumptionDef(part as AssumptionId).label
        : undefined;
  return sub ? { sv: `${label.sv} – ${sub.sv}`, en: `${label.en} – ${sub.en}` } : label;
}

const quoted = (labels: Text[], lang: 'sv' | 'en') =>
  labels.map((l) => (lang === 'sv' ? `”${l.sv}”` : `“${l.en}”`)).join(', ');

/** Why an entry with these problems cannot be read, naming the fields by their labels. */
export function reasonFor(issues: readonly v.BaseIssue<unknown>[]): Text {
  const paths = issues.map((issue) => (issue.path ?? []).map((p) => p.key));
  const entryField = paths.find((p) => p.length <= 1 || p[0] !== 'scenario')?.[0];
  if (entryField !== undefined && entryField !== 'scenario') {
    const label = ENTRY_LABEL[String(entryField)] ?? { sv: 'en uppgift', en: 'a field' };
    return {
      sv: `Posten är skadad: ${label.sv} saknas eller kan inte läsas.`,
      en: `The entry is damaged: ${label.en} is missing or cannot be read.`,
    };
  }
  const inScenario = paths.filter((p) => p[0] === 'scenario' && p.length > 1).map((p) => p.slice(1));
  if (inScenario.length === 0)
    return {
      sv: 'Posten är skadad: scenariot saknas eller kan inte läsas.',
      en: 'The entry is damaged: the scenario is missing or cannot be read.',
    };
  const labels: Text[] = [];
  for (const p of inScenario) {
    const label = scenarioLabel(p);
    if (!labels.some((l) => l.sv === label.sv)) labels.push(label);
  }
  const shown = labels.slice(0, 3);
  const more = labels.length > shown.length ? ' …' : '';
  return {
    sv: `Scenariot har värden som den här versionen inte godtar: ${quoted(shown, 'sv')}${more}.`,
    en: `The scenario has values this version does not accept: ${quoted(shown, 'en')}${more}.`,
  };
}

/** The name and date an unreadable entry shows, as far as they can be read. */
export function describe(raw: unknown): { name: string | null; savedAt: string | null } {
  if (!isPlain(raw)) return { name: null, savedAt: null };
  const scenarioName = isPlain(raw.scenario) && isPlain(raw.scenario.name) ? raw.scenario.name.sv : undefined;
  const name = [raw.name, scenarioName].find((x): x is string => typeof x === 'string' && x.trim() !== '');
  const savedAt = typeof raw.savedAt === 'string' && !Number.isNaN(Date.parse(raw.savedAt)) ? raw.savedAt : null;
  return { name: name ? name.trim().slice(0, 120) : null, savedAt };
}

/** Stored content as JSON text, whatever it holds (a download of an entry that cannot be read). */
export function rawText(raw: unknown): string {
  try {
    const text = JSON.stringify(
      raw,
      (_key, x: unknown) =>
        typeof x === 'bigint'
          ? x.toString()
          : x instanceof Map
            ? Object.fromEntries(x)
            : x instanceof Set
              ? [...x]
              : ArrayBuffer.isView(x)
                ? Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength))
                : x,
      2,
    );
    return text ?? 'null';
  } catch {
    return JSON.stringify(String(raw));
  }
}

/** A file name for an unreadable entry's content. */
export function unreadableFileName(entry: UnreadableSaved): string {
  const slug = (entry.name ?? 'namnlost-scenario')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sparat-scenario-${slug || 'namnlost'}.json`;
}
