import { css, html, LitElement } from 'lit';
import { GROUP_LABEL, type Lang, pick, t } from '../i18n.js';
import { groupWeaknesses, type Weaknesses } from '../state/capability-map.js';
import { fill, levelWord } from '../state/map-text.js';
import { MAP_CELL_STYLES } from './map-styles.js';

/**
 * The shared strengths and weaknesses: one row per capability, the capabilities weak in the most kommuner
 * first, with each assessed kommun's level (colour and digit), how many kommuner are weak in it and who could
 * lend it. A plain table, so that it is its own text alternative and prints in black and white. A leaf.
 */
export class DmCapabilityHeatmap extends LitElement {
  static styles = [
    MAP_CELL_STYLES,
    css`
      :host { display: block; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 0.95rem; }
      th, td { padding: 0.15rem 0.35rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: middle; }
      thead th { vertical-align: bottom; font-size: 0.9rem; }
      thead th.member { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; height: 7rem; padding: 0.2rem 0; }
      th.cap { position: sticky; left: 0; z-index: 1; background: #fff; font-weight: normal; min-width: 12rem; max-width: 16rem; }
      td.level { padding: 1px; border-bottom-color: #fff; }
      td.level .cell { width: 1.9rem; height: 1.8rem; }
      td.level .cell.wide { width: 2.8rem; }
      .frac { font-size: 0.9rem; }
      table[data-group-heatmap] { margin-bottom: 1rem; }
      td.count { text-align: right; font-weight: 700; white-space: nowrap; }
      th.cap .group { display: block; font-size: 0.75rem; color: #555; }
      td.lenders { color: #333; }
      td.lenders { min-width: 6rem; max-width: 8rem; font-size: 0.8rem; }
      @media (max-width: 600px) {
        th.cap { min-width: 8.5rem; font-size: 0.85rem; }
        th.cap .group, .group-head { display: none; }
      }
      @media print {
        table { font-size: 7.5pt; }
        td.level .cell { width: 1.4rem; height: 1.1rem; }
        .cell .lv { font-size: 8pt; }
        thead th.member { height: 5rem; }
        tr { break-inside: avoid; }
      }
    `,
  ];

  static properties = {
    lang: { attribute: false },
    weaknesses: { attribute: false },
    names: { attribute: false },
    limit: { type: Number },
  };

  declare lang: Lang;
  declare weaknesses: Weaknesses | null;
  /** Kommun names by code. */
  declare names: Map<string, string>;
  /** Show at most this many rows (the weakest); 0: all. */
  declare limit: number;

  constructor() {
    super();
    this.lang = 'sv';
    this.weaknesses = null;
    this.names = new Map();
    this.limit = 0;
  }

  /** The overview by the nine key capabilities: the number of weak capabilities per kommun. */
  private groups(w: Weaknesses, name: (code: string) => string) {
    const { lang } = this;
    return html`<p class="legend" id="group-label">${t('mapGroupTableLabel', lang)}</p>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="group-label">
      <table data-group-heatmap aria-labelledby="group-label">
        <thead><tr><th scope="col">${t('mapGroup', lang)}</th>
          ${w.assessed.map((code) => html`<th scope="col" class="member">${name(code)}</th>`)}</tr></thead>
        <tbody>${groupWeaknesses(w).map(
          (g) => html`<tr><th scope="row" class="cap">${pick(GROUP_LABEL[g.group], lang)}</th>
            ${g.weak.map((n) => html`<td class="level"><div class="cell wide ${shareClass(n / g.total)}"><span class="frac">${n}/${g.total}</span></div></td>`)}</tr>`,
        )}</tbody>
      </table></div>`;
  }

  render() {
    const w = this.weaknesses;
    const { lang } = this;
    if (!w || w.assessed.length === 0) return html``;
    const name = (code: string) => this.names.get(code) ?? code;
    const rows = this.limit > 0 ? w.rows.slice(0, this.limit) : w.rows;
    return html`${this.limit > 0 ? '' : this.groups(w, name)}
      <p class="legend" id="heat-label">${t('mapHeatmapLabel', lang)}</p>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="heat-label">
      <table data-heatmap aria-labelledby="heat-label">
        <thead><tr>
          <th scope="col">${t('mapCapability', lang)} <span class="legend group-head">(${t('mapGroup', lang).toLowerCase()})</span></th>
          <th scope="col">${t('mapWeakIn', lang)}</th>
          <th scope="col">${t('mapLenders', lang)}</th>
          ${w.assessed.map((code) => html`<th scope="col" class="member">${name(code)}</th>`)}
        </tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr data-capability=${r.capability.id}>
            <th scope="row" class="cap">${pick(r.capability.name, lang)}<span class="group">${pick(GROUP_LABEL[r.capability.group], lang)}</span></th>
            <td class="count" data-weak=${r.weak.length}>${r.weak.length} / ${w.assessed.length}</td>
            <td class="lenders" data-lenders>${r.lenders.map(name).join(', ')}</td>
            ${r.levels.map(
              (level, i) => html`<td class="level"><div class="cell ${level === null ? 'none' : `l${level}`}"
                title=${`${name(w.assessed[i])}: ${level === null ? t('mapNotAssessed', lang) : `${level} ${levelWord(level, lang)}`}`}>
                <span class="lv">${level ?? '–'}</span></div></td>`,
            )}
          </tr>`,
        )}</tbody>
      </table>
    </div>
    ${
      w.notAssessed.length > 0
        ? html`<p class="legend">${fill('mapNotAssessedMembers', lang, { names: w.notAssessed.map(name).join(', ') })}</p>`
        : ''
    }`;
  }
}

/** The shade of a share of weak capabilities, on the levels' scale (most weak: the colour of level 0). */
const shareClass = (share: number): string =>
  share >= 0.75 ? 'l0' : share >= 0.5 ? 'l1' : share >= 0.25 ? 'l2' : 'l3';

customElements.define('dm-capability-heatmap', DmCapabilityHeatmap);
declare global {
  interface HTMLElementTagNameMap {
    'dm-capability-heatmap': DmCapabilityHeatmap;
  }
}
