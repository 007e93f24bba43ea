import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type Issue, loadModel, type Scenario, type Text } from '../engine/index.js';
import { type Lang, t } from '../i18n.js';
import { DEFAULT_SCENARIO } from '../scenarios.js';
import type { AppState } from '../state/app-state.js';
import { describeIssue } from '../state/issue-text.js';
import { newId, rawText, type SavedScenario, type SavedScenarios } from '../state/saved-scenarios.js';
import type { Store } from '../state/store.js';
import {
  canonical,
  keptName,
  readWork,
  type WorkData,
  type WorkingScenarioStore,
  workEntry,
} from '../state/working-scenario.js';

/** Wait this long after the last change before storing the working scenario. */
export const AUTOSAVE_DEBOUNCE_MS = 500;

/** What the app says about the working scenario (beside its other notices). */
export type WorkNotice =
  /** Restored at startup. */
  | { kind: 'restored' }
  /** A link replaced the latest work, which can be restored. */
  | { kind: 'offer'; scenario: Scenario }
  /** The latest work was replaced and is kept among the saved scenarios under `name`. */
  | { kind: 'kept'; name: string | null; scenario: Scenario | null }
  /** The stored work cannot be used; kept as it is, to download. */
  | { kind: 'unreadable'; issue: Issue | null; reason: Text; raw: unknown; scenario: unknown; kept: boolean }
  /** Storing failed (once per session). */
  | { kind: 'failed'; why: string };

export interface AutosaveOptions {
  store: Store<AppState>;
  /** Whether the working scenario is kept at all (the page opts in; tests mount without it). */
  enabled: () => boolean;
  work: () => WorkingScenarioStore;
  saved: () => SavedScenarios;
  /** Put a scenario on screen and run it, as an edit. */
  open: (scenario: Scenario) => void;
  /** The saved scenarios changed in storage: list them again. */
  savedChanged: () => Promise<void>;
  /** Offer text as a file download. */
  offerFile: (name: string, text: string, type: string) => void;
}

/**
 * Keeps the working scenario in the browser as it changes (500 ms after the last change, and at once when
 * the page is hidden or the app removed), restores it at startup, and makes sure nothing stored is lost:
 *
 * - A link (`#s=`) wins at startup, so that it reproduces its numbers. The latest work, if it differs, is
 *   offered back ("Återställ ditt senaste arbete") and stays stored as it is while the link's scenario is
 *   only looked at.
 * - Once the link's scenario is edited it becomes the working scenario, and the earlier work is moved among
 *   the saved scenarios (named "Tidigare arbete (date)") before it is overwritten. Of the two ways the
 *   brief allowed (keep the autosave until the link is edited, or keep a second "previous" slot) this loses
 *   nothing: the autosave is not touched while the link is only viewed, and when it is, the earlier work
 *   goes where the user already finds, opens, compares and deletes scenarios — rather than to a hidden slot
 *   that the next link would overwrite in turn.
 * - A stored entry this version cannot read never stops the app: the default starts, a message names the
 *   problem and offers the entry as a file; before it would be overwritten it is moved among the saved
 *   scenarios as it is, where it is listed as unreadable, to download or delete (only the user deletes).
 * - A scenario the app rejects (an edit out of bounds) is not stored: the latest valid one stays.
 */
export class WorkAutosave implements ReactiveController {
  notice: WorkNotice | null = null;
  private reading: Promise<unknown> | null = null;
  private armed = false;
  /** The scenario (canonical JSON) stored, or on screen when armed: nothing is written until it changes. */
  private last = '';
  /** Whether `last` is the user's work (stored or restored), not a link or default only looked at. */
  private lastIsWork = false;
  private seen: unknown = null;
  /** What the autosave holds that is not on screen, to keep before the autosave is overwritten. */
  private pending: Pending | null = null;
  private timer?: ReturnType<typeof setTimeout>;
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  private unsubscribe?: () => void;
  private readonly flushNow = () => void this.flush();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: AutosaveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.o.enabled()) return;
    this.reading ??= this.o.work().read();
    this.unsubscribe = this.o.store.subscribe((s) => this.changed(s));
    window.addEventListener('pagehide', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    window.removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.armed) this.flush();
  }

  /**
   * At startup, once the data is loaded: the stored work to put on screen (when the address holds no
   * scenario), or null. Never throws; a missing or refused storage restores nothing.
   */
  async restore(hasLink: boolean, data: WorkData): Promise<Scenario | null> {
    if (!this.reading) return null;
    let raw: unknown;
    try {
      raw = await this.reading;
    } catch {
      return null;
    }
    const found = readWork(raw, data);
    if (found.status === 'none') return null;
    if (found.status === 'unreadable') {
      this.pending = { raw };
      const scenario = (raw as { scenario?: unknown } | null)?.scenario;
      this.notice = { kind: 'unreadable', issue: found.issue, reason: found.reason, raw, scenario, kept: false };
      return null;
    }
    if (hasLink) {
      this.pending = { entry: found.entry };
      return null;
    }
    this.notice = { kind: 'restored' };
    this.lastIsWork = true;
    return found.entry.scenario;
  }

  /** The scenario on screen is settled (restored, or the link's): from now on changes to it are stored. */
  arm(): void {
    if (!this.o.enabled() || this.armed) return;
    const current = canonical(this.o.store.state.scenario);
    if (this.pending && 'entry' in this.pending) {
      if (canonical(this.pending.entry.scenario) === current) {
        this.pending = null;
        this.lastIsWork = true;
      } else this.notice = { kind: 'offer', scenario: this.pending.entry.scenario };
    }
    this.last = current;
    this.seen = this.o.store.state.scenario;
    this.armed = true;
    this.host.requestUpdate();
  }

  /**
   * A link opened while working (the address changed). When what it replaces is the user's work (edited,
   * stored or restored), that work is stored (the autosave's earlier content kept aside first) and offered
   * back; once the link's scenario is edited it is kept among the saved scenarios. A scenario only looked
   * at (an earlier link, the default) is not work: the earlier offer, if any, stands.
   */
  linkOpened(open: () => void): void {
    if (!this.armed) {
      open();
      return;
    }
    const before = this.o.store.state.scenario as Scenario;
    open();
    const after = this.o.store.state.scenario;
    if (canonical(before) === canonical(after)) return;
    clearTimeout(this.timer);
    const edited = canonical(before) !== this.last && loadable(this.o.store.state, before);
    const isWork = edited || this.lastIsWork;
    const aside = this.pending;
    // the work before the link, stored if its latest change was not yet
    if (edited) this.chain = this.chain.then(() => this.store(before, aside).then(() => {}));
    this.last = canonical(after);
    this.lastIsWork = false;
    this.seen = after;
    if (isWork) {
      const entry = workEntry(before);
      this.pending = { entry };
      this.notice = { kind: 'offer', scenario: entry.scenario };
    } else if (this.pending && 'entry' in this.pending)
      this.notice = { kind: 'offer', scenario: this.pending.entry.scenario };
    this.host.requestUpdate();
  }

  private changed(s: AppState): void {
    if (!this.armed || s.scenario === this.seen) return;
    this.seen = s.scenario;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), AUTOSAVE_DEBOUNCE_MS);
  }

  /** Store the working scenario now, if it changed. Resolves when it is stored (or could not be). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.chain = this.chain.then(() => this.write());
    return this.chain;
  }

  private async write(): Promise<void> {
    const state = this.o.store.state;
    const key = canonical(state.scenario);
    if (key === this.last || !loadable(state, state.scenario)) return;
    if (await this.store(state.scenario as Scenario, this.pending)) {
      this.last = key;
      this.lastIsWork = true;
    }
  }

  /** Store `scenario` as the working scenario, keeping `aside` (what the autosave held) first. */
  private async store(scenario: Scenario, aside: Pending | null): Promise<boolean> {
    try {
      if (aside) await this.keepAside(aside);
      await this.o.work().write(workEntry(scenario));
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** Move what the autosave held among the saved scenarios, before it is overwritten. */
  private async keepAside(aside: Pending): Promise<void> {
    let name: string | null = null;
    if ('entry' in aside) {
      name = keptName(new Date(aside.entry.savedAt), this.o.store.state.lang);
      await this.o.saved().put({ ...aside.entry, id: newId(), name });
    } else await this.o.saved().keepRaw(aside.raw);
    if (this.pending === aside) this.pending = null;
    const n = this.notice;
    if (n?.kind === 'offer' && 'entry' in aside && n.scenario === aside.entry.scenario)
      this.notice = { kind: 'kept', name, scenario: n.scenario };
    else if (n?.kind === 'unreadable' && 'raw' in aside) this.notice = { ...n, kept: true };
    this.host.requestUpdate();
    await this.o.savedChanged();
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.notice = { kind: 'failed', why: (error as Error)?.name ?? 'Error' };
    this.host.requestUpdate();
  }

  private close(): void {
    this.notice = null;
    this.host.requestUpdate();
  }

  private restoreLatest(scenario: Scenario): void {
    // the work comes back as it was: nothing left to keep aside for it
    if (this.pending && 'entry' in this.pending && canonical(this.pending.entry.scenario) === canonical(scenario))
      this.pending = null;
    this.o.open(structuredClone(scenario));
    this.notice = { kind: 'restored' };
    this.host.requestUpdate();
  }

  /** The notice about the working scenario, or nothing. */
  render(lang: Lang): TemplateResult | string {
    const n = this.notice;
    if (!n) return '';
    const close = html`<button type="button" @click=${() => this.close()}>${t('close', lang)}</button>`;
    const restore = (scenario: Scenario) =>
      html`<button type="button" data-work-restore @click=${() => this.restoreLatest(scenario)}>${t('restoreYourLatestWork', lang)}</button>`;
    const box = (kind: 'info' | 'error', text: string, ...buttons: unknown[]) =>
      html`<div class=${kind} role=${kind === 'error' ? 'alert' : 'status'} data-notice data-work-notice=${n.kind}>
        <p>${text}</p>
        ${buttons}
      </div>`;
    switch (n.kind) {
      case 'restored': {
        const home = DEFAULT_SCENARIO.name[lang].split(' – ')[0];
        return box(
          'info',
          t('yourLatestWorkHas', lang),
          html`<button type="button" data-work-start-over @click=${() => {
            this.o.open(structuredClone(DEFAULT_SCENARIO));
            this.close();
          }}>${t('startOverFrom', lang, home)}</button>`,
          close,
        );
      }
      case 'offer':
        return box('info', t('theLinkShowsAnother', lang), restore(n.scenario), close);
      case 'kept':
        return box('info', t('yourEarlierWorkIs', lang, n.name), n.scenario ? restore(n.scenario) : '', close);
      case 'unreadable': {
        const why = n.issue ? describeIssue(n.issue, lang, { scenario: n.scenario }) : n.reason[lang];
        const where = n.kept ? t('itIsKeptUnder', lang) : t('itIsKeptIn', lang);
        return box(
          'error',
          t('yourLatestWorkCould', lang, why, where),
          html`<button type="button" data-work-download @click=${() =>
            this.o.offerFile(
              'senaste-arbete.json',
              `${rawText(n.raw)}\n`,
              'application/json',
            )}>${t('downloadLatestWork', lang)}</button>`,
          close,
        );
      }
      case 'failed':
        return box('error', t('yourWorkCouldNot', lang, n.why), close);
    }
  }
}

type Pending = { entry: SavedScenario } | { raw: unknown };

/** Whether a scenario would be run (valid and fitting the data): only such a scenario is stored. */
function loadable(state: AppState, scenario: unknown): boolean {
  if (state.data.status !== 'ready') return false;
  return loadModel(scenario, state.data.municipalities, state.data.capabilities).ok;
}
