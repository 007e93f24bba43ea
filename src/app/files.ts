/**
 * Files the app offers and takes: the results' exports (CSV for Swedish Excel, the CLI's JSON, every run
 * for audit), the scenario file (download and upload), the import templates, and saving a file in the browser.
 */
import { loadModel, parseScenario } from '../engine/index.js';
import { municipalityTable, resultsTable, toCsv } from '../export/csv.js';
import { t } from '../i18n.js';
import { capabilitiesJsonTemplate, capabilitiesTemplate } from '../import/capabilities.js';
import { profilesJsonTemplate, profilesTemplate } from '../import/profiles.js';
import { SCENARIOS } from '../scenarios.js';
import * as actions from '../state/actions.js';
import { analysedResults } from '../state/app-state.js';
import { describeIssue } from '../state/issue-text.js';
import { fileSlug, scenarioName } from '../state/scenario-name.js';
import { withinWorkLimit } from '../state/work-limit.js';
import type { AppHost } from './host.js';
import { currentCapabilities, currentProfiles } from './overrides.js';
import type { RunController } from './run-controller.js';

/** Largest scenario file accepted. */
const MAX_FILE_BYTES = 1_000_000;

/** What can be exported from a finished run. */
export type ExportKind = 'results-csv' | 'municipalities-csv' | 'results-json' | 'runs-csv';

/** Offer text as a file download (through a temporary object URL). */
export function downloadText(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The file intents: exports, the scenario file and the import templates. */
export class Files {
  constructor(
    private readonly host: AppHost,
    private readonly runs: RunController,
  ) {}

  private get store() {
    return this.host.store;
  }

  /** Download the current results: CSV for Swedish Excel, the CLI's JSON, or every run for audit. */
  async exportFile(what: ExportKind): Promise<void> {
    const { run, lang, scenario } = this.store.state;
    if (!run.results) return;
    const save = (name: string, text: string, type: string) => this.host.saveFile(name, text, type);
    const name = `${fileSlug(scenarioName(scenario, SCENARIOS, lang))}-${scenario.seed}`;
    if (what === 'results-csv') save(`${name}-resultat.csv`, toCsv(resultsTable(run.results, lang), lang), 'text/csv');
    else if (what === 'municipalities-csv')
      save(`${name}-per-kommun.csv`, toCsv(municipalityTable(run.results, lang), lang), 'text/csv');
    else if (what === 'results-json')
      save(`${name}-resultat.json`, `${JSON.stringify(analysedResults(run))}\n`, 'application/json');
    else {
      const table = await this.runs.runTable();
      if (table) save(`${name}-korningar.csv`, toCsv([table.columns, ...table.rows], lang), 'text/csv');
    }
  }

  /** Download an import template of the data in use (municipality profiles or capabilities). */
  template(format: 'csv' | 'json', what: 'municipalities' | 'capabilities' | undefined): void {
    const state = this.store.state;
    const lang = state.lang;
    if (what === 'capabilities') {
      const capabilities = currentCapabilities(state);
      if (format === 'csv')
        this.host.saveFile('formagor-mall.csv', capabilitiesTemplate(capabilities, lang), 'text/csv');
      else this.host.saveFile('formagor-mall.json', capabilitiesJsonTemplate(capabilities, lang), 'application/json');
      return;
    }
    const profiles = currentProfiles(state);
    if (format === 'csv') this.host.saveFile('kommuner-mall.csv', profilesTemplate(profiles, lang), 'text/csv');
    else this.host.saveFile('kommuner-mall.json', profilesJsonTemplate(profiles, lang), 'application/json');
  }

  /** Download the scenario on screen as a file. */
  download(): void {
    const { scenario } = this.store.state;
    this.host.saveFile(
      `${fileSlug(scenarioName(scenario, SCENARIOS, this.store.state.lang))}.json`,
      `${JSON.stringify(scenario, null, 2)}\n`,
      'application/json',
    );
  }

  /** Open a scenario file; one that cannot be opened leaves the scenario in place and says why. */
  async upload(file: File): Promise<void> {
    const { data, lang } = this.store.state;
    const refuse = (why: string) =>
      this.store.update(actions.noticeShown({ kind: 'error', text: `${t('fileFailed', lang)}: ${why}` }));
    if (data.status !== 'ready') return;
    if (file.size > MAX_FILE_BYTES) return refuse(`${file.name} > ${MAX_FILE_BYTES / 1e6} MB`);
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      return refuse(t('isNotValidJson', lang, file.name));
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
      this.runs.edit(actions.loadScenario(bounded.scenario));
      if (bounded.message) this.store.update(actions.noticeShown({ kind: 'info', text: bounded.message }));
    }
  }
}
