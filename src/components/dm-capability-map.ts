import { css, html, LitElement } from 'lit';
import { mapInputs } from '../app/capability-map.js';
import { StoreController } from '../controllers/store-controller.js';
import type { Capability } from '../engine/index.js';
import { emit } from '../events.js';
import { t } from '../i18n.js';
import { type AppState, parts } from '../state/app-state.js';
import { type Weaknesses, weaknesses } from '../state/capability-map.js';
import './dm-capability-grid.js';
import './dm-capability-heatmap.js';
import './dm-map-import.js';

/**
 * The Förmågekarta tab: the example banner, who assessed, the template and import, the grid editor and the
 * shared strengths and weaknesses. A container: it reads the store and hands properties to its leaves.
 */
export class DmCapabilityMap extends LitElement {
  static styles = css`
    :host { display: block; font-size: 1rem; }
    h3 { font-size: 1.15rem; margin: 1.2rem 0 0.4rem; }
    .note { color: #333; max-width: 80ch; }
    .example { border: 3px solid #b35806; background: #fff3e0; color: #5a2d00; font-weight: 700; font-size: 1.1rem; padding: 0.5rem 0.8rem; border-radius: 6px; margin: 0 0 0.8rem; }
    .source { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: center; margin: 0.6rem 0; }
    .source input { font: inherit; flex: 1 1 18rem; max-width: 40rem; padding: 0.25rem 0.4rem; }
    .source input:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    button.clear { font: inherit; font-size: 0.9rem; border: 1px solid #888; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; cursor: pointer; }
    dm-map-import { margin: 0.8rem 0; }
  `;

  private readonly view = new StoreController(this, parts('lang', 'data', 'scenario', 'mapImport'));
  /** The heatmap of the last map, kept while the map and members are the same. */
  private last?: { key: unknown[]; value: Weaknesses };

  render() {
    const s = this.view.value;
    if (s?.data.status !== 'ready') return html``;
    const { lang, scenario } = s;
    const { members, catalogue } = mapInputs(s as AppState);
    const map = scenario.capabilityMap;
    const names = new Map(members.map((m) => [m.code, m.name]));
    const heat = this.weaknesses(s as AppState, members, catalogue);
    return html`
      ${map?.example ? html`<p class="example" role="note" data-map-example>${t('mapExample', lang)}</p>` : ''}
      <p class="note">${t('mapIntro', lang)}</p>
      <div class="source">
        <label for="map-source">${t('mapSource', lang)}</label>
        <input id="map-source" data-map-source .value=${map?.source ?? ''} placeholder=${t('mapSourcePlaceholder', lang)}
          @change=${(e: Event) => emit(this, 'dm-map-source-change', { source: (e.target as HTMLInputElement).value })} />
        ${
          map
            ? html`<button type="button" class="clear" data-map-clear @click=${() => {
                if (confirm(t('mapClearConfirm', lang))) emit(this, 'dm-map-clear', {});
              }}>${t('mapClear', lang)}</button>`
            : ''
        }
      </div>
      <dm-map-import .lang=${lang} .members=${members} .preview=${s.mapImport}></dm-map-import>
      <h3>${t('mapEditorHeading', lang)}</h3>
      <p class="note">${t('mapLegend', lang)}</p>
      <dm-capability-grid .lang=${lang} .members=${members} .catalogue=${catalogue} .map=${map}></dm-capability-grid>
      <h3 id="heat-h">${t('mapHeatmapHeading', lang)}</h3>
      ${
        heat.assessed.length > 0
          ? html`<p class="note">${t('mapHeatmapIntro', lang)}</p>
            <dm-capability-heatmap .lang=${lang} .weaknesses=${heat} .names=${names}></dm-capability-heatmap>`
          : html`<p class="note" data-map-empty>${t('mapEmpty', lang)}</p>`
      }
    `;
  }

  private weaknesses(s: AppState, members: { code: string }[], catalogue: Capability[]): Weaknesses {
    const key = [s.scenario.capabilityMap, s.scenario.members, s.data, s.scenario.capabilities];
    if (this.last?.key.every((k, i) => k === key[i])) return this.last.value;
    const value = weaknesses(
      s.scenario.capabilityMap,
      members.map((m) => m.code),
      catalogue,
    );
    this.last = { key, value };
    return value;
  }
}

customElements.define('dm-capability-map', DmCapabilityMap);
declare global {
  interface HTMLElementTagNameMap {
    'dm-capability-map': DmCapabilityMap;
  }
}
