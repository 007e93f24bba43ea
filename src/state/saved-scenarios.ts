/**
 * Saved scenarios in the browser's IndexedDB (through idb-keyval): listing, saving and deleting them, and
 * keeping the entries this version cannot read until the user downloads or deletes them. What an entry is
 * and how it is read and written is in `./saved-entry.ts`; what is said about an unreadable one in
 * `./unreadable-saved.ts` (both re-exported here).
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Text } from '../engine/index.js';
import { readEntry, type SavedScenario, toStored, type UnreadableSaved } from './saved-entry.js';
import { describe } from './unreadable-saved.js';

export {
  EntrySchema,
  type KeyResults,
  KeyResultsSchema,
  keyResults,
  parseEntry,
  type ReadEntry,
  readEntry,
  type SavedScenario,
  toStored,
  type UnreadableSaved,
} from './saved-entry.js';
export { rawText, unreadableFileName } from './unreadable-saved.js';

/**
 * Saved scenarios in the browser's IndexedDB (through idb-keyval). Every call may reject (private mode,
 * quota). Nothing is hidden or deleted without the user: entries that cannot be read are listed with
 * the reason, and stay until the user deletes them.
 */
export class SavedScenarios {
  private readonly store: UseStore;
  /** Where an earlier version moved entries it could not read: still listed, so nothing moved is lost. */
  private readonly asideStore: UseStore;
  /** The unreadable entries of the latest `list()`, by ref. */
  private located = new Map<string, { key: IDBValidKey; store: UseStore }>();

  constructor(database = 'digitala-motorn') {
    this.store = createStore(database, 'scenarios');
    this.asideStore = createStore(`${database}-aside`, 'set-aside');
  }

  /** Every saved scenario, newest first, and the entries that cannot be read (which stay as they are). */
  async list(): Promise<{ items: SavedScenario[]; unreadable: UnreadableSaved[] }> {
    const items: SavedScenario[] = [];
    const unreadable: UnreadableSaved[] = [];
    const located = new Map<string, { key: IDBValidKey; store: UseStore }>();
    const unread = (where: string, key: IDBValidKey, store: UseStore, raw: unknown, reason: Text) => {
      let ref = `${where}:${typeof key}:${String(key)}`;
      if (located.has(ref)) ref = `${ref}#${located.size}`;
      located.set(ref, { key, store });
      unreadable.push({ ref, ...describe(raw), reason });
    };
    for (const [key, value] of await entries(this.store)) {
      const read = readEntry(value);
      if (read.ok) items.push(read.value);
      else unread('saved', key, this.store, value, read.reason);
    }
    // entries that earlier versions set aside: back into the list when this version reads them, else listed
    const aside = await entries(this.asideStore).catch(() => [] as [IDBValidKey, unknown][]);
    for (const [key, value] of aside) {
      const read = readEntry(value);
      if (!read.ok) {
        unread('aside', key, this.asideStore, value, read.reason);
        continue;
      }
      const entry = items.some((x) => x.id === read.value.id) ? { ...read.value, id: newId() } : read.value;
      try {
        await set(entry.id, toStored(entry), this.store);
        await del(key, this.asideStore);
        items.push(entry);
      } catch {
        unread('aside', key, this.asideStore, value, {
          sv: 'Posten kunde inte flyttas tillbaka bland de sparade scenarierna.',
          en: 'The entry could not be moved back among the saved scenarios.',
        });
      }
    }
    this.located = located;
    items.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    unreadable.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
    return { items, unreadable };
  }

  async put(entry: SavedScenario): Promise<void> {
    await set(entry.id, toStored(entry), this.store);
  }

  /**
   * Keep content that cannot be read as it is, under a new key: `list()` then names it among the entries
   * that cannot be read, to download or delete.
   */
  async keepRaw(raw: unknown): Promise<void> {
    await set(newId(), raw, this.store);
  }

  async remove(id: string): Promise<void> {
    await del(id, this.store);
  }

  /** The stored content of an entry that cannot be read (from the latest `list()`), as it is. */
  async raw(ref: string): Promise<unknown> {
    const at = this.located.get(ref);
    if (!at) throw new DOMException(`no entry ${ref}`, 'NotFoundError');
    return get(at.key, at.store);
  }

  /** Delete an entry that cannot be read: only ever on the user's word. */
  async discard(ref: string): Promise<void> {
    const at = this.located.get(ref);
    if (!at) return;
    await del(at.key, at.store);
    this.located.delete(ref);
  }
}

/** A short random id for a saved scenario. */
export const newId = (): string => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
