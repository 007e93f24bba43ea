import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import type { AssumptionId, Capability, Municipality, PathId, Scenario } from '../engine/index.js';
import { emit } from '../events.js';
import { FORM_LABEL, formatNumber, type Lang, PATH_LABEL, pick, type StringKey, t } from '../i18n.js';
import { SCENARIOS } from '../scenarios.js';
import { parts, type Region } from '../state/app-state.js';
import { describeIssue } from '../state/issue-text.js';
import { assumptionsSection } from './assumption-editor.js';

type SharedPath = Exclude<PathId, 'status-quo'>;
const SHARED_PATHS: SharedPath[] = ['samverkan', 'omfordelning', 'sammanlaggning', 'asymmetrisk'];
const RUN_CHOICES = [1000, 2000, 5000, 10000, 20000];

const PATH_HELP: Record<SharedPath, StringKey> = {
  samverkan: 'helpSamverkan',
  omfordelning: 'helpOmfordelning',
  sammanlaggning: 'helpSammanlaggning',
  asymmetrisk: 'helpAsymmetrisk',
};

/** The side panel: members, paths with their settings, assumptions and run settings. A container. */
export class DmScenarioPanel extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.9rem; }
    section { border-bottom: 1px solid #ddd; padding: 0.75rem 0; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    label { display: block; margin: 0.35rem 0 0.15rem; }
    select, input { font: inherit; max-width: 100%; box-sizing: border-box; }
    select:focus-visible, input:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .chips { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.4rem 0; padding: 0; list-style: none; }
    .chips li { display: inline-flex; align-items: center; gap: 0.2rem; background: #e8eef5; border-radius: 1rem; padding: 0.1rem 0.2rem 0.1rem 0.6rem; }
    .chips button { border: none; background: none; cursor: pointer; font-size: 1rem; line-height: 1; padding: 0.1rem 0.35rem; border-radius: 1rem; }
    .chips button:hover { background: #c9d6e6; }
    fieldset { border: 1px solid #ccc; border-left: 5px solid var(--c, #999); border-radius: 6px; margin: 0 0 0.6rem; padding: 0.4rem 0.7rem 0.6rem; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    legend label { display: inline; margin: 0; }
    .help { color: #444; font-size: 0.82rem; margin: 0.2rem 0; }
    details { margin: 0.3rem 0; }
    .caps { max-height: 14rem; overflow: auto; border: 1px solid #ddd; padding: 0.3rem; }
    .caps label { display: flex; gap: 0.3rem; margin: 0.1rem 0; font-size: 0.82rem; }
    .assumption { border-bottom: 1px dotted #ccc; padding: 0.4rem 0; }
    .assumption .name { font-weight: 600; }
    .triple { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.3rem; }
    .triple label { font-size: 0.75rem; color: #444; margin: 0; }
    .triple input { width: 100%; }
    .slide { margin-top: 0.3rem; font-size: 0.8rem; }
    .slide input { display: block; width: 100%; margin: 0.1rem 0 0; accent-color: #12355b; }
    .slide .track { position: relative; }
    .slide .mark { position: absolute; top: -0.15rem; bottom: -0.15rem; width: 2px; background: #b3261e; pointer-events: none; }
    .threshold-note { margin: 0.25rem 0 0; font-size: 0.8rem; color: #5c1a14; }
    .source { font-size: 0.75rem; color: #555; margin: 0.2rem 0 0; }
    .changed { color: #8a4b00; font-size: 0.75rem; }
    input, select { max-width: 100%; box-sizing: border-box; }
    .field-issue { margin: 0.3rem 0; padding: 0.3rem 0.5rem; background: #fff4f4; border-left: 3px solid #b00020; color: #7a0016; }
    .issues { background: #fff4f4; border: 1px solid #b00020; border-radius: 6px; padding: 0.5rem 0.7rem; color: #7a0016; }
    button.small { font: inherit; font-size: 0.75rem; padding: 0.05rem 0.4rem; }
    .row { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.4rem; }
    label.check { display: flex; gap: 0.4rem; align-items: center; margin: 0.4rem 0; font-size: 0.9rem; }
    /* a message about a run setting spans the row instead of squeezing into one narrow column */
    .row > div:has(.field-issue) { grid-column: 1 / -1; }
    .files { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.7rem; align-items: center; }
    .files button, .file { font: inherit; font-size: 0.85rem; border: 1px solid #888; border-radius: 4px; padding: 0.2rem 0.6rem; background: #fff; cursor: pointer; margin: 0; }
    .file input { display: block; font-size: 0.75rem; margin-top: 0.2rem; max-width: 12rem; }
  `;

  private readonly view = new StoreController(this, parts('lang', 'scenario', 'data', 'issues'));
  /** The latest run's thresholds, shown beside the inputs they concern ("try your own belief"). */
  private readonly thresholds = new StoreController(this, (s) => s.run.thresholds);

  render() {
    const s = this.view.value;
    if (!s || s.data.status !== 'ready') return html``;
    const { lang, scenario } = s;
    const { municipalities, capabilities, regions } = s.data;
    return html`
      ${
        s.issues.length > 0
          ? html`<div class="issues" role="alert"><strong>${t('invalidScenario', lang)}</strong>
            <ul>${s.issues.map((i) => html`<li>${describeIssue(i, lang, { scenario, municipalities, capabilities })}</li>`)}</ul></div>`
          : ''
      }
      ${this.members(lang, scenario, municipalities, regions)}
      <section aria-labelledby="paths-h"><h2 id="paths-h">${t('paths', lang)}</h2>
        ${SHARED_PATHS.map((p) => this.path(p, lang, scenario, municipalities, capabilities))}
      </section>
      ${assumptionsSection(this, lang, scenario, s.issues, this.thresholds.value?.thresholds ?? [])}
      ${this.runSettings(lang, scenario)}
    `;
  }

  private members(lang: Lang, scenario: Scenario, municipalities: Municipality[], regions: Region[]) {
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    const members = scenario.members;
    const add = (event: Event) => {
      const input = event.target as HTMLInputElement;
      const match = municipalities.find((m) => m.name.toLowerCase() === input.value.trim().toLowerCase());
      if (!match) return;
      input.value = '';
      if (!members.includes(match.code)) emit(this, 'dm-members-change', { codes: [...members, match.code] });
    };
    const preset = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      (event.target as HTMLSelectElement).value = '';
      if (value.startsWith('scenario:')) emit(this, 'dm-scenario-select', { id: value.slice(9) });
      else if (value.startsWith('region:')) {
        const region = regions.find((r) => r.id === value.slice(7));
        if (region) emit(this, 'dm-members-change', { codes: region.members });
      }
    };
    const population = members.reduce((sum, c) => sum + (byCode.get(c)?.population ?? 0), 0);
    return html`<section aria-labelledby="members-h">
      <h2 id="members-h">${t('members', lang)} (${members.length}, ${formatNumber(population, lang)} ${t('inhabitants', lang)})</h2>
      <label for="preset">${t('presets', lang)}</label>
      <select id="preset" @change=${preset}>
        <option value="">${t('chooseAScenarioOr', lang)}</option>
        <optgroup label=${t('scenarios', lang)}>
          ${SCENARIOS.map((sc) => html`<option value="scenario:${sc.id}">${pick(sc.name, lang)}</option>`)}
        </optgroup>
        <optgroup label=${t('regionsAndCollaborations', lang)}>
          ${regions.filter((r) => r.kind !== 'lan').map((r) => html`<option value="region:${r.id}">${pick(r.name, lang)} (${r.members.length})</option>`)}
        </optgroup>
        <optgroup label=${t('counties', lang)}>
          ${regions.filter((r) => r.kind === 'lan').map((r) => html`<option value="region:${r.id}">${pick(r.name, lang)} (${r.members.length})</option>`)}
        </optgroup>
      </select>
      <ul class="chips" aria-label=${t('members', lang)}>
        ${members.map((code, index) => {
          const name = byCode.get(code)?.name ?? code;
          return html`<li>${name}<button type="button" data-remove-member aria-label="${t('remove', lang)} ${name}" ?disabled=${members.length === 1}
            @click=${() => this.removeMember(members, code, index)}>×</button></li>`;
        })}
      </ul>
      <label for="add-member">${t('searchMunicipality', lang)}</label>
      <input id="add-member" list="all-municipalities" autocomplete="off" @change=${add}
        placeholder=${t('typeAMunicipalityName', lang)} />
      <datalist id="all-municipalities">${municipalities.map((m) => html`<option value=${m.name}></option>`)}</datalist>
    </section>`;
  }

  private path(
    path: SharedPath,
    lang: Lang,
    scenario: Scenario,
    municipalities: Municipality[],
    capabilities: Capability[],
  ) {
    const settings = scenario.paths[path];
    const colour = { samverkan: '#0072B2', omfordelning: '#009E73', sammanlaggning: '#D55E00', asymmetrisk: '#B8558F' }[
      path
    ];
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    return html`<fieldset style="--c:${colour}" data-path=${path}>
      <legend><label><input type="checkbox" .checked=${settings.enabled}
        @change=${(e: Event) => emit(this, 'dm-path-toggle', { path, enabled: (e.target as HTMLInputElement).checked })} />
        ${pick(PATH_LABEL[path], lang)}</label></legend>
      <p class="help">${t(PATH_HELP[path], lang)}</p>
      ${
        path === 'samverkan'
          ? html`<label for="form">${t('form', lang)}</label>
            <select id="form" @change=${(e: Event) =>
              emit(this, 'dm-path-setting', {
                path,
                form: (e.target as HTMLSelectElement).value as Scenario['paths']['samverkan']['form'],
              })}>
              ${Object.entries(FORM_LABEL).map(([id, label]) => html`<option value=${id} ?selected=${scenario.paths.samverkan.form === id}>${pick(label, lang)}</option>`)}
            </select>
            ${this.capabilityChoice(path, 'poolable', scenario.paths.samverkan.pooled, capabilities, lang)}
            ${this.exitChoice('samverkan', scenario, byCode, lang)}`
          : ''
      }
      ${
        path === 'asymmetrisk'
          ? html`<label for="host">${t('host', lang)}</label>
            <select id="host" @change=${(e: Event) => emit(this, 'dm-path-setting', { path, host: (e.target as HTMLSelectElement).value })}>
              <option value="largest" ?selected=${scenario.paths.asymmetrisk.host === 'largest'}>${t('largest', lang)}</option>
              ${scenario.members.map((c) => html`<option value=${c} ?selected=${scenario.paths.asymmetrisk.host === c}>${byCode.get(c)?.name ?? c}</option>`)}
            </select>
            ${this.capabilityChoice(path, 'poolable', scenario.paths.asymmetrisk.provided, capabilities, lang)}
            ${this.exitChoice('asymmetrisk', scenario, byCode, lang)}`
          : ''
      }
      ${
        path === 'omfordelning'
          ? html`<label for="body">${t('bodyPopulation', lang)}</label>
            <input id="body" type="number" min="1" step="1000" .value=${String(scenario.paths.omfordelning.bodyPopulation)}
              aria-invalid=${this.fieldErrors.body ? 'true' : 'false'} aria-describedby="body-error"
              @change=${(e: Event) =>
                this.checked(
                  e,
                  'body',
                  (n) => Number.isFinite(n) && n >= 1 && n <= 20_000_000,
                  t('theNumberOfInhabitants', lang),
                  (n) => emit(this, 'dm-path-setting', { path, bodyPopulation: n }),
                )} />
            ${this.fieldError('body')}
            ${this.capabilityChoice(path, 'transferable', scenario.paths.omfordelning.transferred, capabilities, lang)}`
          : ''
      }
    </fieldset>`;
  }

  /** Member exit: none, a yearly risk, or a given member leaving in a given year. */
  private exitChoice(
    path: 'samverkan' | 'asymmetrisk',
    scenario: Scenario,
    byCode: Map<string, Municipality>,
    lang: Lang,
  ) {
    const exit = scenario.paths[path].exit;
    const mode = !exit ? 'none' : 'probability' in exit ? 'risk' : exit.member;
    const lastYear = scenario.startYear + scenario.horizonYears - 1;
    const change = (value: string) => {
      if (value === 'none') emit(this, 'dm-path-setting', { path, exit: undefined });
      else if (value === 'risk') emit(this, 'dm-path-setting', { path, exit: { probability: 0.05, strandedYears: 3 } });
      else
        emit(this, 'dm-path-setting', {
          path,
          exit: { member: value, year: Math.min(lastYear, scenario.startYear + 3), strandedYears: 3 },
        });
    };
    return html`<label for="exit-${path}">${t('leavingTheArrangement', lang)}</label>
      <select id="exit-${path}" @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
        <option value="none" ?selected=${mode === 'none'}>${t('nobodyLeaves', lang)}</option>
        <option value="risk" ?selected=${mode === 'risk'}>${t('yearlyRiskThatSomeone', lang)}</option>
        ${scenario.members
          .filter((c) => !(path === 'asymmetrisk' && c === scenario.paths.asymmetrisk.host))
          .map(
            (c) =>
              html`<option value=${c} ?selected=${mode === c}>${byCode.get(c)?.name ?? c} ${t('leaves', lang)}</option>`,
          )}
      </select>
      ${
        exit && 'probability' in exit
          ? html`<label for="exit-p-${path}">${t('probabilityPerYear', lang)}</label>
              <input id="exit-p-${path}" type="number" min="0" max="100" step="1" .value=${String(Math.round(exit.probability * 100))}
                @change=${(e: Event) => {
                  const n = Number((e.target as HTMLInputElement).value);
                  if (Number.isFinite(n) && n >= 0 && n <= 100)
                    emit(this, 'dm-path-setting', { path, exit: { ...exit, probability: n / 100 } });
                }} />`
          : ''
      }
      ${
        exit && 'member' in exit
          ? html`<label for="exit-y-${path}">${t('year', lang)}</label>
              <input id="exit-y-${path}" type="number" min=${scenario.startYear + 1} max=${lastYear} .value=${String(exit.year)}
                @change=${(e: Event) => {
                  const n = Number((e.target as HTMLInputElement).value);
                  if (Number.isInteger(n)) emit(this, 'dm-path-setting', { path, exit: { ...exit, year: n } });
                }} />`
          : ''
      }
      ${exit ? html`<p class="help">${t('theOthersCarryThe', lang, exit.strandedYears)}</p>` : ''}`;
  }

  private capabilityChoice(
    path: 'samverkan' | 'asymmetrisk' | 'omfordelning',
    flag: 'poolable' | 'transferable',
    selection: 'poolable' | 'transferable' | 'none' | string[],
    capabilities: Capability[],
    lang: Lang,
  ) {
    const eligible = capabilities.filter((c) => c[flag]);
    const chosen = new Set(
      typeof selection === 'string' ? (selection === 'none' ? [] : eligible.map((c) => c.id)) : selection,
    );
    const toggle = (id: string, on: boolean) => {
      const next = eligible.map((c) => c.id).filter((x) => (x === id ? on : chosen.has(x)));
      emit(this, 'dm-path-setting', {
        path,
        selection: next.length === eligible.length ? flag : next.length === 0 ? 'none' : next,
      });
    };
    return html`<details>
      <summary>${t('shared', lang)}: ${chosen.size} / ${eligible.length}</summary>
      <div class="caps">${eligible.map(
        (c) => html`<label><input type="checkbox" .checked=${chosen.has(c.id)}
          @change=${(e: Event) => toggle(c.id, (e.target as HTMLInputElement).checked)} />${pick(c.name, lang)}</label>`,
      )}</div>
    </details>`;
  }

  /** Messages for entries that were not applied, by field, shown beside the field until it is corrected. */
  private fieldErrors: Record<string, string> = {};

  /**
   * Apply a number typed in a field when it is valid; otherwise keep the scenario as it is and say why
   * beside the field (the field keeps what was typed, so the user can correct it).
   */
  private checked(
    event: Event,
    field: string,
    valid: (n: number) => boolean,
    message: string,
    apply: (n: number) => void,
  ) {
    const raw = (event.target as HTMLInputElement).value.replace(',', '.').replace(/\s/g, '');
    const n = raw === '' ? Number.NaN : Number(raw);
    if (valid(n)) {
      delete this.fieldErrors[field];
      apply(n);
    } else this.fieldErrors[field] = message;
    this.requestUpdate();
  }

  private fieldError(field: string) {
    const message = this.fieldErrors[field];
    return message
      ? html`<p class="field-issue" role="alert" id="${field}-error" data-field-issue=${field}>${message}</p>`
      : '';
  }

  /**
   * Remove a member and keep the keyboard where the user was: on the next member's remove button (the
   * previous one for the last), or on the search field when none is left to remove.
   */
  private removeMember(members: string[], code: string, index: number): void {
    emit(this, 'dm-members-change', { codes: members.filter((c) => c !== code) });
    void this.updateComplete.then(() => {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-remove-member]:not([disabled])')];
      const next =
        buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#add-member');
      next?.focus();
    });
  }

  /** Scroll to an input's editor and focus its first field ("Pröva egen bedömning" in the Beslut tab). */
  async focusAssumption(id: AssumptionId): Promise<void> {
    await this.updateComplete;
    const block = this.renderRoot.querySelector<HTMLElement>(`[data-assumption="${id}"]`);
    if (!block) return;
    block.scrollIntoView({ block: 'center' });
    block.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }

  private runSettings(lang: Lang, scenario: Scenario) {
    return html`<section aria-labelledby="run-h">
      <h2 id="run-h">${t('settings', lang)}</h2>
      <div class="row">
        <div><label for="runs">${t('runs', lang)}</label>
          <select id="runs" @change=${(e: Event) => emit(this, 'dm-run-settings-change', { runs: Number((e.target as HTMLSelectElement).value) })}>
            ${[...new Set([...RUN_CHOICES, scenario.runs])].sort((a, b) => a - b).map((n) => html`<option value=${n} ?selected=${n === scenario.runs}>${formatNumber(n, lang)}</option>`)}
          </select></div>
        <div><label for="horizon">${t('horizon', lang)}</label>
          <input id="horizon" type="number" min="1" max="30" .value=${String(scenario.horizonYears)}
            aria-invalid=${this.fieldErrors.horizon ? 'true' : 'false'} aria-describedby="horizon-error"
            @change=${(e: Event) =>
              this.checked(
                e,
                'horizon',
                (n) => Number.isInteger(n) && n >= 1 && n <= 30,
                t('yearsAheadMustBe', lang),
                (n) => emit(this, 'dm-run-settings-change', { horizonYears: n }),
              )} />${this.fieldError('horizon')}</div>
        <div><label for="seed">${t('seed', lang)}</label>
          <input id="seed" type="number" min="0" .value=${String(scenario.seed)}
            aria-invalid=${this.fieldErrors.seed ? 'true' : 'false'} aria-describedby="seed-error"
            @change=${(e: Event) =>
              this.checked(
                e,
                'seed',
                (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295,
                t('theSeedMustBe', lang),
                (n) => emit(this, 'dm-run-settings-change', { seed: n }),
              )} />${this.fieldError('seed')}</div>
      </div>
      <label class="check" data-stop-when-stable><input type="checkbox" .checked=${scenario.stopWhenStable === true}
        @change=${(e: Event) => emit(this, 'dm-run-settings-change', { stopWhenStable: (e.target as HTMLInputElement).checked })} />
        ${t('stopWhenStable', lang, formatNumber(scenario.runs, lang))}</label>
      <label class="check" data-sampling><input type="checkbox" .checked=${scenario.sampling === 'rqmc'}
        @change=${(e: Event) => emit(this, 'dm-run-settings-change', { sampling: (e.target as HTMLInputElement).checked ? 'rqmc' : 'mc' })} />
        ${t('samplingRqmc', lang)}</label>
      <div class="files">
        <button type="button" @click=${() => emit(this, 'dm-scenario-download', {})}>${t('download', lang)}</button>
        <label class="file">${t('upload', lang)}
          <input type="file" accept=".json,application/json" @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) emit(this, 'dm-scenario-upload', { file });
          }} /></label>
      </div>
    </section>`;
  }
}

customElements.define('dm-scenario-panel', DmScenarioPanel);
declare global {
  interface HTMLElementTagNameMap {
    'dm-scenario-panel': DmScenarioPanel;
  }
}
