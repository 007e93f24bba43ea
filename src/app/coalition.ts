/**
 * The coalition finder's intents ("Vem med vem?", issue #21): search for groupings of the scenario's
 * members on the app's coalition workers, cancel, divide the costs of a chosen group (the sharing
 * analysis), and open a group as an ordinary scenario. One runner per app, on the same worker factory as the
 * run pool; the state says which scenario a result belongs to (src/state/coalition.ts).
 */

import { keyBases } from '../coalition/sharing.js';
import type { IntentMap } from '../events.js';
import { listOf, t } from '../i18n.js';
import { CoalitionRunner } from '../runner/coalition.js';
import { workerEndpoints } from '../runner/comlink.js';
import * as actions from '../state/actions.js';
import type { AppState } from '../state/app-state.js';
import {
  type ChosenGroup,
  coalitionStale,
  finderConstraints,
  geographyOf,
  groupHost,
  groupScenario,
} from '../state/coalition.js';
import type { CoalitionNames } from '../summary/coalition.js';
import type { AppHost, Recipe } from './host.js';
import { currentProfiles } from './overrides.js';

/** The names and hosts of the state's profiles, for the texts of src/summary/coalition.ts. */
export function coalitionNames(s: AppState): CoalitionNames {
  const profiles = currentProfiles(s);
  const byCode = new Map(profiles.map((m) => [m.code, m.name]));
  return {
    name: (code) => byCode.get(code) ?? code,
    host: (members) => groupHost(members, s.scenario, profiles),
  };
}

/** The finder's commands; `edit` applies a change of the scenario and schedules its run. */
export class CoalitionCommands {
  private runner?: CoalitionRunner;
  private searches = 0;
  private analyses = 0;

  constructor(
    private readonly host: AppHost,
    private readonly edit: (recipe: Recipe) => void,
  ) {}

  private get store() {
    return this.host.store;
  }

  /** The app's runner, made on first use once the data is loaded. */
  private get client(): CoalitionRunner | null {
    const { data } = this.store.state;
    if (data.status !== 'ready') return null;
    this.runner ??= new CoalitionRunner(workerEndpoints(this.host.workerFactory), [
      data.municipalities,
      data.capabilities,
    ]);
    return this.runner;
  }

  dispose(): void {
    this.runner?.dispose();
  }

  settings(detail: IntentMap['dm-coalition-settings']): void {
    const before = this.store.state.coalition.settings.fixedShare;
    this.store.update(actions.setCoalitionSettings(detail));
    // the fixed share changes one key of the chosen group: divide again
    const { chosen, sharing } = this.store.state.coalition;
    if (detail.fixedShare !== undefined && detail.fixedShare !== before && chosen && sharing.status !== 'idle')
      this.share(chosen);
  }

  /** Search for groupings of the scenario on screen with the settings as they are. */
  find(): void {
    const client = this.client;
    const s = this.store.state;
    if (!client || s.data.status !== 'ready') return;
    const { settings } = s.coalition;
    const forms = [...settings.forms];
    if (forms.length === 0) return;
    const scenario = s.scenario;
    const id = ++this.searches;
    this.store.update(actions.coalitionSearchStarted(id, scenario, forms));
    client
      .find(
        scenario,
        { forms, constraints: finderConstraints(settings, scenario.members) },
        geographyOf(currentProfiles(s), s.data.geo),
        (p) => this.store.update(actions.coalitionSearchProgressed(id, p)),
      )
      .then((result) => this.store.update(actions.coalitionSearchFinished(id, result)))
      .catch((error: unknown) =>
        this.store.update(actions.coalitionSearchFailed(id, (error as Error).message ?? String(error))),
      );
  }

  /** Stop what is in flight; the search or analysis answers null and its status goes back. */
  cancel(): void {
    this.runner?.cancel();
  }

  /** Divide the costs of a found group under every key (for the scenario the result belongs to). */
  share(chosen: ChosenGroup): void {
    const client = this.client;
    const s = this.store.state;
    const { finder, settings } = s.coalition;
    const group = finder.result?.groupings[chosen.grouping]?.groups[chosen.group];
    if (!client || !group || coalitionStale(s.coalition, s.scenario)) return;
    const scenario = s.scenario;
    const byCode = new Map(currentProfiles(s).map((m) => [m.code, m]));
    const id = ++this.analyses;
    this.store.update(actions.coalitionSharingStarted(id, chosen));
    client
      .share(
        scenario,
        {
          group: group.members.map((c) => scenario.members.indexOf(c)),
          form: group.form,
          ...keyBases(scenario.members, (c) => byCode.get(c)),
          fixedShare: settings.fixedShare,
        },
        finder.forms,
        (p) => this.store.update(actions.coalitionSharingProgressed(id, p.screenedGroups)),
      )
      .then((result) => this.store.update(actions.coalitionSharingFinished(id, result)))
      .catch((error: unknown) =>
        this.store.update(actions.coalitionSharingFailed(id, (error as Error).message ?? String(error))),
      );
  }

  /**
   * Open a found group as an ordinary scenario (an edit, so the link and the autosave follow) and show its
   * costs: the scenario the search was made for, narrowed to the group (so a second group of the same list
   * opens right after the first).
   */
  open(chosen: ChosenGroup): void {
    const s = this.store.state;
    const { result, scenario } = s.coalition.finder;
    const group = result?.groupings[chosen.grouping]?.groups[chosen.group];
    if (!group || !scenario) return;
    const profiles = currentProfiles(s);
    const nameOf = (code: string) => profiles.find((m) => m.code === code)?.name ?? code;
    const names = group.members.map(nameOf);
    const host = groupHost(group.members, scenario, profiles);
    const name = {
      sv: t('coalitionScenarioName', 'sv', listOf(names, 'sv')),
      en: t('coalitionScenarioName', 'en', listOf(names, 'en')),
    };
    this.edit(actions.loadScenario(groupScenario(scenario, group, host, name)));
    this.store.update(actions.setTab('kostnad'));
    this.store.update(actions.noticeShown({ kind: 'info', text: t('coalitionOpened', s.lang, name[s.lang]) }));
  }
}
