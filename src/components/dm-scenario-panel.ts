import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import {
  ASSUMPTIONS,
  type Assumption,
  type AssumptionDef,
  type AssumptionId,
  type Capability,
  type Issue,
  type Municipality,
  type PathId,
  type Scenario,
} from '../engine/index.js';
import { emit } from '../events.js';
import { FORM_LABEL, formatAssumptionValue, formatNumber, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { SCENARIOS } from '../scenarios.js';
import { parts, type Region } from '../state/app-state.js';
import { describeIssue, describeMessage } from '../state/issue-text.js';

type SharedPath = Exclude<PathId, 'status-quo'>;
const SHARED_PATHS: SharedPath[] = ['samverkan', 'omfordelning', 'sammanlaggning', 'asymmetrisk'];
const RUN_CHOICES = [1000, 2000, 5000, 10000, 20000];

const PATH_HELP: Record<SharedPath, { sv: string; en: string }> = {
  samverkan: {
    sv: 'Kommunerna driver de valda förmågorna i en gemensam organisation.',
    en: 'The municipalities run the chosen capabilities in a joint organisation.',
  },
  omfordelning: {
    sv: 'Infrastruktur, säkerhetsdrift och e-arkiv flyttas till en regional eller nationell aktör.',
    en: 'Infrastructure, security operations and e-archive move to a regional or national body.',
  },
  sammanlaggning: {
    sv: 'Kommunerna blir en kommun; systemen konsolideras under några år.',
    en: 'The municipalities become one; systems are consolidated over some years.',
  },
  asymmetrisk: {
    sv: 'En värdkommun levererar de valda förmågorna till de andra mot självkostnad (ett påslag bara om ni anger det).',
    en: 'A host municipality provides the chosen capabilities to the others at cost (a markup only if you set one).',
  },
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
      ${this.assumptions(lang, scenario, s.issues)}
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
      <h2 id="members-h">${t('members', lang)} (${members.length}, ${formatNumber(population, lang)} ${lang === 'sv' ? 'invånare' : 'inhabitants'})</h2>
      <label for="preset">${t('presets', lang)}</label>
      <select id="preset" @change=${preset}>
        <option value="">${lang === 'sv' ? 'Välj scenario eller region …' : 'Choose a scenario or region …'}</option>
        <optgroup label=${lang === 'sv' ? 'Scenarier' : 'Scenarios'}>
          ${SCENARIOS.map((sc) => html`<option value="scenario:${sc.id}">${pick(sc.name, lang)}</option>`)}
        </optgroup>
        <optgroup label=${lang === 'sv' ? 'Regioner och samarbeten' : 'Regions and collaborations'}>
          ${regions.filter((r) => r.kind !== 'lan').map((r) => html`<option value="region:${r.id}">${pick(r.name, lang)} (${r.members.length})</option>`)}
        </optgroup>
        <optgroup label=${lang === 'sv' ? 'Län' : 'Counties'}>
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
        placeholder=${lang === 'sv' ? 'Skriv ett kommunnamn' : 'Type a municipality name'} />
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
      <p class="help">${pick(PATH_HELP[path], lang)}</p>
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
                  lang === 'sv'
                    ? 'Antalet invånare måste vara från 1 till 20 000 000.'
                    : 'The number of inhabitants must be from 1 to 20,000,000.',
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
    const sv = lang === 'sv';
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
    return html`<label for="exit-${path}">${sv ? 'Utträde ur samarbetet' : 'Leaving the arrangement'}</label>
      <select id="exit-${path}" @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
        <option value="none" ?selected=${mode === 'none'}>${sv ? 'Ingen lämnar' : 'Nobody leaves'}</option>
        <option value="risk" ?selected=${mode === 'risk'}>${sv ? 'Årlig risk att någon lämnar' : 'Yearly risk that someone leaves'}</option>
        ${scenario.members
          .filter((c) => !(path === 'asymmetrisk' && c === scenario.paths.asymmetrisk.host))
          .map(
            (c) =>
              html`<option value=${c} ?selected=${mode === c}>${byCode.get(c)?.name ?? c} ${sv ? 'lämnar' : 'leaves'}</option>`,
          )}
      </select>
      ${
        exit && 'probability' in exit
          ? html`<label for="exit-p-${path}">${sv ? 'Sannolikhet per år (%)' : 'Probability per year (%)'}</label>
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
          ? html`<label for="exit-y-${path}">${sv ? 'År' : 'Year'}</label>
              <input id="exit-y-${path}" type="number" min=${scenario.startYear + 1} max=${lastYear} .value=${String(exit.year)}
                @change=${(e: Event) => {
                  const n = Number((e.target as HTMLInputElement).value);
                  if (Number.isInteger(n)) emit(this, 'dm-path-setting', { path, exit: { ...exit, year: n } });
                }} />`
          : ''
      }
      ${
        exit
          ? html`<p class="help">${
              sv
                ? `De kvarvarande bär den utträdandes tidigare betalning som strandad kostnad, avtagande under ${exit.strandedYears} år (Itsam förlorade 6,8 mnkr 2024 när Kinda lämnade).`
                : `The others carry the leaver's former payment as stranded cost, falling over ${exit.strandedYears} years (Itsam lost SEK 6.8 m in 2024 when Kinda left).`
            }</p>`
          : ''
      }`;
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

  private assumptions(lang: Lang, scenario: Scenario, issues: readonly Issue[]) {
    return html`<section aria-labelledby="assumptions-h">
      <h2 id="assumptions-h">${t('assumptions', lang)}</h2>
      <p class="help">${
        lang === 'sv'
          ? 'Varje osäker storhet har ett lägsta, troligaste och högsta värde med källa eller antagande.'
          : 'Each uncertain input has a low, most likely and high value with a source or an assumption.'
      }</p>
      ${ASSUMPTIONS.map((def) => this.assumption(def, scenario.assumptions?.[def.id], lang, issues))}
    </section>`;
  }

  private assumption(def: AssumptionDef, override: Assumption | undefined, lang: Lang, issues: readonly Issue[]) {
    const a = override ?? def.default;
    const id = `a-${def.id}`;
    // a rejected value is explained here, beside the field the user is looking at
    const own = issues.filter((i) => {
      const path = i.path.replace(/^scenario\./, '');
      return path === `assumptions.${def.id}` || path.startsWith(`assumptions.${def.id}.`);
    });
    const changed = (key: 'low' | 'mode' | 'high' | 'value', raw: string): Assumption | null => {
      const value = Number(raw.replace(',', '.').replace(/\s/g, ''));
      if (!Number.isFinite(value)) return null;
      return {
        ...a,
        [key]: value,
        source: override ? a.source : `antagande: ändrat i arbetsytan (förval: ${def.default.source})`,
      } as Assumption;
    };
    const update = (key: 'low' | 'mode' | 'high' | 'value', raw: string) => {
      const next = changed(key, raw);
      if (next) emit(this, 'dm-assumption-change', { id: def.id, assumption: next });
    };
    // dragging the most likely value previews a few hundred runs; letting go runs them all
    // the latest run's thresholds of this input: where each path breaks even in the median (§13)
    const thresholds = (this.thresholds.value?.thresholds ?? []).filter((x) => x.input === def.id && x.value !== null);
    const slider = (low: number, mode: number, high: number) =>
      html`<div class="slide"><label for="${id}-slide">${lang === 'sv' ? 'Dra det troligaste värdet' : 'Drag the most likely value'}</label>
        <div class="track">
        <input id="${id}-slide" type="range" min=${low} max=${high} step=${(high - low) / 100} .value=${String(mode)}
          @input=${(e: Event) => {
            const next = changed('mode', (e.target as HTMLInputElement).value);
            if (next) emit(this, 'dm-assumption-preview', { id: def.id, assumption: next });
          }}
          @change=${(e: Event) => update('mode', (e.target as HTMLInputElement).value)} />
        ${thresholds
          .filter((x) => (x.value as number) >= low && (x.value as number) <= high && high > low)
          .map(
            (x) =>
              html`<span class="mark" aria-hidden="true" title=${pick(PATH_LABEL[x.path], lang)}
                style="left: calc(${(100 * ((x.value as number) - low)) / (high - low)}% - 1px)"></span>`,
          )}
        </div></div>`;
    const thresholdNote =
      thresholds.length > 0
        ? html`<p class="threshold-note" data-threshold-note=${def.id}>${lang === 'sv' ? 'Brytpunkt (median)' : 'Break-even (median)'}: ${thresholds
            .map(
              (x) =>
                `${pick(PATH_LABEL[x.path], lang)} ${x.cheaperWhen === 'above' ? '≥' : '≤'} ${formatAssumptionValue(def, x.value as number, lang)}`,
            )
            .join('; ')}</p>`
        : '';
    const field = (key: 'low' | 'mode' | 'high' | 'value', label: string, value: number) =>
      html`<div><label for="${id}-${key}">${label}</label>
        <input id="${id}-${key}" type="number" step="any" .value=${String(value)} @change=${(e: Event) => update(key, (e.target as HTMLInputElement).value)} /></div>`;
    return html`<div class="assumption" data-assumption=${def.id}>
      <div class="name" id=${id}>${pick(def.label, lang)} <span class="help">(${pick(def.unit, lang)})</span></div>
      ${
        a.dist === 'pert' || a.dist === 'triangular'
          ? html`<div class="triple" role="group" aria-labelledby=${id}>
            ${field('low', t('low', lang), a.low)}${field('mode', t('likely', lang), a.mode)}${field('high', t('high', lang), a.high)}</div>
            ${slider(a.low, a.mode, a.high)}`
          : a.dist === 'fixed'
            ? html`<div class="triple" role="group" aria-labelledby=${id}>${field('value', lang === 'sv' ? 'Värde' : 'Value', a.value)}</div>`
            : html`<div class="help">${describeDistribution(a, def, lang)}</div>`
      }
      ${
        own.length > 0
          ? html`<p class="field-issue" role="alert" data-field-issue=${def.id}>${own.map((i) => issueText(i, lang)).join(' ')}</p>`
          : ''
      }
      ${thresholdNote}
      <p class="source">${t('source', lang)}: ${a.source}</p>
      ${
        override
          ? html`<span class="changed">${lang === 'sv' ? 'Ändrat' : 'Changed'}</span>
            <button class="small" type="button" @click=${() => emit(this, 'dm-assumption-change', { id: def.id, assumption: null })}>${t('reset', lang)}</button>`
          : ''
      }
    </div>`;
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
                lang === 'sv'
                  ? 'År framåt måste vara ett heltal från 1 till 30.'
                  : 'Years ahead must be a whole number from 1 to 30.',
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
                lang === 'sv'
                  ? 'Fröet måste vara ett heltal från 0 till 4 294 967 295.'
                  : 'The seed must be a whole number from 0 to 4,294,967,295.',
                (n) => emit(this, 'dm-run-settings-change', { seed: n }),
              )} />${this.fieldError('seed')}</div>
      </div>
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

/** A distribution without low / most likely / high fields (normal, lognormal, uniform) in words. */
function describeDistribution(a: Assumption, def: AssumptionDef, lang: Lang): string {
  const sv = lang === 'sv';
  const v = (x: number) => formatAssumptionValue(def, x, lang);
  if (a.dist === 'normal')
    return sv
      ? `Normalfördelning: medel ${v(a.mean)}, standardavvikelse ${v(a.sd)}`
      : `Normal: mean ${v(a.mean)}, standard deviation ${v(a.sd)}`;
  if (a.dist === 'lognormal')
    return sv
      ? `Lognormalfördelning: median ${v(a.median)}, σ ${formatNumber(a.sigma, lang, 2)}`
      : `Lognormal: median ${v(a.median)}, σ ${formatNumber(a.sigma, lang, 2)}`;
  if (a.dist === 'uniform')
    return sv ? `Likformig fördelning: ${v(a.low)} till ${v(a.high)}` : `Uniform: ${v(a.low)} to ${v(a.high)}`;
  return '';
}

/**
 * One validation problem in words for the field it belongs to. The engine's messages are in English;
 * the common ones are said in Swedish here (a fuller translation of every message is issue #16's item 7).
 */
function issueText(issue: Issue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  const range = /^must lie from (\S+) to (\S+)$/.exec(issue.message);
  if (range) {
    const n = (x: number) => formatNumber(x, lang, Number.isInteger(x) ? 0 : 2);
    return `Värdet måste ligga mellan ${n(Number(range[1]))} och ${n(Number(range[2]))}.`;
  }
  if (issue.message.startsWith('needs low ≤ mode ≤ high'))
    return 'Lägsta måste vara högst troligaste, och troligaste högst högsta (och lägsta mindre än högsta).';
  return `${describeMessage(issue, lang)}.`;
}
