import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { type Lang, locale, pick, t } from '../i18n.js';
import { MAX_COMPARE } from '../state/actions.js';
import { parts } from '../state/app-state.js';
import type { SavedScenario, UnreadableSaved } from '../state/saved-scenarios.js';

/**
 * Saved scenarios: save under a name, open, rename, duplicate, delete, choose for comparison; and the
 * stored entries that cannot be read, by name, to download or delete. A container.
 */
export class DmSavedPanel extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.9rem; }
    section { border-bottom: 1px solid #ddd; padding: 0.75rem 0; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    form { display: flex; gap: 0.4rem; }
    input[type='text'] { font: inherit; flex: 1; min-width: 0; }
    button { font: inherit; font-size: 0.8rem; border: 1px solid #888; border-radius: 4px; background: #fff; padding: 0.15rem 0.5rem; cursor: pointer; }
    button:focus-visible, input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    ul { list-style: none; padding: 0; margin: 0.5rem 0 0; }
    li { border: 1px solid #ddd; border-radius: 6px; padding: 0.35rem 0.5rem; margin: 0 0 0.35rem; background: #fff; }
    .name { font-weight: 600; display: flex; gap: 0.4rem; align-items: center; }
    .meta { font-size: 0.75rem; color: #555; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.3rem; }
    .help { font-size: 0.8rem; color: #444; margin: 0.3rem 0 0; }
    h3 { font-size: 0.9rem; margin: 0.75rem 0 0.25rem; }
    .unreadable li { border-color: #b00020; background: #fff8f8; }
    .reason { font-size: 0.8rem; color: #7a0016; margin-top: 0.2rem; }
  `;

  private readonly view = new StoreController(this, parts('lang', 'saved', 'compare', 'scenario'));

  render() {
    const s = this.view.value;
    if (!s) return html``;
    const { lang, saved, compare } = s;
    const save = (event: Event) => {
      event.preventDefault();
      const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
      const name = input.value.trim() || pick(s.scenario.name, lang);
      emit(this, 'dm-save', { name });
      input.value = '';
    };
    return html`<section aria-labelledby="saved-h">
      <h2 id="saved-h">${t('savedScenarios', lang)}</h2>
      ${
        saved.status === 'unavailable'
          ? html`<p class="help" role="status">${t('theBrowserDoesNot', lang)}</p>`
          : html`<form @submit=${save}>
              <label class="visually-hidden" for="save-name" style="position:absolute;left:-9999px">${t('name', lang)}</label>
              <input id="save-name" name="name" type="text" maxlength="120" placeholder=${t('nameEGHost', lang)} />
              <button type="submit">${t('save', lang)}</button>
            </form>
            <ul>${saved.items.map((item) => this.item(item, compare.includes(item.id), compare.length >= MAX_COMPARE, lang))}</ul>
            ${saved.items.length > 1 ? html`<p class="help">${t('tick2ScenariosAnd', lang, MAX_COMPARE)}</p>` : ''}
            ${saved.unreadable.length > 0 ? this.unreadable(saved.unreadable, lang) : ''}`
      }
    </section>`;
  }

  /** Entries that cannot be read: by name, with the reason; download or delete, only on the user's word. */
  private unreadable(entries: UnreadableSaved[], lang: Lang) {
    return html`<section class="unreadable" aria-labelledby="unreadable-h" data-unreadable>
      <h3 id="unreadable-h">${t('cannotBeRead', lang, entries.length)}</h3>
      <p class="help">${t('thisVersionCannotRead', lang)}</p>
      <ul>${entries.map((entry) => {
        const date = entry.savedAt ? new Date(entry.savedAt).toLocaleString(locale(lang)) : null;
        const name = entry.name ?? t('untitledScenario', lang);
        const shown = entry.name ?? (date ? `${name}, ${date}` : name);
        return html`<li data-unreadable-entry=${entry.ref}>
          <div class="name">${shown}</div>
          ${entry.name && date ? html`<div class="meta">${t('saved', lang)} ${date}</div>` : ''}
          <div class="reason">${pick(entry.reason, lang)}</div>
          <div class="actions">
            <button type="button" data-download aria-label=${t('downloadAsAFile', lang, shown)}
              @click=${() => emit(this, 'dm-saved-unreadable-download', { ref: entry.ref })}>${t('downloadAsFile', lang)}</button>
            <button type="button" data-delete aria-label=${t('deleteNamed', lang, shown)} @click=${() => {
              const question = t('deleteForGoodThis', lang, shown);
              if (confirm(question)) emit(this, 'dm-saved-unreadable-delete', { ref: entry.ref });
            }}>${t('deleteButton', lang)}</button>
          </div>
        </li>`;
      })}</ul>
    </section>`;
  }

  private item(item: SavedScenario, chosen: boolean, full: boolean, lang: Lang) {
    const { id, name, savedAt } = item;
    const members = item.scenario.members.length;
    const rename = () => {
      const next = prompt(t('newName', lang), name);
      if (next?.trim()) emit(this, 'dm-saved-rename', { id, name: next.trim().slice(0, 120) });
    };
    return html`<li data-saved=${id}>
      <label class="name"><input type="checkbox" .checked=${chosen} ?disabled=${!chosen && full}
        @change=${() => emit(this, 'dm-compare-toggle', { id })} />${name}</label>
      <div class="meta">${members} ${t('municipalities', lang)} · ${new Date(savedAt).toLocaleString(locale(lang))}${
        item.results ? '' : t('noResultsYet', lang)
      }</div>
      ${item.stored === undefined ? '' : html`<div class="meta" data-newer>${t('holdsFieldsFromA', lang)}</div>`}
      <div class="actions">
        <button type="button" data-open @click=${() => emit(this, 'dm-saved-open', { id })}>${t('open', lang)}</button>
        <button type="button" @click=${rename}>${t('rename', lang)}</button>
        <button type="button" @click=${() => emit(this, 'dm-saved-duplicate', { id })}>${t('duplicate', lang)}</button>
        <button type="button" @click=${() => {
          if (confirm(t('confirmDelete', lang, name))) emit(this, 'dm-saved-delete', { id });
        }}>${t('deleteButton', lang)}</button>
      </div>
    </li>`;
  }
}

customElements.define('dm-saved-panel', DmSavedPanel);
declare global {
  interface HTMLElementTagNameMap {
    'dm-saved-panel': DmSavedPanel;
  }
}
