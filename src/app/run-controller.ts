/**
 * The run lifecycle of the scenario on screen: edit → debounce → validate → run (or a quick preview while a
 * value is dragged, continued to the full count when the drag ends; "Kör fler" continues a finished run) →
 * swings, decision analysis and threshold search. The only run id lives here.
 */
import {
  type AssumptionId,
  type Capability,
  decisiveInputs,
  loadModel,
  type Municipality,
  type Results,
  type Scenario,
} from '../engine/index.js';
import { workerEndpoints } from '../runner/comlink.js';
import { PoolRunner, type Runner } from '../runner/runner.js';
import * as actions from '../state/actions.js';
import type { AppHost, Recipe } from './host.js';
import type { Address } from './location.js';

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

/** Runs the store's scenario on the app's workers and records the results in the store. */
export class RunController {
  private client?: Runner;
  private timer?: ReturnType<typeof setTimeout>;
  private previewFrame = 0;
  /** The scenario (without its run count) of the latest preview. */
  private previewKey = '';
  private runCounter = 0;
  /** The scenario (JSON) of the finished full run on screen. */
  resultsKey = '';

  /** `fullRunDone` is told when a full run's results are on screen (saved scenarios may wait for them). */
  constructor(
    private readonly host: AppHost,
    private readonly address: Address,
    private readonly fullRunDone: () => void,
  ) {}

  private get store() {
    return this.host.store;
  }

  /** Start the workers on the loaded data; runs start from here on. */
  connect(municipalities: Municipality[], capabilities: Capability[]): void {
    this.client = new PoolRunner(workerEndpoints(this.host.workerFactory), undefined, this.host.workerTimeoutMs);
    this.client.setData(municipalities, capabilities);
  }

  dispose(): void {
    this.client?.dispose();
  }

  /** Every run of the finished run, as a table (for the audit export). */
  runTable() {
    return this.client?.runTable();
  }

  /** Apply an edit to the scenario and schedule a new run. */
  edit(recipe: Recipe): void {
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
  preview(recipe: Recipe): void {
    this.client?.cancel();
    clearTimeout(this.timer);
    this.store.update(recipe);
    if (this.previewFrame) return;
    this.previewFrame = requestAnimationFrame(() => {
      this.previewFrame = 0;
      this.start(PREVIEW_RUNS);
    });
  }

  /** Double the runs of a finished run, continuing its sequence rather than starting over. */
  runMore(): void {
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
    this.address.settleLink(next);
    this.client.runMore(next, done, {
      progress: (n, results) => this.store.update(actions.runProgressed(id, n, results)),
      finished: (results) => this.finished(id, results),
      failed: (message) => this.store.update(actions.runFailed(id, message)),
    });
  }

  /**
   * Validate the current scenario and run it (only its first `previewRuns` runs for a preview); an
   * invalid one keeps the last results and lists its problems.
   */
  start(previewRuns = 0): void {
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
      this.address.settleLink(scenario);
      this.continueRun(scenario.runs);
      return;
    }
    this.previewKey = preview ? key : '';
    const id = ++this.runCounter;
    this.store.update(actions.runStarted(id, runs, preview));
    // the address always reproduces what is on screen (a preview is settled by the drag's end)
    if (!preview && (location.hash.includes('s=') || id > 1)) this.address.settleLink(scenario);
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
      this.fullRunDone();
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
}
