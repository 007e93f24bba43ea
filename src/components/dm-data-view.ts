import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import type { Capability, Municipality } from '../engine/index.js';
import { formatNumber, formatPercent, GROUP_LABEL, type Lang, pick } from '../i18n.js';
import type { AppState } from '../state/app-state.js';

type Field = {
  key: keyof Municipality & string;
  sv: string;
  en: string;
  format: (m: Municipality, lang: Lang) => string;
};

const MUNICIPALITY_FIELDS: Field[] = [
  {
    key: 'population',
    sv: 'Invånare',
    en: 'Inhabitants',
    format: (m, l) => `${formatNumber(m.population, l)} (${m.populationYear})`,
  },
  {
    key: 'populationGrowth',
    sv: 'Befolkningsförändring per år',
    en: 'Population change per year',
    format: (m, l) => formatPercent(m.populationGrowth, l, 2),
  },
  { key: 'employees', sv: 'Anställda', en: 'Employees', format: (m, l) => formatNumber(m.employees, l) },
  {
    key: 'pupils',
    sv: 'Elever med IT-konto',
    en: 'Pupils with IT accounts',
    format: (m, l) => formatNumber(m.pupils ?? 0, l),
  },
  { key: 'systems', sv: 'Verksamhetssystem', en: 'Business systems', format: (m, l) => formatNumber(m.systems, l) },
  {
    key: 'legacyShare',
    sv: 'Andel äldre system',
    en: 'Share of legacy systems',
    format: (m, l) => formatPercent(m.legacyShare, l),
  },
  {
    key: 'itCost',
    sv: 'IT-kostnad idag',
    en: 'IT cost today',
    format: (m, l) =>
      m.itCost ? `${formatNumber(m.itCost / 1e6, l, 1)} mnkr` : l === 'sv' ? 'saknas (härleds)' : 'missing (derived)',
  },
];

/**
 * The data behind the scenario: the members' profiles and the capability catalogue, every figure with its
 * source or assumption. A container (reads the store), read-only.
 */
export class DmDataView extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.88rem; }
    h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
    .note { color: #444; max-width: 75ch; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
    td.value { white-space: nowrap; font-weight: 600; }
    td.source { color: #444; font-size: 0.8rem; }
    details { border: 1px solid #ddd; border-radius: 6px; margin: 0 0 0.4rem; background: #fff; }
    summary { cursor: pointer; padding: 0.4rem 0.6rem; }
    summary:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    details table { margin: 0 0 0.3rem; }
  `;

  private readonly view = new StoreController(this, (s: AppState) => s);

  render() {
    const s = this.view.value;
    if (!s || s.data.status !== 'ready') return html``;
    const { lang } = s;
    const sv = lang === 'sv';
    const byCode = new Map(s.data.municipalities.map((m) => [m.code, m]));
    const members = s.scenario.members.map((c) => byCode.get(c)).filter((m): m is Municipality => !!m);
    return html`
      <p class="note">${
        sv
          ? 'Alla siffror som scenariot bygger på, med källa eller antagande. ”härlett” betyder uträknat från källor enligt en regel; ”antagande” att ingen källa finns och varför värdet valts.'
          : 'Every figure the scenario rests on, with its source or assumption. “härlett” means derived from sources by a rule; “antagande” that no source exists and why the value was chosen.'
      }</p>
      <h3>${sv ? `Kommunerna i scenariot (${members.length})` : `Municipalities in the scenario (${members.length})`}</h3>
      ${members.map(
        (m) => html`<details data-municipality=${m.code}>
          <summary>${m.name} (${m.code}) – ${formatNumber(m.population, lang)} ${sv ? 'invånare' : 'inhabitants'}</summary>
          <table>
            <thead><tr><th scope="col">${sv ? 'Uppgift' : 'Figure'}</th><th scope="col">${sv ? 'Värde' : 'Value'}</th><th scope="col">${sv ? 'Källa' : 'Source'}</th></tr></thead>
            <tbody>${MUNICIPALITY_FIELDS.map(
              (f) =>
                html`<tr><th scope="row">${sv ? f.sv : f.en}</th><td class="value">${f.format(m, lang)}</td><td class="source">${m.sources[f.key] ?? '–'}</td></tr>`,
            )}</tbody>
          </table>
        </details>`,
      )}
      <h3>${sv ? `Förmågekatalogen (${s.data.capabilities.length} förmågor)` : `Capability catalogue (${s.data.capabilities.length} capabilities)`}</h3>
      ${s.data.capabilities.map((c) => this.capability(c, lang))}
    `;
  }

  private capability(c: Capability, lang: Lang) {
    const sv = lang === 'sv';
    const kind = {
      drift: sv ? 'drift' : 'operations',
      styrning: sv ? 'styrning' : 'governance',
      utveckling: sv ? 'utveckling' : 'development',
    }[c.kind];
    const driver = {
      users: sv ? 'användare' : 'users',
      systems: sv ? 'system' : 'systems',
      inhabitants: sv ? 'invånare' : 'inhabitants',
      fixed: sv ? 'fast' : 'fixed',
    }[c.driver];
    const rows: [string, string, string | undefined][] = [
      [
        sv ? 'Minsta bemanning' : 'Minimum staffing',
        `${formatNumber(c.minFte, lang, 2)} ${sv ? 'åa' : 'FTE'}`,
        c.sources.minFte,
      ],
      [
        sv ? 'Bemanning vid referensvolym' : 'Staffing at reference volume',
        `${formatNumber(c.fteAtRef, lang, 2)} ${sv ? 'åa' : 'FTE'} / ${formatNumber(c.refVolume, lang)} ${driver}`,
        c.sources.fteAtRef,
      ],
      [
        sv ? 'Skalelasticitet β' : 'Scale elasticity β',
        `${formatNumber(c.scale.low, lang, 2)} – ${formatNumber(c.scale.mode, lang, 2)} – ${formatNumber(c.scale.high, lang, 2)}`,
        c.sources.scale,
      ],
      [sv ? 'Övriga kostnader' : 'Non-staff cost', `${formatNumber(c.nonStaffCost, lang)} kr`, c.sources.nonStaffCost],
      [sv ? 'Kan delas' : 'Poolable', c.poolable ? (sv ? 'ja' : 'yes') : sv ? 'nej' : 'no', c.sources.poolable],
      [
        sv ? 'Kan flyttas' : 'Transferable',
        c.transferable ? (sv ? 'ja' : 'yes') : sv ? 'nej' : 'no',
        c.sources.transferable,
      ],
    ];
    return html`<details data-capability=${c.id}>
      <summary>${pick(c.name, lang)} <span class="note">(${pick(GROUP_LABEL[c.group], lang)}, ${kind})</span></summary>
      ${c.description ? html`<p class="note" style="margin:0 0.6rem">${pick(c.description, lang)}</p>` : ''}
      <table><tbody>${rows.map(
        ([label, value, source]) =>
          html`<tr><th scope="row">${label}</th><td class="value">${value}</td><td class="source">${source ?? '–'}</td></tr>`,
      )}</tbody></table>
    </details>`;
  }
}

customElements.define('dm-data-view', DmDataView);
declare global {
  interface HTMLElementTagNameMap {
    'dm-data-view': DmDataView;
  }
}
