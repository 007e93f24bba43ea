import { css, html, LitElement } from 'lit';
import { emit } from '../events.js';
import { formatNumber, type Lang, t } from '../i18n.js';

/** The top bar: product name, scenario name, run progress and the language switch. A leaf. */
export class DmHeader extends LitElement {
  static properties = {
    lang: {},
    scenarioName: { attribute: false },
    status: {},
    done: { type: Number },
    total: { type: Number },
    preview: { type: Boolean },
    outdated: { type: Boolean },
    view: {},
  };

  static styles = css`
    :host { display: block; background: #12355b; color: #fff; }
    @media print { :host { display: none; } }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.6rem 1.25rem; }
    h1 { font-size: 1.25rem; margin: 0; }
    .scenario { font-size: 0.95rem; opacity: 0.95; flex: 1 1 16rem; }
    .progress { display: flex; align-items: center; gap: 0.5rem; font-size: 0.85rem; min-width: 14rem; }
    progress { width: 9rem; height: 0.7rem; accent-color: #f0c419; }
    button { font: inherit; font-size: 0.85rem; color: #fff; background: transparent; border: 1px solid #fff; border-radius: 4px; padding: 0.25rem 0.7rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid #f0c419; outline-offset: 2px; }
  `;

  declare lang: Lang;
  declare scenarioName: string;
  declare status: string;
  declare done: number;
  declare total: number;
  /** The run is a quick preview while a value is dragged. */
  declare preview: boolean;
  /** The results on screen belong to the scenario before a rejected edit. */
  declare outdated: boolean;
  declare view: string;

  constructor() {
    super();
    this.lang = 'sv';
    this.scenarioName = '';
    this.status = 'idle';
    this.done = 0;
    this.total = 0;
    this.preview = false;
    this.outdated = false;
    this.view = 'workspace';
  }

  render() {
    const { lang } = this;
    const running = this.status === 'running';
    return html`<header>
      <h1>${t('appTitle', lang)}</h1>
      <div class="scenario">${this.scenarioName}</div>
      <div class="progress" role="status" aria-live="polite">
        <progress max=${this.total || 1} value=${this.done} aria-label=${t('runs', lang)}></progress>
        <span data-progress>${
          this.outdated
            ? t('resultsOutdated', lang)
            : html`${this.preview ? `${t('preview', lang)}: ` : ''}${formatNumber(this.done, lang)} / ${formatNumber(this.total, lang)} ${t('runsDone', lang)}${running ? ' …' : ''}`
        }</span>
      </div>
      <button type="button" data-summary @click=${() => emit(this, 'dm-view-change', { view: this.view === 'workspace' ? 'summary' : 'workspace' })}>
        ${this.view === 'workspace' ? t('summary', lang) : t('workspace', lang)}</button>
      <button type="button" data-copy-link @click=${() => emit(this, 'dm-link-copy', {})}>${t('copyLink', lang)}</button>
      <button type="button" data-lang lang=${lang === 'sv' ? 'en' : 'sv'} @click=${() => emit(this, 'dm-lang-change', { lang: lang === 'sv' ? 'en' : 'sv' })}>
        ${t('language', lang)}
      </button>
    </header>`;
  }
}

customElements.define('dm-header', DmHeader);
declare global {
  interface HTMLElementTagNameMap {
    'dm-header': DmHeader;
  }
}
