/**
 * The coalition finder's results in words (issue #21): a grouping as a phrase, the search's method and the
 * first grouping's lead, the plain words when no grouping gains, and the cost-sharing keys as one sentence
 * per key about the members that lose. Pure: the tab and the summary show the same texts.
 */
import type { KeyId, UnavailableReason } from '../coalition/keys.js';
import type { FinderResult, FoundGroup, Grouping } from '../coalition/search.js';
import type { SharingResult } from '../coalition/sharing.js';
import { assumptionDef, centralValue, type Scenario } from '../engine/index.js';
import { formatMsek, formatNumber, formatPercent, type Lang, listOf, pick, type StringKey, t } from '../i18n.js';

/** What the texts need of the data: a kommun's name, and the host of a group sharing through a host. */
export interface CoalitionNames {
  name(code: string): string;
  host(members: readonly string[]): string;
}

/** Each key's column heading and its phrase in a sentence ("Med fördelning per invånare"). */
export const KEY_LABEL: Record<KeyId, StringKey> = {
  use: 'keyUse',
  inhabitants: 'keyInhabitants',
  users: 'keyUsers',
  fixedVariable: 'keyFixedVariable',
  shapley: 'keyShapley',
  nucleolus: 'keyNucleolus',
};

/** A key's phrase to open a sentence. */
export function keyPhrase(key: KeyId, fixedShare: number, lang: Lang): string {
  switch (key) {
    case 'use':
      return t('phraseUse', lang);
    case 'inhabitants':
      return t('phraseInhabitants', lang);
    case 'users':
      return t('phraseUsers', lang);
    case 'fixedVariable':
      return t('phraseFixedVariable', lang, formatPercent(fixedShare, lang));
    case 'shapley':
      return t('phraseShapley', lang);
    case 'nucleolus':
      return t('phraseNucleolus', lang);
  }
}

const names = (codes: readonly string[], n: CoalitionNames, lang: Lang) =>
  listOf(
    codes.map((c) => n.name(c)),
    lang,
  );

/** One group as a list item: "Grupp 2: Dals-Ed och Åmål – Åmål är värdkommun". */
export function groupLine(group: FoundGroup, number: number, n: CoalitionNames, lang: Lang): string {
  const list = names(group.members, n, lang);
  return group.form === 'asymmetrisk'
    ? t('coalitionGroupHost', lang, number, list, n.name(n.host(group.members)))
    : t('coalitionGroupJoint', lang, number, list);
}

/** A grouping in a phrase: its groups and (unless left out) who goes on alone, or "Alla fortsätter själva". */
export function groupingWords(grouping: Grouping, n: CoalitionNames, lang: Lang, withAlone = true): string {
  if (grouping.groups.length === 0) return t('coalitionEveryoneAlone', lang);
  const groups = grouping.groups.map((g) => {
    const list = names(g.members, n, lang);
    return g.form === 'asymmetrisk'
      ? t('coalitionWordsHost', lang, list, n.name(n.host(g.members)))
      : t('coalitionWordsJoint', lang, list);
  });
  const alone =
    withAlone && grouping.alone.length > 0 ? [t('coalitionAloneWords', lang, names(grouping.alone, n, lang))] : [];
  return [...groups, ...alone].join('; ');
}

/** How the search was made: every allowed group, or a heuristic that may have missed a better grouping. */
export function methodNote(result: FinderResult, lang: Lang): string {
  const s = formatNumber(result.screeningRuns, lang);
  const r = formatNumber(result.refineRuns, lang);
  if (result.method === 'exhaustive')
    return t('coalitionMethodExhaustive', lang, formatNumber(result.screenedGroups, lang), s, r);
  const of = result.allowedGroups === null ? t('coalitionUncountable', lang) : formatNumber(result.allowedGroups, lang);
  const note = t('coalitionMethodHeuristic', lang, formatNumber(result.screenedGroups, lang), of, s, r);
  return result.stoppedAtLimit ? `${note} ${t('coalitionStoppedAtLimit', lang)}` : note;
}

/** The first grouping's lead over the second, and whether it is within the margin of chance (2 standard errors). */
export function leadNote(result: FinderResult, lang: Lang): string | null {
  const lead = result.lead;
  if (!lead) return null;
  const text = t('coalitionLead', lang, formatMsek(lead.mean, lang, 1), formatMsek(lead.standardError, lang, 1));
  return Math.abs(lead.mean) < 2 * lead.standardError ? `${text} ${t('coalitionLeadUnsure', lang)}` : text;
}

/**
 * When the best is everyone alone: the plain words, the least costly real grouping's loss, and the
 * assumption it usually hinges on. Null when some grouping gains.
 */
export function noGainNote(
  result: FinderResult,
  n: CoalitionNames,
  lang: Lang,
  scenario: Scenario | null,
): string[] | null {
  const best = result.groupings[0];
  if (!best || best.groups.length > 0) return null;
  const out = [t('coalitionNoGain', lang)];
  const least = result.groupings.find((g) => g.groups.length > 0);
  if (least)
    out.push(t('coalitionLeastLoss', lang, groupingWords(least, n, lang, false), formatMsek(-least.meanGain, lang, 1)));
  // the assumption as the scenario of the search has it, not as the default has it
  const def = assumptionDef('realisationShared');
  const realisation = centralValue(scenario?.assumptions?.realisationShared ?? def.default);
  out.push(t('coalitionHinges', lang, pick(def.label, lang).toLowerCase(), formatPercent(realisation, lang)));
  return out;
}

const REASON = {
  'group-loses': 'coalitionReasonGroupLoses',
  'too-many-members': 'coalitionReasonTooMany',
  'not-computed': 'coalitionReasonNotComputed',
} as const satisfies Record<UnavailableReason, StringKey>;

/** The verdict on the group: the keys it is stable with, or that everyone gains but a subgroup would leave, or none. */
export function verdict(sharing: SharingResult, lang: Lang): string {
  const label = (k: KeyId) => t(KEY_LABEL[k], lang);
  if (sharing.stableKeys.length > 0) return t('coalitionStable', lang, listOf(sharing.stableKeys.map(label), lang));
  const gaining = sharing.keys.filter((k) => k.available && k.everyoneGains).map((k) => label(k.key));
  if (gaining.length > 0 && !sharing.coreChecked) return t('coalitionGainsUnchecked', lang, listOf(gaining, lang));
  if (gaining.length > 0) return t('coalitionGainsButBlocked', lang, listOf(gaining, lang));
  return t('coalitionNoKey', lang);
}

/**
 * One sentence per key for a politician: who pays more than going on alone and how much (present value
 * over the horizon), or that everyone gains, or why the key cannot be computed.
 */
export function keySentences(
  sharing: SharingResult,
  n: CoalitionNames,
  fixedShare: number,
  years: number,
  lang: Lang,
): string[] {
  return sharing.keys.map((k) => {
    const phrase = keyPhrase(k.key, fixedShare, lang);
    if (!k.available)
      return t('coalitionSentenceUnavailable', lang, phrase, t(REASON[k.reason ?? 'not-computed'], lang));
    const losers = k.members.filter((m) => m.loses);
    if (losers.length === 0) return t('coalitionSentenceAllGain', lang, phrase);
    const who = listOf(
      losers.map((m) => t('coalitionPays', lang, n.name(m.code), formatMsek(-m.gain, lang, 1))),
      lang,
    );
    return losers.length === 1
      ? t('coalitionSentenceOneLoses', lang, phrase, who, years)
      : t('coalitionSentenceManyLose', lang, phrase, who, years);
  });
}

/** The top groupings in words, for the summary (a numbered list): groups, gain and its probability. */
export function topGroupings(result: FinderResult, n: CoalitionNames, lang: Lang, count = 3): string[] {
  return result.groupings.slice(0, count).map((g) =>
    g.groups.length === 0
      ? t('coalitionSummaryAlone', lang)
      : t(
          // a loss in words, not as a negative gain
          g.meanGain < 0 ? 'coalitionSummaryGroupingLoss' : 'coalitionSummaryGrouping',
          lang,
          groupingWords(g, n, lang),
          formatMsek(Math.abs(g.meanGain), lang, 1),
          formatPercent(g.probabilityGain, lang),
        ),
  );
}
