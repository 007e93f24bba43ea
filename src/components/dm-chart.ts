import * as Plot from '@observablehq/plot';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { type Lang, t } from '../i18n.js';
import type { ChartSpec } from './chart-specs.js';

/**
 * One chart: a plain-language title and description, the Observable Plot figure, and a button that
 * shows the same data as a table. A leaf: it only renders its `spec`.
 */
export class DmChart extends LitElement {
  static properties = {
    spec: { attribute: false },
    lang: {},
    asTable: { state: true },
  };

  static styles = css`
    :host { display: block; margin: 0 0 1.75rem; }
    h3 { font-size: 1.05rem; margin: 0 0 0.25rem; }
    p { margin: 0 0 0.5rem; color: #444; font-size: 0.9rem; max-width: 70ch; }
    .figure { min-height: 120px; overflow-x: auto; }
    .figure svg { font-size: 12px; }
    button { font: inherit; font-size: 0.85rem; background: none; border: 1px solid #888; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    table { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.5rem; }
    th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    .table-wrap { max-height: 420px; overflow: auto; }
  `;

  declare spec: ChartSpec | null;
  declare lang: Lang;
  declare asTable: boolean;
  private width = 0;
  private readonly resize = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0].contentRect.width);
    if (Math.abs(width - this.width) > 8) {
      this.width = width;
      this.draw();
    }
  });

  constructor() {
    super();
    this.spec = null;
    this.lang = 'sv';
    this.asTable = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('spec') || changed.has('asTable')) this.draw();
  }

  private draw(): void {
    const target = this.renderRoot.querySelector('.figure');
    if (!target || !this.spec || this.asTable) return;
    const width = Math.max(300, this.width || this.clientWidth || 640);
    const figure = Plot.plot(this.spec.options(width));
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', `${this.spec.title}. ${this.spec.description}`);
    target.replaceChildren(figure);
  }

  render() {
    const spec = this.spec;
    if (!spec) return html``;
    return html`
      <figure aria-labelledby="title-${spec.id}" style="margin:0">
        <h3 id="title-${spec.id}">${spec.title}</h3>
        <p>${spec.description}</p>
        ${
          this.asTable
            ? html`<div class="table-wrap" tabindex="0"><table>
                <thead><tr>${spec.table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
                <tbody>${spec.table.rows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
              </table></div>`
            : html`<div class="figure" data-chart=${spec.id}></div>`
        }
        <button type="button" @click=${() => {
          this.asTable = !this.asTable;
        }}>${t(this.asTable ? 'showChart' : 'showTable', this.lang)}</button>
      </figure>
    `;
  }
}

customElements.define('dm-chart', DmChart);
declare global {
  interface HTMLElementTagNameMap {
    'dm-chart': DmChart;
  }
}
