import { css, html, LitElement } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import { emit } from '../events.js';
import { type Lang, pick } from '../i18n.js';
import { MAX_COMPARE } from '../state/actions.js';
import { parts } from '../state/app-state.js';

/** Saved scenarios: save under a name, open, rename, duplicate, delete, choose for comparison. A container. */
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
  `;

  private readonly view = new StoreController(this, parts('lang', 'saved', 'compare', 'scenario'));

  render() {
    const s = this.view.value;
    if (!s) return html``;
    const { lang, saved, compare } = s;
    const sv = lang === 'sv';
    const save = (event: Event) => {
      event.preventDefault();
      const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
      const name = input.value.trim() || pick(s.scenario.name, lang);
      emit(this, 'dm-save', { name });
      input.value = '';
    };
    return html`<section aria-labelledby="saved-h">
      <h2 id="saved-h">${sv ? 'Sparade scenarier' : 'Saved scenarios'}</h2>
      ${
        saved.status === 'unavailable'
          ? html`<p class="help" role="status">${
              sv
                ? 'Webbläsaren tillåter inte lagring här (t.ex. privat läge). Använd ”Ladda ner scenario” för att spara.'
                : 'The browser does not allow storage here (e.g. private mode). Use “Download scenario” to keep it.'
            }</p>`
          : html`<form @submit=${save}>
              <label class="visually-hidden" for="save-name" style="position:absolute;left:-9999px">${sv ? 'Namn' : 'Name'}</label>
              <input id="save-name" name="name" type="text" maxlength="120" placeholder=${sv ? 'Namn, t.ex. Värdkommun Vänersborg' : 'Name, e.g. Host Vänersborg'} />
              <button type="submit">${sv ? 'Spara' : 'Save'}</button>
            </form>
            <ul>${saved.items.map((item) => this.item(item.id, item.name, item.savedAt, item.scenario.members.length, compare.includes(item.id), compare.length >= MAX_COMPARE, lang))}</ul>
            ${
              saved.items.length > 1
                ? html`<p class="help">${
                    sv
                      ? `Kryssa i 2–${MAX_COMPARE} scenarier och öppna fliken Jämförelse.`
                      : `Tick 2–${MAX_COMPARE} scenarios and open the Comparison tab.`
                  }</p>`
                : ''
            }`
      }
    </section>`;
  }

  private item(id: string, name: string, savedAt: string, members: number, chosen: boolean, full: boolean, lang: Lang) {
    const sv = lang === 'sv';
    const rename = () => {
      const next = prompt(sv ? 'Nytt namn' : 'New name', name);
      if (next?.trim()) emit(this, 'dm-saved-rename', { id, name: next.trim().slice(0, 120) });
    };
    return html`<li data-saved=${id}>
      <label class="name"><input type="checkbox" .checked=${chosen} ?disabled=${!chosen && full}
        @change=${() => emit(this, 'dm-compare-toggle', { id })} />${name}</label>
      <div class="meta">${members} ${sv ? 'kommuner' : 'municipalities'} · ${new Date(savedAt).toLocaleString(sv ? 'sv-SE' : 'en-GB')}</div>
      <div class="actions">
        <button type="button" data-open @click=${() => emit(this, 'dm-saved-open', { id })}>${sv ? 'Öppna' : 'Open'}</button>
        <button type="button" @click=${rename}>${sv ? 'Byt namn' : 'Rename'}</button>
        <button type="button" @click=${() => emit(this, 'dm-saved-duplicate', { id })}>${sv ? 'Duplicera' : 'Duplicate'}</button>
        <button type="button" @click=${() => {
          if (confirm(sv ? `Ta bort ”${name}”?` : `Delete “${name}”?`)) emit(this, 'dm-saved-delete', { id });
        }}>${sv ? 'Ta bort' : 'Delete'}</button>
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
