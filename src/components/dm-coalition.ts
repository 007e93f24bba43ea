import { css, html, LitElement } from 'lit';
import { coalitionNames } from '../app/coalition.js';
import { coalitionMap, GROUP_COLOURS } from '../charts/coalition-map.js';
import type { NeighbourRule } from '../coalition/constraints.js';
import type { GroupForm } from '../coalition/game.js';
import type { FinderResult, Grouping } from '../coalition/search.js';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { formatMsek, formatNumber, formatPercent, type Lang, listOf, type StringKey, t } from '../i18n.js';
import { type AppState, parts } from '../state/app-state.js';
import { coalitionStale, type MemberRole } from '../state/coalition.js';
import {
  type CoalitionNames,
  groupingWords,
  groupLine,
  leadNote,
  methodNote,
  noGainNote,
} from '../summary/coalition.js';
import './dm-coalition-keys.js';
import './dm-coalition-map.js';

const FORMS: [GroupForm, StringKey][] = [
  ['samverkan', 'coalitionFormSamverkan'],
  ['asymmetrisk', 'coalitionFormAsymmetrisk'],
];
const RULES: [NeighbourRule, StringKey][] = [
  ['any', 'coalitionNeighboursAny'],
  ['county', 'coalitionNeighboursCounty'],
  ['adjacent', 'coalitionNeighboursAdjacent'],
];
const ROLES: [MemberRole, StringKey][] = [
  ['may', 'coalitionRoleMay'],
  ['must', 'coalitionRoleMust'],
  ['out', 'coalitionRoleOut'],
];

/**
 * The "Vem med vem?" tab: the finder's settings, its progress and cancel, the ranked groupings each on a
 * map, and the chosen group's cost-sharing keys. A container: it reads the store and emits intents.
 */
export class DmCoalition extends LitElement {
  static styles = css`
    :host { display: block; }
    h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
    /* headings take focus only to carry the keyboard to new content */
    h3:focus { outline: none; }
    h4 { font-size: 1rem; margin: 0 0 0.3rem; }
    .note { font-size: 0.9rem; color: #333; max-width: 75ch; }
    form { display: grid; gap: 0.8rem; max-width: 48rem; }
    fieldset { border: 1px solid #ccc; border-radius: 6px; padding: 0.4rem 0.8rem 0.6rem; margin: 0; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; align-items: center; }
    label { cursor: pointer; }
    select, input, button { font: inherit; }
    .roles { display: grid; grid-template-columns: repeat(auto-fill, 8rem 9.5rem); gap: 0.25rem 0.6rem; align-items: center; margin-bottom: 0.5rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; }
    button { border: 1px solid #12355b; color: #12355b; background: #fff; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.primary { background: #12355b; color: #fff; }
    button:disabled { opacity: 0.55; cursor: default; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .status { font-size: 0.95rem; }
    .stale { padding: 0.5rem 0.8rem; border: 2px solid #b35806; background: #fff3e0; border-radius: 6px; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    .stale p { margin: 0; }
    .error { color: #7a0016; }
    ol.groupings { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
    ol.groupings > li { border: 1px solid #ccc; border-radius: 6px; background: #fff; padding: 0.7rem 0.9rem; display: grid; grid-template-columns: minmax(0, 1fr) minmax(14rem, 24rem); gap: 0.6rem 1.2rem; align-items: start; }
    ol.groupings > li.chosen { border: 2px solid #12355b; }
    dl { display: grid; grid-template-columns: auto auto; justify-content: start; gap: 0.1rem 0.8rem; margin: 0.2rem 0 0.5rem; font-size: 0.9rem; }
    dt { color: #444; }
    dd { margin: 0; font-weight: 600; }
    ul.groups { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
    ul.groups li { display: grid; gap: 0.3rem; }
    .swatch { display: inline-block; min-width: 1.3em; text-align: center; border-radius: 50%; color: #fff; font-weight: 700; font-size: 0.8rem; line-height: 1.3em; margin-right: 0.3rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .buttons button { font-size: 0.85rem; padding: 0.2rem 0.6rem; }
    .alone { color: #444; font-size: 0.9rem; }
    .legend { font-size: 0.8rem; color: #555; margin: 0.2rem 0 0; }
    section.keys { margin-top: 1.2rem; border-top: 2px solid #12355b; padding-top: 0.4rem; }
    @media (max-width: 700px) {
      ol.groupings > li { grid-template-columns: 1fr; padding: 0.6rem; }
      .roles { grid-template-columns: minmax(0, 1fr) auto; }
    }
    @media print { form, .actions, .buttons, .stale button { display: none; } }
  `;

  private readonly view = new StoreController(this, parts('lang', 'data', 'scenario', 'issues', 'coalition'));
  /** Focus the keys' heading once they appear after "Fördela kostnaderna". */
  private focusKeys = false;
  /** Focus the results' heading once a search started here has answered. */
  private focusResults = false;

  render() {
    const s = this.view.value as AppState | undefined;
    if (s?.data.status !== 'ready') return html``;
    const { lang } = s;
    const names = coalitionNames(s);
    const { finder } = s.coalition;
    return html`
      <p class="note">${t('coalitionIntro', lang)}</p>
      ${this.settings(s, lang)}
      ${this.status(s, lang)}
      ${finder.result ? this.results(s, finder.result, names, lang) : ''}
      ${this.keys(s, names, lang)}
    `;
  }

  private settings(s: AppState, lang: Lang) {
    const { settings, finder } = s.coalition;
    const members = s.scenario.members;
    const names = coalitionNames(s);
    const running = finder.status === 'running' || s.coalition.sharing.status === 'running';
    const geo = s.data.status === 'ready' && !!s.data.geo;
    const max = Math.min(settings.maxGroupSize ?? members.length, members.length);
    const sizes = Array.from({ length: Math.max(0, members.length - 1) }, (_, i) => i + 2);
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      if (running || settings.forms.length === 0 || s.issues.length > 0) return;
      this.focusResults = true;
      emit(this, 'dm-coalition-find', {});
      // the Find button is disabled while searching: the keyboard goes on to Cancel
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-cancel]')?.focus());
    }}>
      <fieldset><legend>${t('coalitionForms', lang)}</legend><div class="row">
        ${FORMS.map(
          ([
            form,
            key,
          ]) => html`<label><input type="checkbox" data-form=${form} .checked=${settings.forms.includes(form)}
            @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              emit(this, 'dm-coalition-settings', {
                forms: FORMS.map(([f]) => f).filter((f) => (f === form ? on : settings.forms.includes(f))),
              });
            }} /> ${t(key, lang)}</label>`,
        )}
        ${settings.forms.length === 0 ? html`<span class="error" role="alert">${t('coalitionNoForm', lang)}</span>` : ''}
      </div></fieldset>
      <fieldset><legend>${t('coalitionNeighbours', lang)}</legend><div class="row">
        ${RULES.map(
          ([
            rule,
            key,
          ]) => html`<label><input type="radio" name="neighbours" data-rule=${rule} .checked=${settings.neighbours === rule}
            ?disabled=${rule === 'adjacent' && !geo}
            @change=${() => emit(this, 'dm-coalition-settings', { neighbours: rule })} /> ${t(key, lang)}</label>`,
        )}
        <label>${t('coalitionMaxSize', lang)}
          <select data-max-size @change=${(e: Event) => {
            const n = Number((e.target as HTMLSelectElement).value);
            emit(this, 'dm-coalition-settings', { maxGroupSize: n >= members.length ? null : n });
          }}>${sizes.map((n) => html`<option value=${n} ?selected=${n === max}>${formatNumber(n, lang)}</option>`)}</select></label>
      </div>
      ${geo ? '' : html`<p class="note" data-no-geo>${t('coalitionNoGeo', lang)}</p>`}
      </fieldset>
      <fieldset><legend>${t('coalitionRoles', lang)}</legend><div class="roles">
        ${members.map((code) => {
          const role = settings.roles[code] ?? 'may';
          return html`<label for="role-${code}">${names.name(code)}</label>
            <select id="role-${code}" data-role=${code} @change=${(e: Event) =>
              emit(this, 'dm-coalition-role', { code, role: (e.target as HTMLSelectElement).value as MemberRole })}>
              ${ROLES.map(([r, key]) => html`<option value=${r} ?selected=${role === r}>${t(key, lang)}</option>`)}
            </select>`;
        })}
      </div>
      <label class="row"><span><input type="checkbox" data-capacity .checked=${!settings.capacityMayFall}
        @change=${(e: Event) => emit(this, 'dm-coalition-settings', { capacityMayFall: !(e.target as HTMLInputElement).checked })} />
        ${t('coalitionCapacity', lang)}</span></label>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" data-find ?disabled=${running || settings.forms.length === 0 || s.issues.length > 0}>${t('coalitionFind', lang)}</button>
        ${running ? html`<button type="button" data-cancel @click=${() => this.cancel()}>${t('cancel', lang)}</button>` : ''}
      </div>
    </form>`;
  }

  private cancel(): void {
    this.focusResults = false;
    emit(this, 'dm-coalition-cancel', {});
    // the Cancel button goes away: keep the keyboard where it was
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-find]')?.focus());
  }

  private status(s: AppState, lang: Lang) {
    const { finder, sharing } = s.coalition;
    const stale = coalitionStale(s.coalition, s.scenario);
    const count = formatNumber(finder.screened, lang);
    return html`<div class="status" role="status" data-coalition-status>
      ${
        finder.status === 'running'
          ? html`<p>${finder.phase === 'refining' ? t('coalitionRefining', lang, count) : t('coalitionScreening', lang, count)}</p>`
          : ''
      }
      ${sharing.status === 'running' ? html`<p>${t('coalitionSharingProgress', lang, formatNumber(sharing.done, lang))}</p>` : ''}
      ${finder.status === 'failed' ? html`<p class="error">${t('coalitionFailed', lang, finder.error ?? '')}</p>` : ''}
      ${sharing.status === 'failed' ? html`<p class="error">${t('coalitionFailed', lang, sharing.error ?? '')}</p>` : ''}
    </div>
    ${
      stale && finder.status !== 'running'
        ? html`<div class="stale" data-stale><p>${t('coalitionStale', lang)}</p>
          <button type="button" data-run-again @click=${() => emit(this, 'dm-coalition-find', {})}>${t('coalitionRunAgain', lang)}</button></div>`
        : ''
    }`;
  }

  private results(s: AppState, result: FinderResult, names: CoalitionNames, lang: Lang) {
    const years = s.scenario.horizonYears;
    const stale = coalitionStale(s.coalition, s.scenario);
    const busy = s.coalition.sharing.status === 'running';
    const noGain = noGainNote(result, names, lang, s.coalition.finder.scenario ?? null);
    const lead = leadNote(result, lang);
    return html`<h3 id="coalition-results" tabindex="-1">${t('coalitionResults', lang)}</h3>
      <p class="note" data-method>${methodNote(result, lang)}${lead ? html` ${lead}` : ''}</p>
      ${
        noGain
          ? html`<p class="note" data-no-gain><strong>${noGain[0]}</strong> ${noGain.slice(1).join(' ')}</p>
            <p><button type="button" data-show-assumption @click=${() => emit(this, 'dm-focus-assumption', { id: 'realisationShared' })}>${t('coalitionChangeAssumption', lang)}</button></p>`
          : ''
      }
      <ol class="groupings" data-groupings>
        ${result.groupings.map((g, rank) => this.grouping(s, g, rank, names, years, stale || busy, lang))}
      </ol>`;
  }

  private grouping(
    s: AppState,
    g: Grouping,
    rank: number,
    names: CoalitionNames,
    years: number,
    disabled: boolean,
    lang: Lang,
  ) {
    const chosen = s.coalition.chosen;
    const geo = s.data.status === 'ready' ? s.data.geo : null;
    const words = groupingWords(g, names, lang);
    const geometry =
      geo && g.groups.length > 0
        ? coalitionMap({
            places: s.scenario.members
              .filter((c) => geo.kommuner[c])
              .map((c) => ({ code: c, name: names.name(c), ...geo.kommuner[c] })),
            groups: g.groups.map((x) => ({
              members: x.members,
              host: x.form === 'asymmetrisk' ? names.host(x.members) : null,
            })),
          })
        : null;
    return html`<li data-grouping=${rank} class=${chosen?.grouping === rank ? 'chosen' : ''}>
      <div>
        <h4>${t('coalitionGrouping', lang, rank + 1)}${g.groups.length === 0 ? html`: ${t('coalitionEveryoneAlone', lang)}` : ''}</h4>
        <dl>
          <dt>${t('coalitionGain', lang, years)}</dt><dd data-gain>${formatMsek(g.meanGain, lang, 1)}</dd>
          ${
            g.groups.length === 0
              ? ''
              : html`<dt>${t('coalitionRange', lang)}</dt><dd>${formatMsek(g.p10, lang, 1)} – ${formatMsek(g.p90, lang, 1)}</dd>
          <dt>${t('coalitionProbability', lang)}</dt><dd>${formatPercent(g.probabilityGain, lang)}</dd>
          <dt>${t('coalitionCapacityChange', lang)}</dt><dd>${g.capacity > 0 ? '+' : ''}${formatNumber(g.capacity, lang, 1)} ${t('fte', lang)}</dd>`
          }
        </dl>
        <ul class="groups">
          ${g.groups.map((group, k) => {
            const list = listOf(
              group.members.map((c) => names.name(c)),
              lang,
            );
            const colour = GROUP_COLOURS[k % GROUP_COLOURS.length];
            return html`<li data-group=${k}>
              <span><span class="swatch" style="background:${colour}" aria-hidden="true">${k + 1}</span>${groupLine(group, k + 1, names, lang)}</span>
              <span class="buttons">
                <button type="button" data-share ?disabled=${disabled} aria-label=${t('coalitionShareLabel', lang, k + 1, list)}
                  @click=${() => this.share(rank, k)}>${t('coalitionShare', lang)}</button>
                <button type="button" data-open aria-label=${t('coalitionOpenLabel', lang, k + 1, list)}
                  @click=${() => emit(this, 'dm-coalition-open', { grouping: rank, group: k })}>${t('coalitionOpen', lang)}</button>
              </span>
            </li>`;
          })}
          ${
            g.alone.length > 0 && g.groups.length > 0
              ? html`<li class="alone">${t(
                  'coalitionAlone',
                  lang,
                  listOf(
                    g.alone.map((c) => names.name(c)),
                    lang,
                  ),
                )}</li>`
              : ''
          }
        </ul>
      </div>
      ${
        geometry
          ? html`<div><dm-coalition-map .geometry=${geometry} label=${t('coalitionMapLabel', lang, rank + 1, words)}></dm-coalition-map>
            <p class="legend">${t('coalitionMapAlone', lang)}${g.groups.some((x) => x.form === 'asymmetrisk') ? html`; ${t('coalitionMapHost', lang)}` : ''}</p></div>`
          : ''
      }
    </li>`;
  }

  private share(grouping: number, group: number): void {
    this.focusKeys = true;
    emit(this, 'dm-coalition-share', { grouping, group });
  }

  private keys(s: AppState, names: CoalitionNames, lang: Lang) {
    const { chosen, sharing, settings, finder } = s.coalition;
    const group = chosen ? finder.result?.groupings[chosen.grouping]?.groups[chosen.group] : undefined;
    if (!chosen || !group || sharing.status === 'idle') return '';
    const title = t(
      'coalitionKeysHeading',
      lang,
      listOf(
        group.members.map((c) => names.name(c)),
        lang,
      ),
    );
    return html`<section class="keys" data-keys-view aria-labelledby="keys-h">
      <h3 id="keys-h" tabindex="-1">${title}</h3>
      ${
        sharing.result
          ? html`<p class="note">${t('coalitionKeysIntro', lang, s.scenario.horizonYears, formatNumber(sharing.result.runs, lang))}</p>
            <dm-coalition-keys .sharing=${sharing.result} .names=${names} .lang=${lang} .fixedShare=${settings.fixedShare}
              .years=${s.scenario.horizonYears} editable></dm-coalition-keys>`
          : ''
      }
    </section>`;
  }

  protected updated(): void {
    const status = this.view.value?.coalition.finder.status;
    if (this.focusResults && status !== 'running') {
      this.focusResults = false;
      if (status === 'done') this.renderRoot.querySelector<HTMLElement>('#coalition-results')?.focus();
    }
    if (this.focusKeys && this.view.value?.coalition.sharing.status === 'done') {
      this.focusKeys = false;
      this.renderRoot.querySelector<HTMLElement>('#keys-h')?.focus();
    }
  }
}

customElements.define('dm-coalition', DmCoalition);
declare global {
  interface HTMLElementTagNameMap {
    'dm-coalition': DmCoalition;
  }
}
