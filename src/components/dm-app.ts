import { ContextProvider } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { CoalitionCommands } from '../app/coalition.js';
import { downloadText, Files } from '../app/files.js';
import type { AppHost } from '../app/host.js';
import { listenToIntents } from '../app/intents.js';
import { Address } from '../app/location.js';
import { Overrides } from '../app/overrides.js';
import { RunController } from '../app/run-controller.js';
import { SavedCommands } from '../app/saved.js';
import { loadData } from '../app/startup.js';
import { WorkAutosave } from '../controllers/work-autosave.js';
import type { AssumptionId } from '../engine/index.js';
import { t } from '../i18n.js';
import { appWorkers } from '../platform.js';
import type { WorkerFactory } from '../runner/comlink.js';
import { DEFAULT_SCENARIO, SCENARIOS } from '../scenarios.js';
import * as actions from '../state/actions.js';
import { type AppState, initialState } from '../state/app-state.js';
import { storeContext } from '../state/context.js';
import { SavedScenarios } from '../state/saved-scenarios.js';
import { scenarioName } from '../state/scenario-name.js';
import { Store } from '../state/store.js';
import { WorkingScenarioStore } from '../state/working-scenario.js';
import './dm-header.js';
import './dm-results.js';
import './dm-presenter.js';
import './dm-saved-panel.js';
import './dm-summary.js';
import './dm-scenario-panel.js';

/**
 * The app shell: provides the store, loads the data, renders the shell, and hands every user intent to the
 * mediator in `src/app/` (runs, address, files, saved scenarios, data overrides).
 */
export class DmApp extends LitElement implements AppHost {
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
  private readonly address = new Address(this.store);
  private readonly runs: RunController = new RunController(this, this.address, () => this.saved.fillAwaiting());
  private readonly saved = new SavedCommands(this, this.runs);
  private readonly coalition = new CoalitionCommands(this, (recipe) => this.runs.edit(recipe));
  readonly work = new WorkAutosave(this, {
    store: this.store,
    enabled: () => this.autosave,
    work: () => this.workStore,
    saved: () => this.savedScenarios,
    open: (scenario) => this.runs.edit(actions.loadScenario(scenario)),
    savedChanged: () => this.saved.loadSaved(),
    offerFile: (name, text, type) => this.saveFile(name, text, type),
  });

  constructor() {
    super();
    this.dataBase = 'data/';
    this.autosave = false;
    new ContextProvider(this, { context: storeContext, initialValue: this.store });
    this.store.subscribe(() => this.requestUpdate());
    const { address, runs, saved } = this;
    const overrides = new Overrides(this.store, (recipe) => runs.edit(recipe));
    const coalition = this.coalition;
    listenToIntents(this, { host: this, runs, address, files: new Files(this, runs), saved, overrides, coalition });
    window.addEventListener('hashchange', () => this.work.linkOpened(() => void address.openLink(() => runs.start())));
  }

  connectedCallback(): void {
    super.connectedCallback();
    void loadData(this, this.work, this.runs, this.address);
    void this.saved.loadSaved();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runs.dispose();
    this.coalition.dispose();
    this.saved.dispose();
  }

  /** Offer text as a file download. Tests read the last one from `lastDownload`. */
  lastDownload: { name: string; text: string } | null = null;
  saveFile(name: string, text: string, type: string): void {
    this.lastDownload = { name, text };
    downloadText(name, text, type);
  }

  /** Show an input's editor in the scenario panel, once the workspace is rendered. */
  focusAssumption(id: AssumptionId): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('dm-scenario-panel')?.focusAssumption(id));
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
          ? html`<a class="skip" href="#results" data-skip @click=${(e: Event) => this.skipToResults(e)}>${t('skipToTheResults', lang)}</a>`
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
            <aside aria-label=${t('scenario', lang)}><dm-saved-panel></dm-saved-panel><dm-scenario-panel></dm-scenario-panel></aside>
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
      <footer><a href="./tillganglighet.html">${t('accessibilityStatementSwedish', lang)}</a></footer>
    `;
  }
}

customElements.define('dm-app', DmApp);
declare global {
  interface HTMLElementTagNameMap {
    'dm-app': DmApp;
  }
}
