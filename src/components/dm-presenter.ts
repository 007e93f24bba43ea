import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import type { AppState } from '../state/app-state.js';
import './dm-chart.js';
import { t } from '../i18n.js';
import { summaryCharts } from './dm-summary.js';

/** Presenter mode: one chart at a time, full screen, large type; arrow keys step, Escape leaves. */
export class DmPresenter extends LitElement {
  static properties = { index: { state: true } };

  static styles = css`
    :host { position: fixed; inset: 0; z-index: 10; background: #fff; display: flex; flex-direction: column; padding: 1.5rem 3rem; box-sizing: border-box; font-size: 1.4rem; }
    dm-chart { flex: 1; font-size: 1.3rem; --chart-font: 16px; }
    nav { display: flex; justify-content: space-between; align-items: center; gap: 1rem; font-size: 1rem; }
    button { font: inherit; font-size: 1rem; padding: 0.4rem 1rem; border: 1px solid #12355b; background: #fff; color: #12355b; border-radius: 4px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  `;

  declare index: number;
  private readonly view = new StoreController(this, (s: AppState) => s);
  private readonly keys = (event: KeyboardEvent) => {
    const count = this.count();
    if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ')
      this.index = Math.min(count - 1, this.index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.index = Math.max(0, this.index - 1);
    else if (event.key === 'Escape') emit(this, 'dm-view-change', { view: 'summary' });
    else return;
    event.preventDefault();
  };

  constructor() {
    super();
    this.index = 0;
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.keys);
    void this.requestFullscreen?.().catch(() => {});
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.keys);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }

  private count(): number {
    const results = this.view.value?.run.results;
    return results ? summaryCharts(results, this.view.value!.lang).length : 0;
  }

  render() {
    const s = this.view.value;
    const results = s?.run.results;
    if (!s || !results) return html``;
    const charts = summaryCharts(results, s.lang);
    const spec = charts[Math.min(this.index, charts.length - 1)];
    return html`
      <dm-chart .spec=${spec} .lang=${s.lang} large data-presenter-chart=${spec.id}></dm-chart>
      <nav aria-label=${t('slides', s.lang)}>
        <button type="button" ?disabled=${this.index === 0} @click=${() => {
          this.index--;
        }}>← ${t('previous', s.lang)}</button>
        <span aria-live="polite">${this.index + 1} / ${charts.length}</span>
        <button type="button" @click=${() => emit(this, 'dm-view-change', { view: 'summary' })}>${t('exitEsc', s.lang)}</button>
        <button type="button" ?disabled=${this.index >= charts.length - 1} @click=${() => {
          this.index++;
        }}>${t('next', s.lang)} →</button>
      </nav>
    `;
  }
}

customElements.define('dm-presenter', DmPresenter);
declare global {
  interface HTMLElementTagNameMap {
    'dm-presenter': DmPresenter;
  }
}
