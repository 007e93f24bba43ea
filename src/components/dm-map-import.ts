import { css, html, LitElement } from 'lit';
import { emit } from '../events.js';
import { type Lang, t } from '../i18n.js';
import type { AppState } from '../state/app-state.js';
import { fill, problemText } from '../state/map-text.js';

/** How many problems are listed at most; the rest are counted. */
const MAX_LISTED = 50;

/**
 * The capability map's template and import: download the template (all members, or one kommun), pick or drop
 * filled templates (several at once), and the preview of what they would change, applied only on Apply.
 * A leaf: it renders its properties and emits the `dm-map-…` intents.
 */
export class DmMapImport extends LitElement {
  static styles = css`
    :host { display: block; border: 1px dashed #888; border-radius: 8px; padding: 0.6rem 0.9rem; background: #fff; }
    :host([dragging]) { border-color: #1f6feb; background: #eef4ff; }
    h3 { font-size: 1.05rem; margin: 0 0 0.3rem; }
    .note { font-size: 0.9rem; color: #333; max-width: 80ch; margin: 0.2rem 0 0.5rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    button, select, .file { font: inherit; font-size: 0.95rem; border: 1px solid #888; border-radius: 4px; background: #fff; padding: 0.25rem 0.6rem; }
    button { cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .file input { display: block; font-size: 0.8rem; margin-top: 0.2rem; max-width: 100%; }
    .preview { background: #eef6ee; border: 1px solid #2e7d32; border-radius: 6px; padding: 0.5rem 0.8rem; margin-top: 0.6rem; }
    .problems { background: #fff4f4; border: 1px solid #b00020; border-radius: 6px; padding: 0.5rem 0.8rem; color: #7a0016; margin-top: 0.6rem; }
    ul { margin: 0.3rem 0; padding-left: 1.3rem; }
    button[data-map-apply] { background: #12355b; color: #fff; border-color: #12355b; }
  `;

  static properties = {
    lang: { attribute: false },
    members: { attribute: false },
    preview: { attribute: false },
  };

  declare lang: Lang;
  declare members: { code: string; name: string }[];
  declare preview: AppState['mapImport'];

  constructor() {
    super();
    this.lang = 'sv';
    this.members = [];
    this.preview = null;
    this.addEventListener('dragover', (e) => {
      e.preventDefault();
      this.toggleAttribute('dragging', true);
    });
    this.addEventListener('dragleave', () => this.toggleAttribute('dragging', false));
    this.addEventListener('drop', (e) => {
      e.preventDefault();
      this.toggleAttribute('dragging', false);
      this.pick(e.dataTransfer?.files);
    });
  }

  private pick(list: FileList | null | undefined): void {
    const files = [...(list ?? [])];
    if (files.length > 0) emit(this, 'dm-map-import', { files });
  }

  render() {
    const { lang } = this;
    return html`<h3 id="map-import-h">${t('mapTemplateHeading', lang)}</h3>
      <p class="note">${t('mapTemplateIntro', lang)}</p>
      <div class="buttons">
        <button type="button" data-map-template @click=${() => emit(this, 'dm-map-template', {})}>${t('mapTemplateAll', lang)}</button>
        <label>${t('mapTemplateOne', lang)}
          <select data-map-template-one @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value) emit(this, 'dm-map-template', { code: select.value });
            select.value = '';
          }}>
            <option value="">${t('mapTemplateChoose', lang)}</option>
            ${this.members.map((m) => html`<option value=${m.code}>${m.name}</option>`)}
          </select></label>
        <label class="file">${t('mapImportFiles', lang)} <span class="note">(${t('mapDrop', lang)})</span>
          <input type="file" multiple accept=".csv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-map-file @change=${(
            e: Event,
          ) => {
            const input = e.target as HTMLInputElement;
            this.pick(input.files);
            input.value = '';
          }} /></label>
      </div>
      ${this.previewPart()}`;
  }

  private problemList(withFile: boolean) {
    const problems = this.preview?.problems ?? [];
    const more = problems.length - MAX_LISTED;
    return html`<ul>${problems.slice(0, MAX_LISTED).map((p) => html`<li>${problemText(p, this.lang, withFile)}</li>`)}</ul>
      ${more > 0 ? html`<p>${fill('mapMore', this.lang, { n: more })}</p>` : ''}`;
  }

  private previewPart() {
    const p = this.preview;
    const { lang } = this;
    if (!p) return '';
    // a refused file is always named; in a preview, files are named when there are several
    const withFile = p.files.length > 1;
    const cancel = html`<button type="button" data-map-cancel @click=${() => emit(this, 'dm-map-import-cancel', {})}>${t('mapCancel', lang)}</button>`;
    if (!p.imported || !p.changes) {
      return html`<div class="problems" role="alert" data-map-refused>
        <strong>${t('mapRefused', lang)}</strong>${this.problemList(true)}${cancel}</div>`;
    }
    const names = new Map(this.members.map((m) => [m.code, m.name]));
    const changing = p.changes.some((c) => c.added + c.changed + c.removed > 0);
    const rows = new Set(p.problems.map((x) => `${x.file}|${x.row}`)).size;
    return html`<div class="preview" role="status" data-map-preview>
      <strong>${fill('mapPreviewTitle', lang, { files: p.files.join(', ') })}</strong>
      ${
        changing
          ? html`<ul>${p.changes.map(
              (c) =>
                html`<li data-map-change=${c.code}>${fill('mapPreviewRow', lang, { ...c, name: names.get(c.code) ?? c.code })}</li>`,
            )}</ul>
            <p class="note">${t('mapPreviewRule', lang)}</p>`
          : html`<p>${t('mapPreviewNone', lang)}</p>`
      }
      ${
        p.problems.length > 0
          ? html`<div class="problems" data-map-problems><strong>${fill('mapPreviewProblems', lang, { n: rows })}</strong>${this.problemList(withFile)}</div>`
          : ''
      }
      <div class="buttons">
        <button type="button" data-map-apply ?disabled=${!changing} @click=${() => emit(this, 'dm-map-import-apply', {})}>${t('mapApply', lang)}</button>
        ${cancel}
      </div>
    </div>`;
  }
}

customElements.define('dm-map-import', DmMapImport);
declare global {
  interface HTMLElementTagNameMap {
    'dm-map-import': DmMapImport;
  }
}
