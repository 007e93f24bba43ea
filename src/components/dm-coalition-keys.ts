import { css, html, LitElement } from 'lit';
import { KEYS } from '../coalition/keys.js';
import type { SharingResult } from '../coalition/sharing.js';
import { emit } from '../events.js';
import { formatMsek, formatNumber, formatPercent, type Lang, listOf, t } from '../i18n.js';
import { type CoalitionNames, KEY_LABEL, keySentences, verdict } from '../summary/coalition.js';

/**
 * The cost-sharing keys of one group: kommuner × keys, each cell the member's gain (+) or extra cost (−)
 * against going alone, a loser flagged in words and by a sign; whether everyone gains per key; the core
 * check; the verdict and one plain sentence per key. A leaf; with `editable` the fixed share can be changed.
 * @fires dm-coalition-settings - the fixed share changed; detail: { fixedShare }
 */
export class DmCoalitionKeys extends LitElement {
  static properties = {
    sharing: { attribute: false },
    names: { attribute: false },
    lang: {},
    fixedShare: { type: Number },
    years: { type: Number },
    editable: { type: Boolean },
  };

  static styles = css`
    :host { display: block; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.85rem; }
    th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
    th { vertical-align: bottom; font-weight: 600; max-width: 9rem; }
    th:first-child, td:first-child { text-align: left; }
    tbody th, tfoot th { text-align: left; font-weight: 600; white-space: nowrap; vertical-align: top; }
    .amount { white-space: nowrap; }
    .loses { color: #8a1c00; font-weight: 600; }
    .flag { display: block; font-size: 0.75rem; white-space: nowrap; }
    .risk { display: block; font-size: 0.75rem; color: #555; white-space: nowrap; }
    .na { color: #555; font-size: 0.8rem; white-space: normal; max-width: 9rem; display: inline-block; }
    tfoot td, tfoot th { border-top: 2px solid #999; font-size: 0.8rem; }
    .fixed { display: flex; flex-wrap: wrap; gap: 0.3rem 0.5rem; align-items: center; margin: 0.6rem 0; font-size: 0.9rem; }
    .fixed input { font: inherit; width: 4.5rem; padding: 0.15rem 0.3rem; }
    .fixed input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .note { font-size: 0.85rem; color: #333; max-width: 75ch; }
    .verdict { font-weight: 700; }
    ul.sentences { padding-left: 1.2rem; max-width: 75ch; }
    ul.sentences li { margin-bottom: 0.3rem; }
    @media print { table { font-size: 7.5pt; } th, td { padding: 0.1rem 0.25rem; } .fixed input { border: none; } }
  `;

  declare sharing: SharingResult | null;
  declare names: CoalitionNames | null;
  declare lang: Lang;
  declare fixedShare: number;
  declare years: number;
  declare editable: boolean;

  constructor() {
    super();
    this.sharing = null;
    this.names = null;
    this.lang = 'sv';
    this.fixedShare = 0.25;
    this.years = 10;
    this.editable = false;
  }

  private changeFixedShare(event: Event): void {
    const input = event.target as HTMLInputElement;
    const percent = Number(input.value);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      input.value = formatNumber(this.fixedShare * 100, 'en', 0);
      return;
    }
    emit(this, 'dm-coalition-settings', { fixedShare: percent / 100 });
  }

  render() {
    const { sharing, names, lang } = this;
    if (!sharing || !names) return html``;
    const keys = KEYS.map((id) => sharing.keys.find((k) => k.key === id)).filter((k) => k !== undefined);
    const shapley = sharing.keys.find((k) => k.key === 'shapley');
    const maxSe = shapley?.standardError ? Math.max(...shapley.standardError) : null;
    // a lone member that would rather go alone is already flagged as losing: name only subgroups of two or more
    const blocked = keys.filter((k) => k.blockedBy && k.blockedBy.length >= 2);
    return html`
      ${
        this.editable
          ? html`<div class="fixed">
          <label for="fixed-share">${t('coalitionFixedShare', lang)}</label>
<span class="amount">          <input id="fixed-share" data-fixed-share type="number" min="0" max="100" step="5" inputmode="numeric"
            .value=${formatNumber(this.fixedShare * 100, 'en', 0)} @change=${(e: Event) => this.changeFixedShare(e)} /> %</span>
        </div>`
          : ''
      }
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t(
        'coalitionKeysHeading',
        lang,
        listOf(
          sharing.members.map((c) => names.name(c)),
          lang,
        ),
      )}>
      <table data-keys>
        <thead><tr><th scope="col">${t('municipality', lang)}</th>
          ${keys.map((k) => html`<th scope="col" data-key=${k.key}>${t(KEY_LABEL[k.key], lang)}${k.key === 'fixedVariable' ? html` (${formatPercent(this.fixedShare, lang)})` : ''}</th>`)}</tr></thead>
        <tbody>${sharing.members.map(
          (code, i) => html`<tr data-member=${code}><th scope="row">${names.name(code)}</th>
            ${keys.map((k) => {
              if (!k.available) return html`<td>–</td>`;
              const m = k.members[i];
              return html`<td class=${m.loses ? 'loses' : ''} data-loses=${m.loses ? 'true' : 'false'}>
                <span class="amount">${m.gain > 0 ? '+' : ''}${formatNumber(m.gain / 1e6, lang, 1)}</span>
                ${m.loses ? html`<span class="flag">⚠ ${t('coalitionLoses', lang)}</span>` : ''}
                ${m.probabilityLoss === null ? '' : html`<span class="risk">${t('coalitionProbabilityLoss', lang, formatPercent(m.probabilityLoss, lang))}</span>`}
              </td>`;
            })}</tr>`,
        )}</tbody>
        <tfoot><tr><th scope="row">${t('coalitionEveryoneGains', lang)}</th>
          ${keys.map((k) =>
            k.available
              ? html`<td data-everyone=${k.everyoneGains ? 'true' : 'false'}>${k.everyoneGains ? `✓ ${t('yes', lang)}` : `✗ ${t('no', lang)}`}</td>`
              : html`<td><span class="na">${t('coalitionNotAvailable', lang)}</span></td>`,
          )}</tr></tfoot>
      </table></div>
      <p class="note">${t('coalitionRiskNote', lang)}</p>
      ${maxSe !== null ? html`<p class="note" data-shapley-sampled>${t('coalitionShapleySampled', lang, formatMsek(maxSe, lang, 1))}</p>` : ''}
      ${blocked.map(
        (k) =>
          html`<p class="note" data-blocked>${t(
            'coalitionBlocked',
            lang,
            t(KEY_LABEL[k.key], lang),
            listOf(
              (k.blockedBy ?? []).map((c) => names.name(c)),
              lang,
            ),
          )}</p>`,
      )}
      ${sharing.coreChecked ? '' : html`<p class="note">${t('coalitionCoreNotChecked', lang)}</p>`}
      <p class="verdict" data-verdict>${verdict(sharing, lang)}</p>
      <ul class="sentences" data-key-sentences>${keySentences(sharing, names, this.fixedShare, this.years, lang).map((s) => html`<li>${s}</li>`)}</ul>
    `;
  }
}

customElements.define('dm-coalition-keys', DmCoalitionKeys);
declare global {
  interface HTMLElementTagNameMap {
    'dm-coalition-keys': DmCoalitionKeys;
  }
}
