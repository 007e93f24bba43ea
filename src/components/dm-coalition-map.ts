import { css, html, LitElement, svg } from 'lit';
import type { CoalitionMapGeometry } from '../charts/coalition-map.js';

/**
 * One grouping on a map-like view: kommuner as dots at their points, faint lines along shared borders, the
 * group's number in each dot (colour is never the only sign), a double ring round a host. A leaf: give it the
 * geometry of charts/coalition-map.ts and a label that says in words what the map shows.
 */
export class DmCoalitionMap extends LitElement {
  static properties = { geometry: { attribute: false }, label: {} };

  static styles = css`
    :host { display: block; max-width: 26rem; }
    svg { display: block; width: 100%; height: auto; overflow: visible; }
    text { font: 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; fill: #1a1a1a; }
    text.number { font-weight: 700; fill: #fff; font-size: 11px; }
    text.name { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    @media print { :host { max-width: 20rem; break-inside: avoid; } }
  `;

  declare geometry: CoalitionMapGeometry | null;
  declare label: string;

  constructor() {
    super();
    this.geometry = null;
    this.label = '';
  }

  render() {
    const g = this.geometry;
    if (!g) return html``;
    return html`<svg viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label=${this.label}>
      ${g.borders.map((b) => svg`<line x1=${b.x1} y1=${b.y1} x2=${b.x2} y2=${b.y2} stroke="#bbb" stroke-width="1" stroke-dasharray="3 2"></line>`)}
      ${g.dots.map(
        (d) => svg`<g data-dot=${d.code} data-group=${d.group ?? ''}>
          ${d.host ? svg`<circle cx=${d.x} cy=${d.y} r=${g.radius + 4} fill="none" stroke=${d.colour} stroke-width="2"></circle>` : ''}
          <circle cx=${d.x} cy=${d.y} r=${g.radius} fill=${d.colour} stroke="#fff" stroke-width="1.5"></circle>
          ${d.group === null ? '' : svg`<text class="number" x=${d.x} y=${d.y + 4} text-anchor="middle">${d.group}</text>`}
          <text class="name" x=${d.anchor === 'start' ? d.x + g.radius + (d.host ? 9 : 5) : d.x - g.radius - (d.host ? 9 : 5)} y=${d.y + 4} text-anchor=${d.anchor}>${d.name}</text>
        </g>`,
      )}
    </svg>`;
  }
}

customElements.define('dm-coalition-map', DmCoalitionMap);
declare global {
  interface HTMLElementTagNameMap {
    'dm-coalition-map': DmCoalitionMap;
  }
}
