import { css, html, LitElement } from 'lit';
import {
  CAPABILITY_GROUPS,
  type Capability,
  type CapabilityLevel,
  type CapabilityMap,
  DELIVERIES,
  type Delivery,
  type MapCell,
} from '../engine/index.js';
import { emit } from '../events.js';
import { GROUP_LABEL, type Lang, pick, t } from '../i18n.js';
import { byText, cellText, levelWord } from '../state/map-text.js';
import { MAP_CELL_STYLES } from './map-styles.js';

/** A kommun as a column of the grid. */
export interface GridMember {
  code: string;
  name: string;
}

/** The keys that choose who delivers, by language: egen/leverantör/samverkan, own/supplier/collaboration. */
const BY_KEYS: Record<Lang, Record<string, Delivery>> = {
  sv: { e: 'own', l: 'supplier', s: 'collaboration' },
  en: { o: 'own', s: 'supplier', c: 'collaboration' },
};

/**
 * The capability map's editor: capabilities (grouped under the nine key capabilities) × members, each cell
 * a level and who delivers. One cell is in the tab order (a roving tabindex): the arrow keys, Home and End
 * move, 0–3 set the level, Delete removes it, a letter chooses who delivers; the selects above the grid
 * do the same for the selected cell. A leaf: it renders its properties and emits `dm-map-cell-change`.
 */
export class DmCapabilityGrid extends LitElement {
  static styles = [
    MAP_CELL_STYLES,
    css`
      :host { display: block; }
      .editor { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1rem; margin: 0.4rem 0 0.6rem; font-size: 1rem; }
      .editor strong { min-width: 14rem; }
      .editor select { font: inherit; padding: 0.2rem; }
      .editor select:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
      .scroll { overflow: auto; max-height: 75vh; border: 1px solid #ccc; border-radius: 6px; background: #fff; }
      table { border-collapse: separate; border-spacing: 0; font-size: 1rem; }
      thead th { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 2px solid #12355b; vertical-align: bottom; padding: 0.3rem 0.2rem; font-size: 0.95rem; }
      thead th.member { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; white-space: nowrap; height: 7.5rem; font-weight: 600; }
      th.cap, thead th.corner { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; font-weight: normal; min-width: 15rem; max-width: 19rem; padding: 0.25rem 0.5rem; border-right: 2px solid #12355b; border-bottom: 1px solid #e2e2e2; }
      thead th.corner { z-index: 3; }
      /* the selected cell's capability and kommun stand out, to follow on a projector */
      th.current { background: #fff1b8; }
      tr.group th { position: sticky; left: 0; text-align: left; background: #e8eef5; color: #12355b; font-size: 1rem; padding: 0.35rem 0.5rem; border-bottom: 1px solid #c5d3e3; }
      td { padding: 0; border-bottom: 1px solid #fff; border-right: 1px solid #fff; }
      td .cell { position: relative; width: 3.1rem; height: 2.2rem; }
      td:focus { outline: none; }
      .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      td:focus-visible .cell, td:focus .cell { outline: 4px solid #1f6feb; outline-offset: -4px; box-shadow: inset 0 0 0 6px #fff; }
      @media (max-width: 600px) {
        th.cap, thead th.corner { min-width: 9rem; max-width: 10rem; font-size: 0.85rem; }
        .editor strong { min-width: 0; flex-basis: 100%; }
      }
    `,
  ];

  static properties = {
    lang: { attribute: false },
    members: { attribute: false },
    catalogue: { attribute: false },
    map: { attribute: false },
    focusRow: { state: true },
    focusCol: { state: true },
  };

  declare lang: Lang;
  declare members: GridMember[];
  declare catalogue: Capability[];
  declare map: CapabilityMap | undefined;
  declare focusRow: number;
  declare focusCol: number;

  constructor() {
    super();
    this.lang = 'sv';
    this.members = [];
    this.catalogue = [];
    this.map = undefined;
    this.focusRow = 0;
    this.focusCol = 0;
  }

  /** The capabilities in grid order: by key capability, then the catalogue's order. */
  private rows(): Capability[] {
    return CAPABILITY_GROUPS.flatMap((g) => this.catalogue.filter((c) => c.group === g));
  }

  render() {
    const { lang, members } = this;
    const rows = this.rows();
    if (rows.length === 0 || members.length === 0) return html``;
    const row = Math.min(this.focusRow, rows.length - 1);
    const col = Math.min(this.focusCol, members.length - 1);
    const focused = this.cell(members[col].code, rows[row].id);
    let index = 0;
    return html`
      <div class="editor" data-cell-editor>
        <strong>${t('mapCellEditor', lang)}: ${members[col].name} – ${pick(rows[row].name, lang)}</strong>
        <label>${t('mapLevel', lang)}
          <select data-edit-level @change=${(e: Event) => this.pickLevel((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!focused}>${t('mapNotAssessed', lang)}</option>
            ${([0, 1, 2, 3] as const).map((l) => html`<option value=${l} ?selected=${focused?.level === l}>${l} ${levelWord(l, lang)}</option>`)}
          </select></label>
        <label>${t('mapBy', lang)}
          <select data-edit-by ?disabled=${!focused} @change=${(e: Event) => this.pickBy((e.target as HTMLSelectElement).value as Delivery)}>
            ${DELIVERIES.map((b) => html`<option value=${b} ?selected=${focused?.by === b}>${byText(b, lang)}</option>`)}
          </select></label>
      </div>
      <p class="legend">${t('mapKeys', lang)}</p>
      <div class="scroll">
        <table role="grid" aria-label=${t('mapGridLabel', lang)} @keydown=${this.key} @focusin=${this.focused}>
          <thead><tr><th class="corner" scope="col">${t('mapCapability', lang)}</th>
            ${members.map((m, k) => html`<th class="member ${k === col ? 'current' : ''}" scope="col">${m.name}</th>`)}</tr></thead>
          ${CAPABILITY_GROUPS.map((group) => {
            const inGroup = rows.filter((c) => c.group === group);
            if (inGroup.length === 0) return '';
            return html`<tbody>
              <tr class="group"><th colspan=${members.length + 1} scope="colgroup">${pick(GROUP_LABEL[group], lang)}</th></tr>
              ${inGroup.map((c) => {
                const r = index++;
                return html`<tr><th class="cap ${r === row ? 'current' : ''}" scope="row">${pick(c.name, lang)}</th>
                  ${members.map((m, k) => this.renderCell(m, c, r, k, r === row && k === col))}</tr>`;
              })}
            </tbody>`;
          })}
        </table>
      </div>`;
  }

  /**
   * One cell: the digit and letter are seen, the words are read (the grid's row and column headers name the
   * capability and the kommun).
   */
  private renderCell(m: GridMember, c: Capability, r: number, k: number, focus: boolean) {
    const cell = this.cell(m.code, c.id);
    return html`<td role="gridcell" tabindex=${focus ? 0 : -1} data-row=${r} data-col=${k} data-cell=${`${m.code}|${c.id}`}
      ><div class="cell ${cell ? `l${cell.level}` : 'none'}">${
        cell
          ? html`<span class="lv" aria-hidden="true">${cell.level}</span><span class="by" aria-hidden="true">${byText(cell.by, this.lang, 'short')}</span>`
          : html`<span class="lv" aria-hidden="true">–</span>`
      }<span class="sr">${cellText(cell, this.lang)}</span></div></td>`;
  }

  private cell(code: string, id: string): MapCell | undefined {
    return this.map?.members[code]?.[id];
  }

  /** The focused cell's kommun and capability. */
  private at(): { code: string; id: string } | null {
    const rows = this.rows();
    const c = rows[Math.min(this.focusRow, rows.length - 1)];
    const m = this.members[Math.min(this.focusCol, this.members.length - 1)];
    return c && m ? { code: m.code, id: c.id } : null;
  }

  private set(cell: MapCell | null): void {
    const at = this.at();
    if (at) emit(this, 'dm-map-cell-change', { ...at, cell });
  }

  private pickLevel(value: string): void {
    const at = this.at();
    if (!at) return;
    const current = this.cell(at.code, at.id);
    this.set(value === '' ? null : { level: Number(value) as CapabilityLevel, by: current?.by ?? 'own' });
  }

  private pickBy(by: Delivery): void {
    const at = this.at();
    const current = at ? this.cell(at.code, at.id) : undefined;
    if (current) this.set({ level: current.level, by });
  }

  private readonly focused = (e: FocusEvent) => {
    const td = (e.target as HTMLElement).closest('td[data-row]') as HTMLElement | null;
    if (!td) return;
    this.focusRow = Number(td.dataset.row);
    this.focusCol = Number(td.dataset.col);
  };

  private readonly key = (e: KeyboardEvent) => {
    if (!(e.target as HTMLElement).matches('td[data-row]') || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = this.rows().length;
    const cols = this.members.length;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Home: [0, -cols],
      End: [0, cols],
      PageUp: [-10, 0],
      PageDown: [10, 0],
    };
    const move = moves[e.key];
    const at = this.at();
    if (move) {
      e.preventDefault();
      this.focusRow = Math.max(0, Math.min(rows - 1, this.focusRow + move[0]));
      this.focusCol = Math.max(0, Math.min(cols - 1, this.focusCol + move[1]));
      void this.updateComplete.then(() => {
        const td = this.renderRoot.querySelector(`td[data-row="${this.focusRow}"][data-col="${this.focusCol}"]`);
        (td as HTMLElement | null)?.focus();
      });
    } else if (/^[0-3]$/.test(e.key) && at) {
      e.preventDefault();
      const by = this.cell(at.code, at.id)?.by ?? 'own';
      this.set({ level: Number(e.key) as CapabilityLevel, by });
    } else if ((e.key === 'Delete' || e.key === 'Backspace' || e.key === '-') && at) {
      e.preventDefault();
      this.set(null);
    } else if (at && BY_KEYS[this.lang][e.key.toLowerCase()]) {
      e.preventDefault();
      this.pickBy(BY_KEYS[this.lang][e.key.toLowerCase()]);
    }
  };
}

customElements.define('dm-capability-grid', DmCapabilityGrid);
declare global {
  interface HTMLElementTagNameMap {
    'dm-capability-grid': DmCapabilityGrid;
  }
}
