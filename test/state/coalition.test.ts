import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { coalitionMap } from '../../src/charts/coalition-map.js';
import type { FinderResult, Grouping } from '../../src/coalition/search.js';
import type { SharingResult } from '../../src/coalition/sharing.js';
import { loadModel, type Municipality } from '../../src/engine/index.js';
import * as actions from '../../src/state/actions.js';
import { type AppState, initialState } from '../../src/state/app-state.js';
import { coalitionStale, finderConstraints, geographyOf, groupHost, groupScenario } from '../../src/state/coalition.js';
import {
  type CoalitionNames,
  groupingWords,
  keySentences,
  leadNote,
  methodNote,
  noGainNote,
  topGroupings,
  verdict,
} from '../../src/summary/coalition.js';
import { fyrbodal, municipalities, scenarioWith, smallCatalogue } from '../helpers.js';

const apply = (s: AppState, ...recipes: ((d: never) => void)[]) =>
  recipes.reduce((state, r) => produce(state, r as (d: unknown) => void), s);
const profiles = municipalities as unknown as Municipality[];
const byCode = new Map(profiles.map((m) => [m.code, m]));
const names: CoalitionNames = {
  name: (c) => byCode.get(c)?.name ?? c,
  host: (members) => groupHost(members, fyrbodal, profiles),
};

const grouping = (groups: Grouping['groups'], alone: string[], meanGain: number): Grouping => ({
  groups,
  alone,
  meanGain,
  p10: meanGain - 1e6,
  p90: meanGain + 1e6,
  probabilityGain: meanGain > 0 ? 0.8 : 0,
  capacity: 0,
  screenedGain: meanGain,
});
/** Dalsland: everyone alone best, Dals-Ed + Färgelanda with a host the least costly. */
const result: FinderResult = {
  method: 'exhaustive',
  allowedGroups: 26,
  screenedGroups: 26,
  stoppedAtLimit: false,
  screeningRuns: 100,
  refineRuns: 1000,
  groupings: [
    grouping([], ['1460', '1438', '1439', '1461', '1492'], 0),
    grouping(
      [{ members: ['1438', '1439'], form: 'asymmetrisk', meanGain: -12e6, probabilityGain: 0, capacity: 0 }],
      ['1460', '1461', '1492'],
      -12e6,
    ),
  ],
  lead: { mean: 12e6, standardError: 0.1e6 },
};
const volume = (gains: number[]) => ({
  available: true,
  members: ['1438', '1439'].map((code, i) => ({
    code,
    gain: gains[i],
    probabilityLoss: gains[i] < 0 ? 0.9 : 0.1,
    loses: gains[i] < -1,
  })),
  everyoneGains: gains.every((g) => g >= -1),
  blockedBy: null,
});
const sharing: SharingResult = {
  members: ['1438', '1439'],
  form: 'asymmetrisk',
  runs: 200,
  groupGain: 4e6,
  shapley: 'exact',
  coreChecked: true,
  keys: [
    { key: 'use', ...volume([-1.2e6, 5.2e6]) },
    { key: 'inhabitants', ...volume([1e6, 3e6]) },
    { key: 'users', ...volume([-0.5e6, -0.4e6]), blockedBy: null },
    { key: 'fixedVariable', ...volume([2e6, 2e6]) },
    {
      key: 'shapley',
      ...volume([2e6, 2e6]),
      members: volume([2e6, 2e6]).members.map((m) => ({ ...m, probabilityLoss: null })),
    },
    { key: 'nucleolus', available: false, reason: 'group-loses', members: [], everyoneGains: false, blockedBy: null },
  ],
  stableKeys: ['inhabitants', 'fixedVariable', 'shapley'],
  subgroupsSimulated: 0,
};

describe('the coalition state', () => {
  it('belongs to the scenario it was computed for: runs do not matter, any other change makes it stale', () => {
    const s0 = initialState(structuredClone(fyrbodal));
    const s1 = apply(s0, actions.coalitionSearchStarted(1, s0.scenario, ['samverkan']));
    const s2 = apply(s1, actions.coalitionSearchFinished(1, result));
    expect(s2.coalition.finder.status).toBe('done');
    expect(coalitionStale(s2.coalition, s2.scenario)).toBe(false);
    expect(coalitionStale(s2.coalition, apply(s2, actions.setRunSettings({ runs: 500 })).scenario)).toBe(false);
    expect(coalitionStale(s2.coalition, apply(s2, actions.setMembers(['1438', '1439'])).scenario)).toBe(true);
  });

  it('drops answers of older searches, and a cancelled search leaves no result', () => {
    const s0 = initialState(structuredClone(fyrbodal));
    const s1 = apply(s0, actions.coalitionSearchStarted(2, s0.scenario, ['samverkan']));
    expect(apply(s1, actions.coalitionSearchFinished(1, result)).coalition.finder.result).toBeNull();
    const cancelled = apply(s1, actions.coalitionSearchFinished(2, null));
    expect(cancelled.coalition.finder).toMatchObject({ status: 'idle', result: null, key: null, scenario: null });
    const progressed = apply(s1, actions.coalitionSearchProgressed(2, { phase: 'refining', screenedGroups: 40 }));
    expect(progressed.coalition.finder).toMatchObject({ phase: 'refining', screened: 40 });
  });

  it('a new search clears the chosen group and its keys', () => {
    const s0 = initialState(structuredClone(fyrbodal));
    const s1 = apply(
      s0,
      actions.coalitionSearchStarted(1, s0.scenario, ['samverkan']),
      actions.coalitionSearchFinished(1, result),
      actions.coalitionSharingStarted(1, { grouping: 1, group: 0 }),
      actions.coalitionSharingFinished(1, sharing),
    );
    expect(s1.coalition.sharing.status).toBe('done');
    const s2 = apply(s1, actions.coalitionSearchStarted(2, s1.scenario, ['samverkan']));
    expect(s2.coalition.chosen).toBeNull();
    expect(s2.coalition.sharing.result).toBeNull();
  });

  it('turns the settings into constraints for the members (roles of others ignored, size within 2…members)', () => {
    const members = ['1438', '1439', '1460'];
    const c = finderConstraints(
      {
        forms: ['samverkan'],
        maxGroupSize: 9,
        neighbours: 'county',
        roles: { '1438': 'must', '1460': 'out', '9999': 'must' },
        capacityMayFall: false,
        fixedShare: 0.25,
      },
      members,
    );
    expect(c).toEqual({
      mustJoin: ['1438'],
      exclude: ['1460'],
      maxGroupSize: 3,
      neighbours: 'county',
      capacityMayFall: false,
    });
  });

  it('gives county from the profiles and neighbours from kommun-geo (unknown without it)', () => {
    const geo = geographyOf(profiles, {
      source: 'x',
      kommuner: { '1438': { lat: 59, lon: 12, neighbours: ['1439'] } },
    });
    expect(geo.county('1438')).toBe('14');
    expect(geo.neighbours('1438')).toEqual(['1439']);
    expect(geographyOf(profiles, null).neighbours('1438')).toBeUndefined();
  });

  it('opens a group as a valid ordinary scenario: its members, its form on for all, its host', () => {
    const s = scenarioWith((x) => {
      x.paths.samverkan.members = ['1438', '1460', '1484'];
    });
    const host = groupHost(['1438', '1439'], s, profiles);
    const next = groupScenario(s, { members: ['1439', '1438'], form: 'asymmetrisk' }, host, { sv: 'G', en: 'G' });
    expect(next.members).toEqual(['1438', '1439'].sort((a, b) => s.members.indexOf(a) - s.members.indexOf(b)));
    expect(next.paths.asymmetrisk).toMatchObject({ enabled: true, members: 'all', host });
    expect(next.paths.samverkan.members).toEqual(['1438']);
    expect(next.runs).toBe(s.runs);
    expect(next.name).toEqual({ sv: 'G', en: 'G' });
    expect(loadModel(next, profiles, smallCatalogue as never).ok).toBe(true);
  });
});

describe('the finder in words', () => {
  it('says when no grouping gains, what the least costly one loses, and what it hinges on', () => {
    const words = noGainNote(result, names, 'sv', null);
    expect(words?.[0]).toBe(
      'Under scenariots antaganden blir ingen gruppering billigare än att varje kommun fortsätter själv.',
    );
    expect(words?.[1]).toContain('Dals-Ed och Färgelanda med Färgelanda som värdkommun');
    expect(words?.[1]).toContain('12,0 mnkr');
    expect(words?.[2]).toContain('andel av beräknade skalfördelar');
    // the scenario's own value of the assumption, not the default's
    expect(words?.[2]).toContain('mest troligt 10 %');
    const raised = {
      realisationShared: { dist: 'pert' as const, low: 0.5, mode: 0.7, high: 0.9, source: 'antagande: test' },
    };
    const scenario = { assumptions: raised } as unknown as Parameters<typeof noGainNote>[3];
    expect(noGainNote(result, names, 'sv', scenario)?.[2]).toContain('mest troligt 70 %');
    expect(noGainNote({ ...result, groupings: [result.groupings[1]] }, names, 'sv', null)).toBeNull();
  });

  it('describes the method, the lead, and the top groupings', () => {
    // Swedish thousands are separated by a no-break space
    expect(methodNote(result, 'sv').replace(/\s/g, ' ')).toBe(
      'Alla 26 tillåtna grupper prövades med 100 körningar var; de bästa grupperingarna kördes om med 1 000 körningar.',
    );
    expect(methodNote({ ...result, method: 'heuristic', allowedGroups: null, screenedGroups: 400 }, 'sv')).toContain(
      'prövade 400 grupper av fler än kan räknas',
    );
    expect(leadNote(result, 'sv')).toContain('12,0 mnkr mer än den andra (medelfel 0,1 mnkr)');
    expect(leadNote({ ...result, lead: { mean: 1e5, standardError: 1e5 } }, 'sv')).toContain('mindre än två medelfel');
    expect(groupingWords(result.groupings[1], names, 'sv')).toBe(
      'Dals-Ed och Färgelanda med Färgelanda som värdkommun; Bengtsfors, Mellerud och Åmål fortsätter själva',
    );
    expect(topGroupings(result, names, 'en')[0]).toBe('Everyone goes on alone (what the groupings are compared with).');
    expect(topGroupings(result, names, 'sv')[1]).toMatch(
      /^Dals-Ed och Färgelanda med Färgelanda som värdkommun; .*: kostar 12,0 mnkr mer/,
    );
  });

  it('writes one sentence per key, only about members that lose', () => {
    const sentences = keySentences(sharing, names, 0.25, 10, 'sv');
    expect(sentences).toEqual([
      'Med modellens fördelning efter användning betalar Dals-Ed 1,2 mnkr mer än om kommunen fortsätter själv (nuvärde över 10 år).',
      'Med fördelning per invånare vinner alla kommuner.',
      'Med fördelning per användare betalar Dals-Ed 0,5 mnkr och Färgelanda 0,4 mnkr mer än om de fortsätter själva (nuvärde över 10 år).',
      'Med en fast del på 25 % och resten per invånare vinner alla kommuner.',
      'Med Shapley-värdet vinner alla kommuner.',
      'Med nukleolus: kan inte beräknas (gruppen som helhet förlorar, så det finns ingen vinst att dela).',
    ]);
    expect(verdict(sharing, 'sv')).toBe(
      'Gruppen är stabil med nycklarna Per invånare, Fast del + per invånare och Shapley: alla vinner i genomsnitt, och ingen delgrupp vinner mer på egen hand i samma form.',
    );
    expect(verdict({ ...sharing, stableKeys: [], keys: sharing.keys.slice(2, 3) }, 'sv')).toBe(
      'Ingen nyckel ger alla en vinst.',
    );
  });
});

describe('the map view', () => {
  it('places kommuner by their points within the width, numbers the groups and joins neighbours', () => {
    const g = coalitionMap({
      places: [
        { code: 'a', name: 'A', lat: 59, lon: 12, neighbours: ['b'] },
        { code: 'b', name: 'B', lat: 58, lon: 12.5, neighbours: ['a'] },
        { code: 'c', name: 'C', lat: 58.5, lon: 13, neighbours: [] },
      ],
      groups: [{ members: ['a', 'b'], host: 'b' }],
      width: 360,
    });
    expect(g.dots.map((d) => d.group)).toEqual([1, 1, null]);
    expect(g.dots.find((d) => d.code === 'b')?.host).toBe(true);
    expect(g.borders).toHaveLength(1);
    for (const d of g.dots) {
      expect(d.x).toBeGreaterThanOrEqual(0);
      expect(d.x).toBeLessThanOrEqual(360);
      expect(d.y).toBeGreaterThanOrEqual(0);
      expect(d.y).toBeLessThanOrEqual(g.height);
    }
    // north is up, east is right
    const [a, b, c] = g.dots;
    expect(a.y).toBeLessThan(b.y);
    expect(c.x).toBeGreaterThan(a.x);
    expect(g.height).toBeLessThanOrEqual(360);
  });
});
