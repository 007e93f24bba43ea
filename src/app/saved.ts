/**
 * The saved-scenario commands (list, save, rename, duplicate, delete, unreadable entries) and their notices,
 * results given to scenarios saved mid-run, and the runs of compared scenarios saved without results.
 */
import { loadModel, type Results, type Scenario } from '../engine/index.js';
import { type Lang, t } from '../i18n.js';
import { workerEndpoints } from '../runner/comlink.js';
import { PoolRunner, type Runner } from '../runner/runner.js';
import * as actions from '../state/actions.js';
import {
  type KeyResults,
  keyResults,
  newId,
  rawText,
  type SavedScenario,
  unreadableFileName,
} from '../state/saved-scenarios.js';
import type { AppHost } from './host.js';
import type { RunController } from './run-controller.js';

/** Carries out the saved-scenario intents against the host's `savedScenarios`. */
export class SavedCommands {
  /** Saved scenarios saved before their run had finished: id → the scenario saved (JSON), given results when it ends. */
  private readonly awaitingRun = new Map<string, string>();
  /** Runs chosen saved scenarios without results, one at a time, on workers of its own (see `runCompared`). */
  private compareClient?: Runner;
  private compareQueue: Promise<void> = Promise.resolve();
  /** Ids queued or being run for the comparison. */
  private readonly comparing = new Set<string>();

  constructor(
    private readonly host: AppHost,
    private readonly runs: RunController,
  ) {}

  private get store() {
    return this.host.store;
  }

  dispose(): void {
    this.compareClient?.dispose();
  }

  /** Open a saved scenario as an edit. */
  open(id: string): void {
    const item = this.store.state.saved.items.find((x) => x.id === id);
    if (item) this.runs.edit(actions.loadScenario(structuredClone(item.scenario)));
  }

  rename(id: string, name: string): Promise<void> {
    return this.changeSaved(id, (item) => ({ ...item, name }));
  }

  duplicate(id: string): Promise<void> {
    return this.changeSaved(
      id,
      (item) => ({ ...item, id: newId(), name: `${item.name} (kopia)`, savedAt: new Date().toISOString() }),
      true,
    );
  }

  remove(id: string): Promise<void> {
    return this.changeSaved(id, null);
  }

  /** Tick or untick a saved scenario for comparison. */
  toggleCompare(id: string): void {
    this.store.update(actions.toggleCompare(id));
    // un-ticked: forget a failed run, so that ticking it again tries again
    if (!this.store.state.compare.includes(id)) this.store.update(actions.compareRunChanged(id, null));
    this.runCompared();
  }

  /**
   * Read saved scenarios. Entries that cannot be read are listed in the panel (and named once in a notice),
   * never hidden or deleted; no storage at all still lets the app run.
   */
  async loadSaved(): Promise<void> {
    const first = this.store.state.saved.status === 'loading';
    try {
      const { items, unreadable } = await this.host.savedScenarios.list();
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
          .map((x) => t('quotedName', lang, x.name))
          .join(', ') + (n > 3 ? ' …' : '');
      this.store.update(
        actions.noticeShown({
          kind: 'error',
          text: t('savedUnreadable', this.store.state.lang, n, names(this.store.state.lang)),
        }),
      );
    }
    this.fillAwaiting();
    this.runCompared();
  }

  async save(name: string): Promise<void> {
    const { scenario, run } = this.store.state;
    const key = JSON.stringify(scenario);
    // the results on screen only when they are the finished results of this very scenario; else they
    // follow when its run ends (or it is run when compared)
    const current = run.status === 'done' && !run.preview && key === this.runs.resultsKey;
    const results = current && run.results ? keyResults(run.results) : null;
    const id = newId();
    try {
      await this.host.savedScenarios.put({
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
  fillAwaiting(): void {
    const { run } = this.store.state;
    if (run.status !== 'done' || run.preview || !run.results) return;
    for (const [id, key] of this.awaitingRun) {
      if (key !== this.runs.resultsKey) continue;
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
      await this.host.savedScenarios.put(item);
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
    const fail = (key: 'compareDoesNotFit' | 'compareComputationFailed') => {
      const reason = { sv: t(key, 'sv'), en: t(key, 'en') };
      return this.store.update(actions.compareRunChanged(id, { status: 'failed', reason }));
    };
    try {
      const { data, saved, compare } = this.store.state;
      const item = saved.items.find((x) => x.id === id);
      if (!item || item.results || !compare.includes(id) || data.status !== 'ready' || !this.host.isConnected) {
        this.store.update(actions.compareRunChanged(id, null));
        return;
      }
      if (!loadModel(item.scenario, data.municipalities, data.capabilities).ok) return fail('compareDoesNotFit');
      if (!this.compareClient) {
        this.compareClient = new PoolRunner(workerEndpoints(this.host.workerFactory), 2, this.host.workerTimeoutMs);
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
      if (typeof outcome === 'string') return fail('compareComputationFailed');
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
  async downloadUnreadable(ref: string): Promise<void> {
    const entry = this.store.state.saved.unreadable.find((x) => x.ref === ref);
    if (!entry) return;
    try {
      const raw = await this.host.savedScenarios.raw(ref);
      this.host.saveFile(unreadableFileName(entry), `${rawText(raw)}\n`, 'application/json');
    } catch (error) {
      this.storageError(error, 'couldNotReadEntry');
    }
  }

  /** Delete an entry that cannot be read (the user has confirmed). */
  async discardUnreadable(ref: string): Promise<void> {
    try {
      await this.host.savedScenarios.discard(ref);
      await this.loadSaved();
    } catch (error) {
      this.storageError(error, 'couldNotDeleteEntry');
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
      if (change === null) await this.host.savedScenarios.remove(id);
      else {
        const next = change(structuredClone(item) as SavedScenario);
        if (!keep && next.id !== id) await this.host.savedScenarios.remove(id);
        await this.host.savedScenarios.put(next);
      }
      await this.loadSaved();
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private storageFailed(error: unknown): void {
    this.storageError(error, 'couldNotSaveInBrowser');
  }

  /** Say that the browser's storage refused an operation, naming the error it gave. */
  private storageError(
    error: unknown,
    key: 'couldNotReadEntry' | 'couldNotDeleteEntry' | 'couldNotSaveInBrowser',
  ): void {
    const { lang } = this.store.state;
    const why = (error as Error).name ?? t('error', lang);
    this.store.update(actions.noticeShown({ kind: 'error', text: t(key, lang, why) }));
  }
}
