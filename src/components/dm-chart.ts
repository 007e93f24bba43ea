import * as Plot from '@observablehq/plot';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { ChartSpec } from '../charts/spec.js';
import { type Lang, t } from '../i18n.js';
import { cancelDraw, queueDraw } from './draw-queue.js';

/**
 * One chart: a plain-language title and description, the Observable Plot figure, and a button that
 * shows the same data as a table. A leaf: it only renders its `spec`.
 */
export class DmChart extends LitElement {
  static properties = {
    spec: { attribute: false },
    lang: {},
    exportable: { type: Boolean },
    large: { type: Boolean },
    asTable: { state: true },
  };

  static styles = css`
    :host { display: block; margin: 0 0 1.75rem; }
    h3 { font-size: 1.05rem; margin: 0 0 0.25rem; }
    p { margin: 0 0 0.5rem; color: #444; font-size: 0.9rem; max-width: 70ch; }
    .figure { min-height: 120px; overflow-x: auto; }
    .figure svg { font-size: 12px; }
    /* Plot wraps a chart with a legend in a <figure>: without the default margins it keeps its drawn
       width instead of being scaled down (with its text) to fit */
    .figure figure { margin: 0; }
    button { font: inherit; font-size: 0.85rem; background: none; border: 1px solid #888; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    table { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.5rem; }
    th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    .table-wrap { max-height: 420px; overflow: auto; }
    .actions { display: flex; gap: 0.4rem; margin-top: 0.3rem; }
    :host([large]) h3 { font-size: 1.8rem; }
    :host([large]) p { font-size: 1.2rem; max-width: none; }
    @media print {
      .actions { display: none; }
      .figure svg { max-height: 54mm; width: auto; height: auto; max-width: 100%; }
      p { font-size: 8.5pt; margin-bottom: 0.2rem; }
      h3 { font-size: 11pt; }
    }
  `;

  declare spec: ChartSpec | null;
  declare lang: Lang;
  declare asTable: boolean;
  /** Offer SVG and PNG downloads of the figure. */
  declare exportable: boolean;
  /** Presenter mode: large type. */
  declare large: boolean;
  private width = 0;
  private readonly resize = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0].contentRect.width);
    if (Math.abs(width - this.width) > 8) {
      this.width = width;
      // redraw after this observation: a new figure changes the height, which inside the callback
      // would be a ResizeObserver loop
      requestAnimationFrame(() => queueDraw(this, () => this.draw()));
    }
  });

  constructor() {
    super();
    this.spec = null;
    this.lang = 'sv';
    this.asTable = false;
    this.exportable = false;
    this.large = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    cancelDraw(this);
  }

  protected updated(changed: PropertyValues): void {
    // each chart draws in a task of its own, so a results update never blocks the page for all of them
    if (changed.has('spec') || changed.has('asTable')) queueDraw(this, () => this.draw());
  }

  private draw(): void {
    const target = this.renderRoot.querySelector('.figure');
    if (!target || !this.spec || this.asTable) return;
    const width = Math.max(240, this.width || this.clientWidth || 640);
    const figure = Plot.plot(this.spec.options(width));
    if (this.large) {
      for (const svg of figure.querySelectorAll('svg')) svg.style.fontSize = '15px';
      if (figure instanceof SVGElement) figure.style.fontSize = '15px';
    }
    // the figure as a whole is one labelled image (its data is in the table view): inner marks' ARIA
    // labels would be prohibited attributes on plain <g> elements, so keep them as data attributes
    for (const el of figure.querySelectorAll('[aria-label], [aria-description]')) {
      const label = el.getAttribute('aria-label');
      if (label) el.setAttribute('data-mark', label);
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', `${this.spec.title}. ${this.spec.description}`);
    target.replaceChildren(figure);
  }

  /** The chart's SVG as a standalone document (the main plot, not its legend). */
  svgText(): string | null {
    const svgs = [...this.renderRoot.querySelectorAll('.figure svg')] as SVGSVGElement[];
    const svg = svgs.at(-1);
    if (!svg) return null;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.style.background = '#fff';
    return new XMLSerializer().serializeToString(copy);
  }

  private async download(kind: 'svg' | 'png'): Promise<void> {
    const text = this.svgText();
    if (!text || !this.spec) return;
    const svgBlob = new Blob([text], { type: 'image/svg+xml' });
    let blob: Blob = svgBlob;
    if (kind === 'png') {
      const svg = this.renderRoot.querySelector('.figure svg:last-of-type') as SVGSVGElement;
      const { width, height } = svg.getBoundingClientRect();
      const image = new Image();
      const url = URL.createObjectURL(svgBlob);
      await new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = reject;
        image.src = url;
      });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * 2);
      canvas.height = Math.round(height * 2);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${this.spec.id}.${kind}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  render() {
    const spec = this.spec;
    if (!spec) return html``;
    return html`
      <figure aria-labelledby="title-${spec.id}" style="margin:0">
        <h3 id="title-${spec.id}">${spec.title}</h3>
        ${spec.description ? html`<p>${spec.description}</p>` : ''}
        ${
          this.asTable
            ? html`<div class="table-wrap" tabindex="0"><table>
                <thead><tr>${spec.table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
                <tbody>${spec.table.rows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
              </table></div>`
            : html`<div class="figure" data-chart=${spec.id}></div>`
        }
        <div class="actions">
          <button type="button" @click=${() => {
            this.asTable = !this.asTable;
          }}>${t(this.asTable ? 'showChart' : 'showTable', this.lang)}</button>
          ${
            this.exportable && !this.asTable
              ? html`<button type="button" data-export-svg @click=${() => this.download('svg')}>SVG</button>
                  <button type="button" data-export-png @click=${() => void this.download('png')}>PNG</button>`
              : ''
          }
        </div>
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
