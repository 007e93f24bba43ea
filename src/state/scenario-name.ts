import type { Scenario } from '../engine/index.js';
import { formatNumber, type Lang } from '../i18n.js';

/** What naming needs of a scenario: a scenario, or the scenario part of results (members with names). */
type Named = Pick<Scenario, 'id' | 'name'> & { members: readonly (string | { code: string })[] };

/**
 * The name a scenario goes by in the header, the page title, the summary and file names. A preset keeps
 * its name while its members are the preset's; once members change and the name is still the preset's,
 * it says so ("Fyrbodal, ändrad: 13 kommuner"). A name of the user's own is used as it is.
 */
export function scenarioName(scenario: Named, presets: readonly Scenario[], lang: Lang): string {
  const own = scenario.name[lang] || scenario.name.sv || scenario.name.en;
  const preset = presets.find((p) => p.id === scenario.id);
  if (!preset) return own;
  const namedAsPreset = scenario.name.sv === preset.name.sv && scenario.name.en === preset.name.en;
  const members = scenario.members.map((m) => (typeof m === 'string' ? m : m.code));
  const sameMembers = members.length === preset.members.length && members.every((m) => preset.members.includes(m));
  if (!namedAsPreset || sameMembers) return own;
  const short = (preset.name[lang] || preset.name.sv).split(' – ')[0];
  const n = formatNumber(scenario.members.length, lang);
  const count =
    scenario.members.length === 1
      ? lang === 'sv'
        ? 'kommun'
        : 'municipality'
      : lang === 'sv'
        ? 'kommuner'
        : 'municipalities';
  return lang === 'sv' ? `${short}, ändrad: ${n} ${count}` : `${short}, changed: ${n} ${count}`;
}

/** A file name part from a scenario's name: lower case, ASCII letters, digits and hyphens. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[åä]/g, 'a')
      .replace(/ö/g, 'o')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}
