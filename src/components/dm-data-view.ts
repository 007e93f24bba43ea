import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import type { Capability, Municipality } from '../engine/index.js';
import { emit } from '../events.js';
import { formatNumber, formatPercent, GROUP_LABEL, type Lang, pick, type StringKey, t } from '../i18n.js';
import { CAPABILITY_FIELD_TEXT, type FieldText, formatFieldValue, PROFILE_FIELD_TEXT } from '../import/labels.js';
import { type AppState, type ImportProblem, parts } from '../state/app-state.js';

type Field = {
  key: keyof Municipality & string;
  label: StringKey;
  format: (m: Municipality, lang: Lang) => string;
  /** What the model does when the profile has no figure (and so no source) of its own. */
  derived?: StringKey;
};

const MUNICIPALITY_FIELDS: Field[] = [
  {
    key: 'population',
    label: 'fieldPopulation',
    format: (m, l) => `${formatNumber(m.population, l)} (${m.populationYear})`,
  },
  {
    key: 'populationGrowth',
    label: 'fieldPopulationGrowth',
    format: (m, l) => formatPercent(m.populationGrowth, l, 2),
  },
  { key: 'employees', label: 'fieldEmployees', format: (m, l) => formatNumber(m.employees, l) },
  {
    key: 'pupils',
    label: 'fieldPupils',
    format: (m, l) => formatNumber(m.pupils ?? 0, l),
  },
  { key: 'systems', label: 'fieldSystems', format: (m, l) => formatNumber(m.systems, l) },
  {
    key: 'legacyShare',
    label: 'fieldLegacyShare',
    format: (m, l) => formatPercent(m.legacyShare, l),
  },
  {
    key: 'itCost',
    label: 'fieldItCost',
    format: (m, l) => (m.itCost ? `${formatNumber(m.itCost / 1e6, l, 1)} mnkr` : t('missingDerived', l)),
  },
  {
    key: 'itStaff',
    label: 'fieldItStaff',
    format: (m, l) =>
      m.itStaff === null || m.itStaff === undefined
        ? t('missingDerived', l)
        : `${formatNumber(m.itStaff, l, 1)} ${t('fte', l)}`,
    derived: 'itStaffDerivedSource',
  },
];

/**
 * The data behind the scenario: the members' profiles and the capability catalogue, every figure with its
 * source or assumption. A container (reads the store), read-only.
 */
export class DmDataView extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.88rem; container-type: inline-size; }
    h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
    .note { color: #444; max-width: 75ch; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
    td.value { white-space: nowrap; font-weight: 600; }
    td.source { color: #444; font-size: 0.8rem; overflow-wrap: anywhere; }
    details { border: 1px solid #ddd; border-radius: 6px; margin: 0 0 0.4rem; background: #fff; }
    summary { cursor: pointer; padding: 0.4rem 0.6rem; }
    summary:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    details table { margin: 0 0 0.3rem; }
    .import { border: 1px dashed #888; border-radius: 8px; padding: 0.6rem 0.9rem; margin-bottom: 1rem; background: #fff; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.4rem 0; }
    .buttons button, .file { font: inherit; font-size: 0.85rem; border: 1px solid #888; border-radius: 4px; background: #fff; padding: 0.2rem 0.6rem; cursor: pointer; }
    .buttons button:focus-visible, .file input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .file input { display: block; font-size: 0.75rem; margin-top: 0.2rem; }
    .problems { background: #fff4f4; border: 1px solid #b00020; border-radius: 6px; padding: 0.5rem 0.8rem; color: #7a0016; }
    .preview .problems { margin: 0.5rem 0; }
    td.number { white-space: nowrap; }
    .preview { background: #eef6ee; border: 1px solid #2e7d32; border-radius: 6px; padding: 0.5rem 0.8rem; }
    .table-wrap { max-height: 320px; overflow: auto; }
    fieldset.what { border: none; padding: 0; margin: 0.3rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
    fieldset.what legend { font-weight: 600; margin-bottom: 0.2rem; }
    input.edit { width: 9rem; max-width: 100%; box-sizing: border-box; margin-left: 0.6rem; font: inherit; font-size: 0.8rem; }
    .cap-edit { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0.3rem 0.6rem; font-size: 0.8rem; }
    .cap-edit input[type='number'] { width: 7rem; margin-left: 0.3rem; font: inherit; }
    /* narrow (phone, high zoom): a figure's name, value and source one under the other, and the edit
       field below the value where both do not fit on one line */
    @container (max-width: 720px) {
      details table, details tbody, details tr, details th, details td { display: block; }
      td.value { white-space: normal; }
      td.value > span { white-space: nowrap; }
      details thead { display: none; }
      details tr { border-bottom: 1px solid #ddd; padding: 0.2rem 0; }
      details th, details td { border: none; padding: 0.1rem 0.6rem; }
      input.edit { margin: 0.2rem 0 0.2rem 0.6rem; }
    }
  `;

  static properties = { importWhat: { state: true } };
  /** How many problems of a file are listed at most; the rest are counted. */
  static readonly MAX_LISTED = 50;
  declare importWhat: 'municipalities' | 'capabilities';
  private readonly view = new StoreController(this, parts('lang', 'data', 'importPreview', 'scenario'));

  constructor() {
    super();
    this.importWhat = 'municipalities';
  }

  render() {
    const s = this.view.value;
    if (!s || s.data.status !== 'ready') return html``;
    const { lang } = s;
    const byCode = new Map(s.data.municipalities.map((m) => [m.code, m]));
    for (const p of s.scenario.profiles ?? []) byCode.set(p.code, p);
    const ownCapabilities = new Map((s.scenario.capabilities ?? []).map((c) => [c.id, c]));
    const members = s.scenario.members.map((c) => byCode.get(c)).filter((m): m is Municipality => !!m);
    // which capabilities the kommun assessed itself, and which the model derives from its budget (§14)
    const mapState = (code: string) => {
      const cells = Object.keys(s.scenario.capabilityMap?.members[code] ?? {}).length;
      return cells === 0
        ? t('mapNoneDerived', lang)
        : t('mapAssessed', lang, cells, s.data.status === 'ready' ? s.data.capabilities.length : cells);
    };
    return html`
      ${this.importer(s)}
      <p class="note">${t('everyFigureTheScenario', lang)}</p>
      <h3>${t('municipalitiesInTheScenario', lang, members.length)}</h3>
      ${members.map(
        (m) => html`<details data-municipality=${m.code}>
          <summary>${m.name} (${m.code}) – ${formatNumber(m.population, lang)} ${t('inhabitants', lang)} · ${mapState(m.code)}</summary>
          <table>
            <thead><tr><th scope="col">${t('figure', lang)}</th><th scope="col">${t('value', lang)}</th><th scope="col">${t('source', lang)}</th></tr></thead>
            <tbody>${MUNICIPALITY_FIELDS.map(
              (f) =>
                html`<tr><th scope="row">${t(f.label, lang)}</th><td class="value"><span>${f.format(m, lang)}</span>
                  ${
                    f.key === 'populationGrowth' || f.key === 'populationYear'
                      ? ''
                      : html`<input class="edit" type="number" step="any" min="0" data-edit=${`${m.code}.${f.key}`}
                          aria-label=${`${m.name}: ${t(f.label, lang)} (${t('edit', lang)})`}
                          .value=${m[f.key] === null || m[f.key] === undefined ? '' : String(m[f.key])}
                          @change=${(e: Event) => {
                            const raw = (e.target as HTMLInputElement).value.trim().replace(',', '.');
                            emit(this, 'dm-profile-edit', {
                              code: m.code,
                              field: f.key,
                              value: raw === '' ? null : Number(raw),
                            });
                          }} />`
                  }</td><td class="source">${m.sources[f.key] ?? (f.derived ? t(f.derived, lang) : '–')}</td></tr>`,
            )}</tbody>
          </table>
        </details>`,
      )}
      <h3>${t('capabilityCatalogueCapabilities', lang, s.data.capabilities.length)}</h3>
      ${s.data.capabilities.map((c) => this.capability(ownCapabilities.get(c.id) ?? c, lang))}
    `;
  }

  /** Import of municipality figures: templates, file picker and drop zone, and the preview before applying. */
  private importer(s: Pick<AppState, 'lang' | 'importPreview' | 'scenario' | 'data'>) {
    const lang = s.lang;
    const preview = s.importPreview;
    const what = this.importWhat;
    const pickFile = (file: File | undefined) => {
      if (file) emit(this, 'dm-data-import', { file, what });
    };
    const imported = s.scenario.profiles?.length ?? 0;
    return html`<section class="import" aria-labelledby="import-h"
      @dragover=${(e: DragEvent) => e.preventDefault()}
      @drop=${(e: DragEvent) => {
        e.preventDefault();
        pickFile(e.dataTransfer?.files[0]);
      }}>
      <h3 id="import-h">${t('yourOwnFigures', s.lang)}</h3>
      <p class="note">${t('downloadTheTemplateFill', s.lang)}</p>
      <fieldset class="what">
        <legend>${t('whatDoYouWant', s.lang)}</legend>
        <label><input type="radio" name="what" value="municipalities" .checked=${what === 'municipalities'}
          @change=${() => {
            this.importWhat = 'municipalities';
          }} /> ${t('municipalitiesFigures', s.lang)}</label>
        <label><input type="radio" name="what" value="capabilities" data-what-capabilities .checked=${what === 'capabilities'}
          @change=${() => {
            this.importWhat = 'capabilities';
          }} /> ${t('capabilitiesStaffingAndCosts', s.lang)}</label>
      </fieldset>
      <div class="buttons">
        <button type="button" @click=${() => emit(this, 'dm-data-template', { format: 'csv', what })}>${t('templateCsvForExcel', s.lang)}</button>
        <button type="button" @click=${() => emit(this, 'dm-data-template', { format: 'json', what })}>${t('templateJson', s.lang)}</button>
        <label class="file">${t('importFileCsvOr', s.lang)}
          <input type="file" accept=".csv,.json,.txt,text/csv,application/json" data-import-file @change=${(
            e: Event,
          ) => {
            const input = e.target as HTMLInputElement;
            pickFile(input.files?.[0]);
            input.value = '';
          }} /></label>
        ${
          imported > 0
            ? html`<button type="button" @click=${() => emit(this, 'dm-data-reset', {})}>${t('resetMunicipalitiesWithOwn', s.lang, imported)}</button>`
            : ''
        }
      </div>
      ${preview && !('changes' in preview) && preview.applied === undefined ? this.refused(preview, lang) : ''}
      ${preview && !('changes' in preview) && preview.applied !== undefined ? this.leftOut(preview, lang) : ''}
      ${preview && 'changes' in preview ? this.preview(preview, s.lang, s.data) : ''}
    </section>`;
  }

  /** A list of a file's problems, at most {@link DmDataView.MAX_LISTED}, the rest counted. */
  private problemList(problems: ImportProblem[], lang: Lang) {
    const more = problems.length - DmDataView.MAX_LISTED;
    return html`<ul>${problems.slice(0, DmDataView.MAX_LISTED).map((p) => html`<li>${p.message}</li>`)}</ul>
      ${more > 0 ? html`<p>${t('andMore', lang, more)}</p>` : ''}`;
  }

  /** A file of which nothing can be applied: every problem, and nothing changed. */
  private refused(preview: { file: string; problems: ImportProblem[] }, lang: Lang) {
    return html`<div class="problems" role="alert" data-import-problems>
      <strong>${t('couldNotBeImported', lang, preview.file)}</strong>
      ${this.problemList(preview.problems, lang)}
      <button type="button" @click=${() => emit(this, 'dm-data-import-cancel', {})}>${t('close', lang)}</button>
    </div>`;
  }

  /** After the valid rows of a file were applied: the rows left out stay listed, to be corrected in the file. */
  private leftOut(preview: { file: string; problems: ImportProblem[]; applied?: number }, lang: Lang) {
    const rows = rowCount(preview.problems);
    return html`<div class="problems" role="status" data-import-skipped data-import-applied>
      <strong>${t('importAppliedRowsLeftOut', lang, preview.file, preview.applied ?? 0, rows)}</strong>
      ${this.problemList(preview.problems, lang)}
      <button type="button" @click=${() => emit(this, 'dm-data-import-cancel', {})}>${t('close', lang)}</button>
    </div>`;
  }

  /**
   * The changes a file would make, each figure by its label and in the language's numbers
   * (`IT-kostnad – 14 500 000,5 kr`), with the rows left out and why; nothing is applied before Apply.
   */
  private preview(
    preview: Exclude<AppState['importPreview'], null | { applied?: number; problems: ImportProblem[]; file: string }>,
    lang: Lang,
    data: AppState['data'],
  ) {
    const problems = preview.problems ?? [];
    const capabilities = 'capabilities' in preview;
    const catalogue = data.status === 'ready' ? data.capabilities : [];
    const text = (field: string): FieldText | undefined =>
      (capabilities ? CAPABILITY_FIELD_TEXT : PROFILE_FIELD_TEXT)[field as keyof object] as FieldText | undefined;
    const name = (c: (typeof preview.changes)[number]): string => {
      if (!('id' in c)) return c.name;
      const found = catalogue.find((x) => x.id === c.id);
      return found ? pick(found.name, lang) : c.name;
    };
    const value = (field: string, x: unknown): string => {
      const t = text(field);
      const shown =
        typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined ? (x ?? null) : String(x);
      return t ? formatFieldValue(t, shown, lang) : String(shown ?? '–');
    };
    const n = preview.changes.length;
    const rows = rowCount(problems);
    return html`<div class="preview" role="status" data-import-preview>
      <strong>${t('changes', lang, preview.file, n)}</strong>
      ${
        n > 0
          ? html`<div class="table-wrap" tabindex="0"><table>
              <thead><tr><th scope="col">${capabilities ? t('capability', lang) : t('municipality', lang)}</th><th scope="col">${t('figure', lang)}</th>
                <th scope="col">${t('from', lang)}</th><th scope="col">${t('to', lang)}</th></tr></thead>
              <tbody>${preview.changes
                .slice(0, 200)
                .map(
                  (c) =>
                    html`<tr data-change-row=${c.field}><td>${name(c)}</td><td>${text(c.field)?.label[lang] ?? c.field}</td><td class="number">${value(c.field, c.from)}</td><td class="number">${value(c.field, c.to)}</td></tr>`,
                )}</tbody>
            </table></div>`
          : html`<p>${t('theValidRowsChange', lang)}</p>`
      }
      ${
        problems.length > 0
          ? html`<div class="problems" data-import-skipped>
              <strong>${t('rowsLeftOutOthersApply', lang, rows)}</strong>
              ${this.problemList(problems, lang)}
            </div>`
          : ''
      }
      <div class="buttons">
        <button type="button" data-import-apply ?disabled=${n === 0} @click=${() => emit(this, 'dm-data-import-apply', {})}>${
          problems.length > 0 ? t('applyTheValidRows', lang) : t('apply', lang)
        }</button>
        <button type="button" @click=${() => emit(this, 'dm-data-import-cancel', {})}>${t('cancel', lang)}</button>
      </div>
    </div>`;
  }

  private capability(c: Capability, lang: Lang) {
    const kind = {
      drift: t('operations', lang),
      styrning: t('governance', lang),
      utveckling: t('development', lang),
    }[c.kind];
    const driver = {
      users: t('users', lang),
      systems: t('systems', lang),
      inhabitants: t('inhabitants', lang),
      fixed: t('fixed', lang),
    }[c.driver];
    const rows: [string, string, string | undefined][] = [
      [t('minimumStaffing', lang), `${formatNumber(c.minFte, lang, 2)} ${t('fte', lang)}`, c.sources.minFte],
      [
        t('staffingAtReferenceVolume', lang),
        `${formatNumber(c.fteAtRef, lang, 2)} ${t('fte', lang)} / ${formatNumber(c.refVolume, lang)} ${driver}`,
        c.sources.fteAtRef,
      ],
      [
        t('scaleElasticity', lang),
        `${formatNumber(c.scale.low, lang, 2)} – ${formatNumber(c.scale.mode, lang, 2)} – ${formatNumber(c.scale.high, lang, 2)}`,
        c.sources.scale,
      ],
      [t('nonStaffCost', lang), `${formatNumber(c.nonStaffCost, lang)} kr`, c.sources.nonStaffCost],
      [t('poolable', lang), c.poolable ? t('yes', lang) : t('no', lang), c.sources.poolable],
      [t('transferable', lang), c.transferable ? t('yes', lang) : t('no', lang), c.sources.transferable],
    ];
    return html`<details data-capability=${c.id}>
      <summary>${pick(c.name, lang)} <span class="note">(${pick(GROUP_LABEL[c.group], lang)}, ${kind})</span></summary>
      ${c.description ? html`<p class="note" style="margin:0 0.6rem">${pick(c.description, lang)}</p>` : ''}
      <div class="cap-edit">
        ${(['minFte', 'fteAtRef', 'nonStaffCost'] as const).map(
          (
            field,
          ) => html`<label>${field === 'minFte' ? t('minimumStaffing', lang) : field === 'fteAtRef' ? t('staffingAtReferenceVolume', lang) : t('nonStaffCostSek', lang)}
            <input type="number" step="any" min="0" data-cap-edit=${`${c.id}.${field}`} .value=${String(c[field])}
              @change=${(e: Event) => {
                const value = Number((e.target as HTMLInputElement).value.replace(',', '.'));
                emit(this, 'dm-capability-edit', { id: c.id, field, value });
              }} /></label>`,
        )}
        ${(['poolable', 'transferable'] as const).map(
          (field) => html`<label><input type="checkbox" .checked=${c[field]}
            @change=${(e: Event) => emit(this, 'dm-capability-edit', { id: c.id, field, value: (e.target as HTMLInputElement).checked })} />
            ${field === 'poolable' ? t('poolable', lang) : t('transferable', lang)}</label>`,
        )}
      </div>
      <table><tbody>${rows.map(
        ([label, value, source]) =>
          html`<tr><th scope="row">${label}</th><td class="value">${value}</td><td class="source">${source ?? '–'}</td></tr>`,
      )}</tbody></table>
    </details>`;
  }
}

/** How many rows of a file have problems (problems about the whole file count as one). */
const rowCount = (problems: ImportProblem[]): number => new Set(problems.map((p) => p.row)).size;

customElements.define('dm-data-view', DmDataView);
declare global {
  interface HTMLElementTagNameMap {
    'dm-data-view': DmDataView;
  }
}
