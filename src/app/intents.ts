/**
 * The event → handler table: every user intent (`dm-…` events bubbling up to `<dm-app>`, typed in
 * `src/events.ts`) mapped to a store action, an edit that runs the scenario, or one of the app's commands.
 */
import type { IntentMap } from '../events.js';
import { SCENARIOS } from '../scenarios.js';
import * as actions from '../state/actions.js';
import { MapCommands } from './capability-map.js';
import type { CoalitionCommands } from './coalition.js';
import type { Files } from './files.js';
import type { AppHost } from './host.js';
import type { Address } from './location.js';
import type { Overrides } from './overrides.js';
import type { RunController } from './run-controller.js';
import type { SavedCommands } from './saved.js';

/** The mediator's parts that the intents are handed to. */
export interface Mediator {
  host: AppHost;
  runs: RunController;
  address: Address;
  files: Files;
  saved: SavedCommands;
  overrides: Overrides;
  coalition: CoalitionCommands;
}

/** Listen on `target` for every intent and hand each to the mediator. */
export function listenToIntents(
  target: EventTarget,
  { host, runs, address, files, saved, overrides, coalition }: Mediator,
): void {
  const { store } = host;
  const edit = (recipe: Parameters<RunController['edit']>[0]) => runs.edit(recipe);
  const on = <K extends keyof IntentMap>(name: K, handle: (detail: IntentMap[K]) => void) =>
    target.addEventListener(name, (event) => handle((event as CustomEvent<IntentMap[K]>).detail));
  on('dm-lang-change', ({ lang }) => {
    store.update(actions.setLang(lang));
    document.documentElement.lang = lang;
  });
  on('dm-tab-change', ({ tab }) => store.update(actions.setTab(tab)));
  on('dm-members-change', ({ codes }) => edit(actions.setMembers(codes)));
  on('dm-path-toggle', ({ path, enabled }) => edit(actions.setPathEnabled(path, enabled)));
  on('dm-path-setting', (detail) => {
    if ('form' in detail) edit(actions.setSamverkanForm(detail.form));
    else if ('host' in detail) edit(actions.setHost(detail.host));
    else if ('bodyPopulation' in detail) edit(actions.setBodyPopulation(detail.bodyPopulation));
    else if ('exit' in detail) edit(actions.setExit(detail.path, detail.exit));
    else edit(actions.setSharedCapabilities(detail.path, detail.selection));
  });
  on('dm-assumption-change', ({ id, assumption }) =>
    edit(assumption ? actions.setAssumption(id, assumption) : actions.resetAssumption(id)),
  );
  on('dm-assumption-preview', ({ id, assumption }) => runs.preview(actions.setAssumption(id, assumption)));
  on('dm-run-settings-change', (settings) => edit(actions.setRunSettings(settings)));
  on('dm-focus-assumption', ({ id }) => {
    // the editors live in the workspace's scenario panel
    if (store.state.view !== 'workspace') store.update(actions.setView('workspace'));
    host.focusAssumption(id);
  });
  on('dm-link-copy', () => void address.copyLink());
  on('dm-view-change', ({ view }) => {
    store.update(actions.setView(view));
    address.replace();
    window.scrollTo(0, 0);
  });
  on('dm-export', ({ what }) => void files.exportFile(what));
  on('dm-run-more', () => runs.runMore());
  on('dm-data-import', ({ file, what }) => void overrides.importFile(file, what ?? 'municipalities'));
  on('dm-data-import-cancel', () => overrides.cancelImport());
  on('dm-data-import-apply', () => overrides.applyImport());
  on('dm-data-reset', () => overrides.reset());
  on('dm-profile-edit', ({ code, field, value }) => overrides.editProfile(code, field, value));
  on('dm-capability-edit', ({ id, field, value }) => overrides.editCapability(id, field, value));
  on('dm-data-template', ({ format, what }) => files.template(format, what));
  on('dm-save', ({ name }) => void saved.save(name));
  on('dm-saved-open', ({ id }) => saved.open(id));
  on('dm-saved-rename', ({ id, name }) => void saved.rename(id, name));
  on('dm-saved-duplicate', ({ id }) => void saved.duplicate(id));
  on('dm-saved-delete', ({ id }) => void saved.remove(id));
  on('dm-compare-toggle', ({ id }) => saved.toggleCompare(id));
  on('dm-saved-unreadable-download', ({ ref }) => void saved.downloadUnreadable(ref));
  on('dm-saved-unreadable-delete', ({ ref }) => void saved.discardUnreadable(ref));
  on('dm-notice-dismiss', () => store.update(actions.dismissNotice()));
  on('dm-scenario-download', () => files.download());
  on('dm-scenario-upload', ({ file }) => void files.upload(file));
  const map = new MapCommands(host, edit);
  on('dm-map-cell-change', (detail) => map.setCell(detail));
  on('dm-map-source-change', ({ source }) => map.setSource(source));
  on('dm-map-clear', () => map.clear());
  on('dm-map-template', ({ code }) => map.template(code));
  on('dm-map-import', ({ files }) => void map.importFiles(files));
  on('dm-map-import-apply', () => map.applyImport());
  on('dm-map-import-cancel', () => map.cancelImport());
  on('dm-coalition-settings', (detail) => coalition.settings(detail));
  on('dm-coalition-role', ({ code, role }) => store.update(actions.setCoalitionRole(code, role)));
  on('dm-coalition-find', () => coalition.find());
  on('dm-coalition-cancel', () => coalition.cancel());
  on('dm-coalition-share', (chosen) => coalition.share(chosen));
  on('dm-coalition-open', (chosen) => coalition.open(chosen));
  on('dm-scenario-select', ({ id }) => {
    const scenario = SCENARIOS.find((s) => s.id === id);
    if (scenario) edit(actions.loadScenario(structuredClone(scenario)));
  });
}
