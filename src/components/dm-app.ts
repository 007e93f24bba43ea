import { ContextProvider } from '@lit/context';
import { css, html, LitElement } from 'lit';
import {
  type SimulationClient as Client,
  SimulationClient,
  type WorkerFactory,
} from '../controllers/simulation-client.js';
import { WorkAutosave } from '../controllers/work-autosave.js';
import {
  type AssumptionId,
  type Capability,
  decisiveInputs,
  type Issue,
  loadModel,
  type Municipality,
  parseCapabilities,
  parseMunicipalities,
  parseScenario,
  type Results,
  type Scenario,
} from '../engine/index.js';
import type { IntentMap } from '../events.js';
import { municipalityTable, resultsTable, toCsv } from '../export/csv.js';
import { type Lang, t } from '../i18n.js';
import { capabilitiesJsonTemplate, capabilitiesTemplate, parseCapabilityFile } from '../import/capabilities.js';
import { capabilityFieldLabel, profileFieldLabel } from '../import/labels.js';
import { parseProfileFile, profilesJsonTemplate, profilesTemplate } from '../import/profiles.js';
import { appWorkers, loadDataFile } from '../platform.js';
import { DEFAULT_SCENARIO, SCENARIOS } from '../scenarios.js';
import * as actions from '../state/actions.js';
import { type AppState, analysedResults, initialState, type Region, type View } from '../state/app-state.js';
import { storeContext } from '../state/context.js';
import { describeIssue, describeMessage } from '../state/issue-text.js';
import {
  type KeyResults,
  keyResults,
  newId,
  rawText,
  type SavedScenario,
  SavedScenarios,
  unreadableFileName,
} from '../state/saved-scenarios.js';
import { decodeScenario, encodeScenario, MAX_LINK_CHARS } from '../state/scenario-link.js';
import { fileSlug, scenarioName } from '../state/scenario-name.js';
import { Store } from '../state/store.js';
import { withinWorkLimit } from '../state/work-limit.js';
import { WorkingScenarioStore } from '../state/working-scenario.js';
import './dm-header.js';

import './dm-results.js';
import './dm-presenter.js';
import './dm-saved-panel.js';
import './dm-summary.js';
import './dm-scenario-panel.js';

/**
 * Runs re-run per point of the threshold search in the app: enough for the median's error to stay well
 * inside 1 % of status quo's cost (test/engine/thresholds.test.ts), few enough to finish in seconds.
 */
const THRESHOLD_RUNS = 200;

/**
 * Wait this long after the last edit before starting a run, so a burst of edits (several boxes ticked
 * in a row) gives one run. Short: a superseded run is dropped cheaply, and the first picture should
 * follow an edit within ~150 ms.
 */
const EDIT_DEBOUNCE_MS = 16;
/** Runs of the quick preview while a value is dragged: a few hundred, the first runs of the full count. */
export const PREVIEW_RUNS = 300;
/** Links longer than this may be cut by mail programs: suggest the scenario file instead. */
const LONG_LINK_CHARS = 2000;
/** Largest scenario file accepted. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * The app shell: provides the store, loads the data, and mediates every user intent into an action and,
 * where the scenario changed, a new simulation run.
 */
export class DmApp extends LitElement {
  static properties = { dataBase: { attribute: 'data-base' }, autosave: { type: Boolean } };

  static styles = css`
    :host { display: block; min-height: 100vh; background: #fafafa; color: #1a1a1a; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
    .layout { display: grid; grid-template-columns: minmax(17rem, 22rem) 1fr; gap: 0; align-items: start; }
    aside { background: #fff; border-right: 1px solid #ddd; padding: 0 1rem 2rem; max-height: calc(100vh - 3.2rem); overflow-y: auto; position: sticky; top: 0; }
    main { padding: 1rem 1.5rem 3rem; min-width: 0; }
    main:focus { outline: none; }
    /* the first stop for the keyboard: past the header and the scenario panel to the results */
    .skip { position: absolute; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .skip:focus { left: 0.5rem; top: 0.5rem; z-index: 10; width: auto; height: auto; overflow: visible; clip-path: none; background: #fff; color: #12355b; padding: 0.5rem 1rem; border: 2px solid #12355b; border-radius: 4px; }
    .error { margin: 1rem; padding: 0.75rem 1rem; background: #fff4f4; border: 1px solid #b00020; border-radius: 6px; color: #7a0016; }
    .loading { padding: 2rem; }
    footer { padding: 1rem 1.5rem 2rem; font-size: 0.85rem; }
    footer a { color: #0b4f8a; }
    @media print {
      :host { background: #fff; min-height: 0; }
      [data-notice], footer { display: none; }
    }
    .info { margin: 0 0 1rem; padding: 0.6rem 1rem; background: #eef6ee; border: 1px solid #2e7d32; border-radius: 6px; }
    .info p, .error p { margin: 0 0 0.4rem; }
    .link { width: 100%; box-sizing: border-box; font: inherit; font-size: 0.8rem; margin: 0 0 0.4rem; }
    [data-notice] button { font: inherit; font-size: 0.85rem; }
    @media (max-width: 800px) {
      .layout { grid-template-columns: 1fr; }
      /* on a phone the results come first; the settings follow */
      aside { position: static; max-height: none; border-right: none; border-top: 1px solid #ddd; order: 2; }
      main { padding: 1rem 0.75rem 3rem; }
    }
  `;

  /** Where the data files are served from, relative to the page. */
  declare dataBase: string;
  /**
   * Keep the working scenario in the browser and restore it at startup (`<dm-app autosave>` in index.html).
   * Off unless asked for, so that an app mounted by a test starts on the scenario the test gives it.
   */
  declare autosave: boolean;
  /** Replaceable in tests (e.g. with a worker that fails). */
  workerFactory: WorkerFactory = appWorkers;
  /** How long a worker may take to answer before it counts as hung and is replaced (ms). */
  workerTimeoutMs = 60_000;
  /** Replaceable in tests (e.g. with a separate database). */
  savedScenarios = new SavedScenarios();
  readonly store = new Store<AppState>(initialState(structuredClone(DEFAULT_SCENARIO)));
  /** Where the working scenario is kept; replaceable in tests (e.g. with a separate database). */
  workStore = new WorkingScenarioStore();
  readonly work = new WorkAutosave(this, {
    store: this.store,
    enabled: () => this.autosave,
    work: () => this.workStore,
    saved: () => this.savedScenarios,
    open: (scenario) => this.edit(actions.loadScenario(scenario)),
    savedChanged: () => this.loadSaved(),
    offerFile: (name, text, type) => this.saveFile(name, text, type),
  });
  private client?: Client;
  private timer?: ReturnType<typeof setTimeout>;
  private previewFrame = 0;
  private linkTimer?: ReturnType<typeof setTimeout>;
  /** The scenario (without its run count) of the latest preview. */
  private previewKey = '';
  private runCounter = 0;
  /** Saved scenarios saved before their run had finished: id → the scenario saved (JSON), given results when it ends. */
  private readonly awaitingRun = new Map<string, string>();
  /** The scenario (JSON) of the finished full run on screen. */
  private resultsKey = '';
  /** Runs chosen saved scenarios without results, one at a time, on workers of its own (see `runCompared`). */
  private compareClient?: Client;
  private compareQueue: Promise<void> = Promise.resolve();
  /** Ids queued or being run for the comparison. */
  private readonly comparing = new Set<string>();

  constructor() {
    super();
    this.dataBase = 'data/';
    this.autosave = false;
    new ContextProvider(this, { context: storeContext, initialValue: this.store });
    this.store.subscribe(() => this.requestUpdate());
    const on = <K extends keyof IntentMap>(name: K, handle: (detail: IntentMap[K]) => void) =>
      this.addEventListener(name, (event) => handle((event as CustomEvent<IntentMap[K]>).detail));
    on('dm-lang-change', ({ lang }) => {
      this.store.update(actions.setLang(lang));
      document.documentElement.lang = lang;
    });
    on('dm-tab-change', ({ tab }) => this.store.update(actions.setTab(tab)));
    on('dm-members-change', ({ codes }) => this.edit(actions.setMembers(codes)));
    on('dm-path-toggle', ({ path, enabled }) => this.edit(actions.setPathEnabled(path, enabled)));
    on('dm-path-setting', (detail) => {
      if ('form' in detail) this.edit(actions.setSamverkanForm(detail.form));
      else if ('host' in detail) this.edit(actions.setHost(detail.host));
      else if ('bodyPopulation' in detail) this.edit(actions.setBodyPopulation(detail.bodyPopulation));
      else if ('exit' in detail) this.edit(actions.setExit(detail.path, detail.exit));
      else this.edit(actions.setSharedCapabilities(detail.path, detail.selection));
    });
    on('dm-assumption-change', ({ id, assumption }) =>
      this.edit(assumption ? actions.setAssumption(id, assumption) : actions.resetAssumption(id)),
    );
    on('dm-assumption-preview', ({ id, assumption }) => this.preview(actions.setAssumption(id, assumption)));
    on('dm-run-settings-change', (settings) => this.edit(actions.setRunSettings(settings)));
    on('dm-focus-assumption', ({ id }) => {
      // the editors live in the workspace's scenario panel
      if (this.store.state.view !== 'workspace') this.store.update(actions.setView('workspace'));
      void this.updateComplete.then(() => this.renderRoot.querySelector('dm-scenario-panel')?.focusAssumption(id));
    });
    on('dm-link-copy', () => void this.copyLink());
    on('dm-view-change', ({ view }) => {
      this.store.update(actions.setView(view));
      const link = this.linkFor(this.store.state.scenario, this.store.state.lang);
      if (link) history.replaceState(null, '', link);
      window.scrollTo(0, 0);
    });
    on('dm-export', ({ what }) => void this.exportFile(what));
    on('dm-run-more', () => this.runMore());
    on('dm-data-import', ({ file, what }) => void this.importFile(file, what ?? 'municipalities'));
    on('dm-data-import-cancel', () => this.store.update(actions.importPreviewed(null)));
    on('dm-data-import-apply', () => {
      const preview = this.store.state.importPreview;
      if (!preview || !('changes' in preview)) return;
      if ('capabilities' in preview) {
        const changed = new Set(preview.changes.map((c) => c.id));
        this.edit(actions.applyCapabilities(preview.capabilities.filter((c) => changed.has(c.id))));
      } else {
        const changed = new Set(preview.changes.map((c) => c.code));
        this.edit(actions.applyProfiles(preview.profiles.filter((p) => changed.has(p.code))));
      }
      // the rows left out stay listed, to be corrected in the file
      if (preview.problems?.length)
        this.store.update(
          actions.importPreviewed({ file: preview.file, problems: preview.problems, applied: preview.changes.length }),
        );
    });
    on('dm-data-reset', () => {
      this.edit(actions.resetProfiles());
      this.edit(actions.resetCapabilities());
    });
    on('dm-profile-edit', ({ code, field, value }) => {
      const profile = this.currentProfiles().find((m) => m.code === code);
      if (!profile) return;
      const next = {
        ...profile,
        [field]: value,
        sources: { ...profile.sources, [field]: 'ändrat i arbetsytan (Data och källor)' },
      };
      if (value === null) delete (next as Record<string, unknown>)[field];
      const checked = parseMunicipalities([next]);
      const lang = this.store.state.lang;
      if (!checked.ok)
        return this.refuseEdit(
          `${profile.name}, ${profileFieldLabel(field, lang)}`,
          describeMessage(checked.issues[0], lang),
        );
      this.edit(actions.applyProfiles(checked.value));
    });
    on('dm-capability-edit', ({ id, field, value }) => {
      const { data, scenario } = this.store.state;
      if (data.status !== 'ready') return;
      const capability = scenario.capabilities?.find((c) => c.id === id) ?? data.capabilities.find((c) => c.id === id);
      if (!capability) return;
      const next = {
        ...capability,
        [field]: value,
        sources: { ...capability.sources, [field]: 'ändrat i arbetsytan (Data och källor)' },
      };
      const checked = parseCapabilities([next]);
      if (!checked.ok)
        return this.refuseEdit(
          `${capability.name[this.store.state.lang]}, ${capabilityFieldLabel(field, this.store.state.lang)}`,
          describeMessage(checked.issues[0], this.store.state.lang),
        );
      this.edit(actions.applyCapabilities(checked.value));
    });
    on('dm-data-template', ({ format, what }) => {
      const lang = this.store.state.lang;
      if (what === 'capabilities') {
        const capabilities = this.currentCapabilities();
        if (format === 'csv') this.saveFile('formagor-mall.csv', capabilitiesTemplate(capabilities, lang), 'text/csv');
        else this.saveFile('formagor-mall.json', capabilitiesJsonTemplate(capabilities, lang), 'application/json');
        return;
      }
      const profiles = this.currentProfiles();
      if (format === 'csv') this.saveFile('kommuner-mall.csv', profilesTemplate(profiles, lang), 'text/csv');
      else this.saveFile('kommuner-mall.json', profilesJsonTemplate(profiles, lang), 'application/json');
    });
    on('dm-save', ({ name }) => void this.save(name));
    on('dm-saved-open', ({ id }) => {
      const item = this.store.state.saved.items.find((x) => x.id === id);
      if (item) this.edit(actions.loadScenario(structuredClone(item.scenario)));
    });
    on('dm-saved-rename', ({ id, name }) => void this.changeSaved(id, (item) => ({ ...item, name })));
    on(
      'dm-saved-duplicate',
      ({ id }) =>
        void this.changeSaved(
          id,
          (item) => ({ ...item, id: newId(), name: `${item.name} (kopia)`, savedAt: new Date().toISOString() }),
          true,
        ),
    );
    on('dm-saved-delete', ({ id }) => void this.changeSaved(id, null));
    on('dm-compare-toggle', ({ id }) => {
      this.store.update(actions.toggleCompare(id));
      // un-ticked: forget a failed run, so that ticking it again tries again
      if (!this.store.state.compare.includes(id)) this.store.update(actions.compareRunChanged(id, null));
      this.runCompared();
    });
    on('dm-saved-unreadable-download', ({ ref }) => void this.downloadUnreadable(ref));
    on('dm-saved-unreadable-delete', ({ ref }) => void this.discardUnreadable(ref));
    on('dm-notice-dismiss', () => this.store.update(actions.dismissNotice()));
    on('dm-scenario-download', () => this.download());
    on('dm-scenario-upload', ({ file }) => void this.upload(file));
    window.addEventListener('hashchange', () =>
      this.work.linkOpened(() => {
        this.openLink();
      }),
    );
    on('dm-scenario-select', ({ id }) => {
      const scenario = SCENARIOS.find((s) => s.id === id);
      if (scenario) this.edit(actions.loadScenario(structuredClone(scenario)));
    });
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.loadData();
    void this.loadSaved();
  }

  /**
   * Read saved scenarios. Entries that cannot be read are listed in the panel (and named once in a notice),
   * never hidden or deleted; no storage at all still lets the app run.
   */
  private async loadSaved(): Promise<void> {
    const first = this.store.state.saved.status === 'loading';
    try {
      const { items, unreadable } = await this.savedScenarios.list();
      this.store.update(actions.savedLoaded(items, unreadable));
    } catch {
      this.store.update(actions.savedUnavailable());
      return;
    }
    const { unreadable } = this.store.state.saved;
    if (first && unreadable.length > 0 && !this.store.state.notice) {
      const n = unreadable.length;
      const names = (lang: Lang) =>
        unreadable
          .slice(0, 3)
          .map((x) => (lang === 'sv' ? `”${x.name ?? 'Namnlöst scenario'}”` : `“${x.name ?? 'Untitled scenario'}”`))
          .join(', ') + (n > 3 ? ' …' : '');
      this.store.update(
        actions.noticeShown({
          kind: 'error',
          text:
            this.store.state.lang === 'sv'
              ? `${n === 1 ? 'Ett sparat scenario' : `${n} sparade scenarier`} kan inte läsas av den här versionen: ${names('sv')}. ${n === 1 ? 'Det' : 'De'} finns kvar under Sparade scenarier, där du kan ladda ner eller ta bort ${n === 1 ? 'det' : 'dem'}.`
              : `${n === 1 ? 'A saved scenario' : `${n} saved scenarios`} cannot be read by this version: ${names('en')}. ${n === 1 ? 'It is' : 'They are'} kept under Saved scenarios, where you can download or delete ${n === 1 ? 'it' : 'them'}.`,
        }),
      );
    }
    this.fillAwaiting();
    this.runCompared();
  }

  private async save(name: string): Promise<void> {
    const { scenario, run } = this.store.state;
    const key = JSON.stringify(scenario);
    // the results on screen only when they are the finished results of this very scenario; else they
    // follow when its run ends (or it is run when compared)
    const current = run.status === 'done' && !run.preview && key === this.resultsKey;
    const results = current && run.results ? keyResults(run.results) : null;
    const id = newId();
    try {
      await this.savedScenarios.put({
        id,
        name,
        savedAt: new Date().toISOString(),
        scenario: structuredClone(scenario) as Scenario,
        results,
      });
      if (!results) this.awaitingRun.set(id, key);
      await this.loadSaved();
    } catch (error) {
      this.storageFailed(error);
    }
  }

  /** Give scenarios saved before their run had finished the results of that run, once it has. */
  private fillAwaiting(): void {
    const { run } = this.store.state;
    if (run.status !== 'done' || run.preview || !run.results) return;
    for (const [id, key] of this.awaitingRun) {
      if (key !== this.resultsKey) continue;
      const item = this.store.state.saved.items.find((x) => x.id === id);
      if (!item) continue; // not listed yet: its save calls again
      this.awaitingRun.delete(id);
      if (!item.results) void this.attachResults(id, keyResults(run.results));
    }
  }

  /** Results for a saved scenario that had none: shown at once, and stored with it. */
  private async attachResults(id: string, results: KeyResults): Promise<void> {
    if (this.store.state.saved.items.find((x) => x.id === id)?.results !== null) return;
    this.store.update(actions.savedResultsFound(id, results));
    const item = this.store.state.saved.items.find((x) => x.id === id);
    if (!item) return;
    try {
      await this.savedScenarios.put(item);
    } catch (error) {
      this.storageFailed(error);
    }
  }

  /**
   * Run every saved scenario chosen for comparison that has no results (saved mid-run, or its run was
   * cut short), one at a time on workers of their own, so the run on screen goes on undisturbed.
   */
  private runCompared(): void {
    const { compare, saved, compareRuns, data } = this.store.state;
    if (data.status !== 'ready') return;
    for (const id of compare) {
      const item = saved.items.find((x) => x.id === id);
      if (!item || item.results || this.comparing.has(id) || compareRuns[id]?.status === 'failed') continue;
      this.comparing.add(id);
      this.store.update(actions.compareRunChanged(id, { status: 'running', done: 0, total: item.scenario.runs }));
      this.compareQueue = this.compareQueue.then(() => this.runOneCompared(id));
    }
  }

  private async runOneCompared(id: string): Promise<void> {
    const fail = (reason: { sv: string; en: string }) =>
      this.store.update(actions.compareRunChanged(id, { status: 'failed', reason }));
    try {
      const { data, saved, compare } = this.store.state;
      const item = saved.items.find((x) => x.id === id);
      if (!item || item.results || !compare.includes(id) || data.status !== 'ready' || !this.isConnected) {
        this.store.update(actions.compareRunChanged(id, null));
        return;
      }
      if (!loadModel(item.scenario, data.municipalities, data.capabilities).ok)
        return fail({
          sv: 'det passar inte den här versionens kommun- eller förmågeuppgifter. Öppna det för att se vad som behöver ändras',
          en: 'it does not fit this version’s municipality or capability data. Open it to see what needs changing',
        });
      if (!this.compareClient) {
        this.compareClient = new SimulationClient(this.workerFactory, 2, this.workerTimeoutMs);
        this.compareClient.setData(data.municipalities, data.capabilities);
      }
      const client = this.compareClient;
      const total = item.scenario.runs;
      const outcome = await new Promise<Results | string>((resolve) =>
        client.run(item.scenario, {
          progress: (done) => {
            if (this.store.state.compare.includes(id))
              this.store.update(actions.compareRunChanged(id, { status: 'running', done, total }));
          },
          finished: resolve,
          failed: resolve,
        }),
      );
      if (typeof outcome === 'string')
        return fail({
          sv: 'beräkningen misslyckades. Kryssa ur det och i det igen för att försöka på nytt',
          en: 'the computation failed. Untick it and tick it again to try again',
        });
      await this.attachResults(id, keyResults(outcome));
      this.store.update(actions.compareRunChanged(id, null));
    } finally {
      this.comparing.delete(id);
      if (this.comparing.size === 0) {
        this.compareClient?.dispose();
        this.compareClient = undefined;
      }
    }
  }

  /** Offer the stored content of an entry that cannot be read as a file, as it is. */
  private async downloadUnreadable(ref: string): Promise<void> {
    const entry = this.store.state.saved.unreadable.find((x) => x.ref === ref);
    if (!entry) return;
    try {
      const raw = await this.savedScenarios.raw(ref);
      this.saveFile(unreadableFileName(entry), `${rawText(raw)}\n`, 'application/json');
    } catch (error) {
      this.storageError(error, (why, sv) =>
        sv ? `Kunde inte läsa posten ur webbläsaren (${why}).` : `Could not read the entry from the browser (${why}).`,
      );
    }
  }

  /** Delete an entry that cannot be read (the user has confirmed). */
  private async discardUnreadable(ref: string): Promise<void> {
    try {
      await this.savedScenarios.discard(ref);
      await this.loadSaved();
    } catch (error) {
      this.storageError(error, (why, sv) =>
        sv ? `Kunde inte ta bort posten (${why}).` : `Could not delete the entry (${why}).`,
      );
    }
  }

  private async changeSaved(
    id: string,
    change: ((item: SavedScenario) => SavedScenario) | null,
    keep = false,
  ): Promise<void> {
    const item = this.store.state.saved.items.find((x) => x.id === id);
    if (!item) return;
    try {
      if (change === null) await this.savedScenarios.remove(id);
      else {
        const next = change(structuredClone(item) as SavedScenario);
        if (!keep && next.id !== id) await this.savedScenarios.remove(id);
        await this.savedScenarios.put(next);
      }
      await this.loadSaved();
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private storageFailed(error: unknown): void {
    this.storageError(error, (why, sv) =>
      sv
        ? `Kunde inte spara i webbläsaren (${why}, t.ex. fullt lagringsutrymme). Ladda ner scenariot som fil i stället.`
        : `Could not save in the browser (${why}, e.g. storage full). Download the scenario as a file instead.`,
    );
  }

  /** Say that the browser's storage refused an operation, naming the error it gave. */
  private storageError(error: unknown, text: (why: string, sv: boolean) => string): void {
    const sv = this.store.state.lang === 'sv';
    const why = (error as Error).name ?? (sv ? 'fel' : 'error');
    this.store.update(actions.noticeShown({ kind: 'error', text: text(why, sv) }));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.client?.dispose();
    this.compareClient?.dispose();
  }

  private async loadData(): Promise<void> {
    try {
      const fetchJson = (name: string) => loadDataFile(name, new URL(`${this.dataBase}${name}`, document.baseURI));
      const [municipalities, capabilities, regions] = await Promise.all(
        ['municipalities.json', 'capabilities.json', 'regions.json'].map(fetchJson),
      );
      const m = parseMunicipalities(municipalities);
      const c = parseCapabilities(capabilities);
      if (!m.ok || !c.ok) {
        const issues = [
          ...(m.ok ? [] : m.issues.map((i) => ({ ...i, path: `municipalities.${i.path}` }))),
          ...(c.ok ? [] : c.issues.map((i) => ({ ...i, path: `capabilities.${i.path}` }))),
        ].slice(0, 5);
        throw new Error(issues.map((i) => describeIssue(i, this.store.state.lang)).join('; '));
      }
      // the latest work, unless the address holds a scenario (a link reproduces its numbers; the work is offered)
      const restored = await this.work.restore(/[#&]s=/.test(location.hash), {
        municipalities: m.value,
        capabilities: c.value,
      });
      if (restored) this.store.update(actions.loadScenario(withinWorkLimit(restored, this.store.state.lang).scenario));
      this.store.update(
        actions.dataLoaded({ municipalities: m.value, capabilities: c.value, regions: regions as Region[] }),
      );
      this.client = new SimulationClient(this.workerFactory, undefined, this.workerTimeoutMs);
      this.client.setData(m.value, c.value);
      if (!this.openLink()) this.start();
      this.work.arm();
    } catch (error) {
      this.store.update(actions.dataFailed((error as Error).message));
    }
  }

  /**
   * Open the scenario in the page's link (#s=…), if any. A link that cannot be opened leaves the current
   * scenario in place and says why, naming the field. Returns whether a run was started.
   */
  private openLink(): boolean {
    const view: View = location.hash.startsWith('#sammanfattning')
      ? 'summary'
      : location.hash.startsWith('#presentation')
        ? 'presenter'
        : 'workspace';
    if (view !== this.store.state.view) this.store.update(actions.setView(view));
    const match = /[#&]s=([^&]*)/.exec(location.hash);
    const { data, lang } = this.store.state;
    if (!match || data.status !== 'ready') return false;
    const decoded = decodeScenario(match[1], SCENARIOS);
    const issues: Issue[] = decoded.ok
      ? (() => {
          const model = loadModel(decoded.value.scenario, data.municipalities, data.capabilities);
          return model.ok ? [] : model.issues;
        })()
      : decoded.issues;
    if (!decoded.ok || issues.length > 0) {
      const why = describeIssue(issues[0], lang, {
        scenario: decoded.ok ? decoded.value.scenario : undefined,
        municipalities: data.municipalities,
        capabilities: data.capabilities,
      });
      this.store.update(
        actions.noticeShown({ kind: 'error', text: `${t('linkFailed', lang)}: ${why}. ${t('linkFallback', lang)}` }),
      );
      history.replaceState(null, '', location.pathname + location.search);
      this.start();
      return true;
    }
    if (decoded.value.lang) {
      this.store.update(actions.setLang(decoded.value.lang));
      document.documentElement.lang = decoded.value.lang;
    }
    const bounded = withinWorkLimit(decoded.value.scenario, this.store.state.lang);
    this.store.update(actions.loadScenario(bounded.scenario));
    if (bounded.message) this.store.update(actions.noticeShown({ kind: 'info', text: bounded.message }));
    this.start();
    return true;
  }

  /**
   * Put a run's scenario in the address bar in a task of its own: encoding the link and replaceState
   * take ≈ 10 ms that the run's start should not wait for. A later call supersedes a pending one.
   */
  private settleLink(scenario: Scenario): void {
    clearTimeout(this.linkTimer);
    this.linkTimer = setTimeout(() => {
      const link = this.linkFor(scenario, this.store.state.lang);
      if (link) history.replaceState(null, '', link);
    });
  }

  /**
   * The address that opens a scenario in the current view, or null when the scenario is too large for a
   * link: the app would refuse to open it, so such a scenario keeps the address it had (the file carries it).
   */
  private linkFor(scenario: Scenario, lang: Lang): string | null {
    const payload = encodeScenario(scenario, SCENARIOS, lang);
    if (payload.length > MAX_LINK_CHARS) return null;
    const view = this.store.state.view;
    const prefix = view === 'summary' ? 'sammanfattning&' : view === 'presenter' ? 'presentation&' : '';
    return `${location.origin}${location.pathname}${location.search}#${prefix}s=${payload}`;
  }

  /** Download the current results: CSV for Swedish Excel, the CLI's JSON, or every run for audit. */
  private async exportFile(what: 'results-csv' | 'municipalities-csv' | 'results-json' | 'runs-csv'): Promise<void> {
    const { run, lang, scenario } = this.store.state;
    if (!run.results) return;
    const name = `${fileSlug(scenarioName(scenario, SCENARIOS, lang))}-${scenario.seed}`;
    if (what === 'results-csv')
      this.saveFile(`${name}-resultat.csv`, toCsv(resultsTable(run.results, lang), lang), 'text/csv');
    else if (what === 'municipalities-csv')
      this.saveFile(`${name}-per-kommun.csv`, toCsv(municipalityTable(run.results, lang), lang), 'text/csv');
    else if (what === 'results-json')
      this.saveFile(`${name}-resultat.json`, `${JSON.stringify(analysedResults(run))}\n`, 'application/json');
    else {
      const table = await this.client?.runTable();
      if (table) this.saveFile(`${name}-korningar.csv`, toCsv([table.columns, ...table.rows], lang), 'text/csv');
    }
  }

  /** Offer text as a file download. Tests read the last one from `lastDownload`. */
  lastDownload: { name: string; text: string } | null = null;
  private saveFile(name: string, text: string, type: string): void {
    this.lastDownload = { name, text };
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async copyLink(): Promise<void> {
    const { scenario, lang } = this.store.state;
    const link = this.linkFor(scenario, lang);
    if (!link) {
      // a link that the app would refuse to open is no link: say so and point to the file
      this.store.update(actions.noticeShown({ kind: 'error', text: t('linkTooLong', lang) }));
      return;
    }
    history.replaceState(null, '', link);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // clipboard refused (no permission, not a secure context): show the link to copy by hand
    }
    const long = link.length > LONG_LINK_CHARS ? ` ${t('linkLong', lang)}` : '';
    this.store.update(
      actions.noticeShown(
        copied
          ? { kind: 'info', text: `${t('linkCopied', lang)}${long}`, link }
          : { kind: 'info', text: `${t('linkNotCopied', lang)}${long}`, link },
      ),
    );
  }

  private download(): void {
    const { scenario } = this.store.state;
    this.saveFile(
      `${fileSlug(scenarioName(scenario, SCENARIOS, this.store.state.lang))}.json`,
      `${JSON.stringify(scenario, null, 2)}\n`,
      'application/json',
    );
  }

  private async upload(file: File): Promise<void> {
    const { data, lang } = this.store.state;
    const refuse = (why: string) =>
      this.store.update(actions.noticeShown({ kind: 'error', text: `${t('fileFailed', lang)}: ${why}` }));
    if (data.status !== 'ready') return;
    if (file.size > MAX_FILE_BYTES) return refuse(`${file.name} > ${MAX_FILE_BYTES / 1e6} MB`);
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      return refuse(lang === 'sv' ? `${file.name} är inte giltig JSON` : `${file.name} is not valid JSON`);
    }
    const parsed = parseScenario(raw);
    const model = parsed.ok ? loadModel(parsed.value, data.municipalities, data.capabilities) : parsed;
    if (!model.ok) {
      // issues of the file's own shape come without the `scenario.` of loadModel's: add it
      const first = parsed.ok ? model.issues[0] : { ...model.issues[0], path: `scenario.${model.issues[0].path}` };
      return refuse(
        describeIssue(first, lang, {
          scenario: raw,
          municipalities: data.municipalities,
          capabilities: data.capabilities,
        }),
      );
    }
    if (parsed.ok) {
      const bounded = withinWorkLimit(parsed.value, this.store.state.lang);
      this.edit(actions.loadScenario(bounded.scenario));
      if (bounded.message) this.store.update(actions.noticeShown({ kind: 'info', text: bounded.message }));
    }
  }

  /** Say why an edited value was not accepted; the previous value stays. */
  private refuseEdit(what: string, why: string): void {
    const sv = this.store.state.lang === 'sv';
    this.store.update(
      actions.noticeShown({
        kind: 'error',
        text: sv
          ? `Värdet för ${what} godtogs inte: ${why}. Det tidigare värdet gäller.`
          : `The value for ${what} was not accepted: ${why}. The previous value stands.`,
      }),
    );
  }

  /** The municipality profiles in use: the embedded ones with the scenario's own figures applied. */
  private currentProfiles(): Municipality[] {
    const { data, scenario } = this.store.state;
    if (data.status !== 'ready') return [];
    const carried = new Map((scenario.profiles ?? []).map((p) => [p.code, p]));
    return data.municipalities.map((m) => (carried.get(m.code) ?? m) as Municipality);
  }

  /** The capability catalogue in use: the embedded one with the scenario's own capabilities applied. */
  private currentCapabilities(): Capability[] {
    const { data, scenario } = this.store.state;
    if (data.status !== 'ready') return [];
    const own = new Map((scenario.capabilities ?? []).map((c) => [c.id, c]));
    return data.capabilities.map((c) => (own.get(c.id) ?? c) as Capability);
  }

  /** Read an import file and preview what it would change; nothing is applied here. */
  private async importFile(file: File, what: 'municipalities' | 'capabilities'): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (what === 'capabilities') {
      const result = parseCapabilityFile(bytes, file.name, this.currentCapabilities());
      this.store.update(
        actions.importPreviewed(
          result.ok
            ? {
                file: file.name,
                changes: result.changes,
                capabilities: result.capabilities,
                problems: result.problems,
              }
            : { file: file.name, problems: result.problems },
        ),
      );
      return;
    }
    const result = parseProfileFile(bytes, file.name, this.currentProfiles());
    this.store.update(
      actions.importPreviewed(
        result.ok
          ? { file: file.name, changes: result.changes, profiles: result.profiles, problems: result.problems }
          : { file: file.name, problems: result.problems },
      ),
    );
  }

  /** Double the runs of a finished run, continuing its sequence rather than starting over. */
  private runMore(): void {
    const { run } = this.store.state;
    if (run.status !== 'done' || !run.results) return;
    this.continueRun(Math.min(1_000_000, run.results.runsDone * 2));
  }

  /** Continue the finished run's sequence up to `total` runs (the result equals one run of `total`). */
  private continueRun(total: number): void {
    const { run } = this.store.state;
    if (run.status !== 'done' || !run.results || !this.client) return;
    const done = run.results.runsDone;
    if (total <= done) return;
    const id = ++this.runCounter;
    this.store.update(actions.runContinued(id, total, done));
    const next = this.store.state.scenario as Scenario;
    this.settleLink(next);
    this.client.runMore(next, done, {
      progress: (n, results) => this.store.update(actions.runProgressed(id, n, results)),
      finished: (results) => this.finished(id, results),
      failed: (message) => this.store.update(actions.runFailed(id, message)),
    });
  }

  /** Apply an edit to the scenario and schedule a new run. */
  private edit(recipe: Parameters<Store<AppState>['update']>[0]): void {
    this.client?.cancel();
    this.store.update(recipe);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), EDIT_DEBOUNCE_MS);
  }

  /**
   * Apply a value that is being dragged and run a quick preview of its first PREVIEW_RUNS runs (the
   * same runs the full count starts with), at most one per frame. The drag's final dm-assumption-change
   * continues a finished preview to the full count rather than starting over.
   */
  private preview(recipe: Parameters<Store<AppState>['update']>[0]): void {
    this.client?.cancel();
    clearTimeout(this.timer);
    this.store.update(recipe);
    if (this.previewFrame) return;
    this.previewFrame = requestAnimationFrame(() => {
      this.previewFrame = 0;
      this.start(PREVIEW_RUNS);
    });
  }

  /**
   * Validate the current scenario and run it (only its first `previewRuns` runs for a preview); an
   * invalid one keeps the last results and lists its problems.
   */
  private start(previewRuns = 0): void {
    const { data, scenario, run } = this.store.state;
    if (data.status !== 'ready' || !this.client) return;
    const model = loadModel(scenario, data.municipalities, data.capabilities);
    if (!model.ok) {
      this.client?.cancel();
      this.store.update(actions.scenarioRejected(model.issues));
      return;
    }
    // a scenario of few runs is run in full at once
    const preview = previewRuns > 0 && scenario.runs > previewRuns;
    const runs = preview ? previewRuns : scenario.runs;
    const key = JSON.stringify({ ...scenario, runs: 0 });
    if (!preview && run.preview && run.status === 'done' && key === this.previewKey) {
      // the drag ended on the value already previewed: continue those runs to the full count
      this.settleLink(scenario);
      this.continueRun(scenario.runs);
      return;
    }
    this.previewKey = preview ? key : '';
    const id = ++this.runCounter;
    this.store.update(actions.runStarted(id, runs, preview));
    // the address always reproduces what is on screen (a preview is settled by the drag's end)
    if (!preview && (location.hash.includes('s=') || id > 1)) this.settleLink(scenario);
    this.client.run((preview ? { ...scenario, runs } : scenario) as Scenario, {
      progress: (done, results) => this.store.update(actions.runProgressed(id, done, results)),
      finished: (results) => {
        if (preview) this.store.update(actions.runFinished(id, results));
        else this.finished(id, results);
      },
      failed: (message) => this.store.update(actions.runFailed(id, message)),
    });
  }

  /** Record a finished run, then compute one-at-a-time swings of its strongest inputs in the aggregator. */
  private finished(id: number, results: Results): void {
    this.store.update(actions.runFinished(id, results));
    if (this.store.state.run.id === id && this.store.state.run.status === 'done') {
      this.resultsKey = JSON.stringify(this.store.state.scenario);
      this.fillAwaiting();
    }
    const top = new Set<AssumptionId>();
    for (const path of Object.values(results.paths))
      for (const d of path.sensitivity.npvVsStatusQuo.slice(0, 3)) top.add(d.input);
    void this.client
      ?.swings([...top])
      .then((swings) => {
        if (swings) this.store.update(actions.swingsComputed(id, swings));
      })
      .catch(() => {});
    this.analyse(id, results);
  }

  /**
   * The decision analysis of a finished run: cost against capacity and value of information from its
   * stored runs, then the threshold search (re-runs with one input pinned) in a worker of its own.
   */
  private analyse(id: number, results: Results): void {
    const client = this.client;
    if (!client) return;
    void client
      .decision()
      .then((decision) => {
        if (decision) this.store.update(actions.decisionComputed(id, decision));
      })
      .catch(() => {});
    const scenario = this.store.state.scenario;
    const runs = Math.min(THRESHOLD_RUNS, results.runsDone);
    this.store.update(actions.thresholdSearchProgressed(id, 'running'));
    client
      .thresholds(scenario, decisiveInputs(results), runs, (done, total) =>
        this.store.update(actions.thresholdSearchProgressed(id, 'running', done, total)),
      )
      .then((thresholds) => {
        if (thresholds) this.store.update(actions.thresholdsComputed(id, thresholds));
      })
      .catch(() => this.store.update(actions.thresholdSearchProgressed(id, 'error')));
  }

  private notice(s: AppState) {
    const lang = s.lang;
    if (!s.notice) return '';
    return html`<div class=${s.notice.kind === 'error' ? 'error' : 'info'} role=${s.notice.kind === 'error' ? 'alert' : 'status'} data-notice>
      <p>${s.notice.text}</p>
      ${
        s.notice.link
          ? html`<input class="link" readonly .value=${s.notice.link} aria-label=${t('copyLink', lang)}
              @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />`
          : ''
      }
      <button type="button" @click=${() => this.store.update(actions.dismissNotice())}>${t('close', lang)}</button>
    </div>`;
  }

  protected updated(): void {
    const s = this.store.state;
    const view = s.view === 'workspace' ? '' : ` – ${t('summary', s.lang)}`;
    document.title = `${scenarioName(s.scenario, SCENARIOS, s.lang)}${view} – Digitala motorn`;
  }

  /** The skip link: an anchor cannot reach into this component's shadow root, so focus the results here. */
  private skipToResults(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
  }

  render() {
    const s = this.store.state;
    const lang = s.lang;
    return html`
      ${
        s.view === 'workspace'
          ? html`<a class="skip" href="#results" data-skip @click=${(e: Event) => this.skipToResults(e)}>${lang === 'sv' ? 'Hoppa till resultaten' : 'Skip to the results'}</a>`
          : ''
      }
      <dm-header .lang=${lang} .scenarioName=${scenarioName(s.scenario, SCENARIOS, lang)} .status=${s.run.status} .done=${s.run.done} .total=${s.run.total} .preview=${s.run.preview} .outdated=${s.run.outdated} .view=${s.view}></dm-header>
      ${s.data.status === 'error' ? html`<div class="error" role="alert">${t('dataFailed', lang)}: ${s.data.message}</div>` : ''}
      ${s.data.status === 'loading' ? html`<p class="loading">${t('loading', lang)}</p>` : ''}
      ${s.data.status === 'ready' && s.view === 'summary' ? html`${this.notice(s)}${this.work.render(lang)}<dm-summary></dm-summary>` : ''}
      ${s.data.status === 'ready' && s.view === 'presenter' ? html`<dm-presenter></dm-presenter>` : ''}
      ${
        s.data.status === 'ready' && s.view === 'workspace'
          ? html`<div class="layout">
            <aside aria-label=${lang === 'sv' ? 'Scenario' : 'Scenario'}><dm-saved-panel></dm-saved-panel><dm-scenario-panel></dm-scenario-panel></aside>
            <main id="results" tabindex="-1">
              ${this.notice(s)}
              ${this.work.render(lang)}
              ${
                s.run.status === 'error'
                  ? html`<div class="error" role="alert" data-run-error>${t('workerFailed', lang)} (${s.run.error})</div>`
                  : ''
              }
              <dm-results></dm-results>
            </main>
          </div>`
          : ''
      }
      <footer><a href="./tillganglighet.html">${lang === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement (Swedish)'}</a></footer>
    `;
  }
}

customElements.define('dm-app', DmApp);
declare global {
  interface HTMLElementTagNameMap {
    'dm-app': DmApp;
  }
}
