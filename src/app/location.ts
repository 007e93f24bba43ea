/**
 * The address bar: the URL-hash format (`#[sammanfattning&|presentation&]s=…`), the link for a scenario,
 * settling the address to the run on screen, opening a link (at startup and on hashchange), copying a link.
 */
import { type Issue, loadModel, type Scenario } from '../engine/index.js';
import { type Lang, t } from '../i18n.js';
import { SCENARIOS } from '../scenarios.js';
import * as actions from '../state/actions.js';
import type { AppState, View } from '../state/app-state.js';
import { describeIssue } from '../state/issue-text.js';
import { decodeScenario, encodeScenario, MAX_LINK_CHARS } from '../state/scenario-link.js';
import type { Store } from '../state/store.js';
import { withinWorkLimit } from '../state/work-limit.js';

/** Links longer than this may be cut by mail programs: suggest the scenario file instead. */
const LONG_LINK_CHARS = 2000;

/** Whether the address holds a scenario (a link reproduces its numbers). */
export const linkInAddress = (): boolean => /[#&]s=/.test(location.hash);

/** Reads and writes the page's address for the app's store. */
export class Address {
  private linkTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly store: Store<AppState>) {}

  /**
   * The address that opens a scenario in the current view, or null when the scenario is too large for a
   * link: the app would refuse to open it, so such a scenario keeps the address it had (the file carries it).
   */
  linkFor(scenario: Scenario, lang: Lang): string | null {
    const payload = encodeScenario(scenario, SCENARIOS, lang);
    if (payload.length > MAX_LINK_CHARS) return null;
    const view = this.store.state.view;
    const prefix = view === 'summary' ? 'sammanfattning&' : view === 'presenter' ? 'presentation&' : '';
    return `${location.origin}${location.pathname}${location.search}#${prefix}s=${payload}`;
  }

  /** Put the current scenario's link (in the current view) in the address bar, if it has one. */
  replace(): void {
    const link = this.linkFor(this.store.state.scenario, this.store.state.lang);
    if (link) history.replaceState(null, '', link);
  }

  /**
   * Put a run's scenario in the address bar in a task of its own: encoding the link and replaceState
   * take ≈ 10 ms that the run's start should not wait for. A later call supersedes a pending one.
   */
  settleLink(scenario: Scenario): void {
    clearTimeout(this.linkTimer);
    this.linkTimer = setTimeout(() => {
      const link = this.linkFor(scenario, this.store.state.lang);
      if (link) history.replaceState(null, '', link);
    });
  }

  /**
   * Open the scenario in the page's link (#s=…), if any, and `start` its run. A link that cannot be opened
   * leaves the current scenario in place and says why, naming the field. Returns whether a run was started.
   */
  openLink(start: () => void): boolean {
    const store = this.store;
    const view: View = location.hash.startsWith('#sammanfattning')
      ? 'summary'
      : location.hash.startsWith('#presentation')
        ? 'presenter'
        : 'workspace';
    if (view !== store.state.view) store.update(actions.setView(view));
    const match = /[#&]s=([^&]*)/.exec(location.hash);
    const { data, lang } = store.state;
    if (!match || data.status !== 'ready') return false;
    const decoded = decodeScenario(match[1], SCENARIOS);
    const issues: Issue[] = decoded.ok
      ? (() => {
          const model = loadModel(decoded.value.scenario, data.municipalities, data.capabilities);
          return model.ok ? [] : model.issues;
        })()
      : decoded.issues;
    if (!decoded.ok || issues.length > 0) {
      const why = describeIssue(issues[0], lang, {
        scenario: decoded.ok ? decoded.value.scenario : undefined,
        municipalities: data.municipalities,
        capabilities: data.capabilities,
      });
      store.update(
        actions.noticeShown({ kind: 'error', text: `${t('linkFailed', lang)}: ${why}. ${t('linkFallback', lang)}` }),
      );
      history.replaceState(null, '', location.pathname + location.search);
      start();
      return true;
    }
    if (decoded.value.lang) {
      store.update(actions.setLang(decoded.value.lang));
      document.documentElement.lang = decoded.value.lang;
    }
    const bounded = withinWorkLimit(decoded.value.scenario, store.state.lang);
    store.update(actions.loadScenario(bounded.scenario));
    if (bounded.message) store.update(actions.noticeShown({ kind: 'info', text: bounded.message }));
    start();
    return true;
  }

  /** Copy the current scenario's link, or show it to copy by hand; too long a link points to the file. */
  async copyLink(): Promise<void> {
    const { scenario, lang } = this.store.state;
    const link = this.linkFor(scenario, lang);
    if (!link) {
      // a link that the app would refuse to open is no link: say so and point to the file
      this.store.update(actions.noticeShown({ kind: 'error', text: t('linkTooLong', lang) }));
      return;
    }
    history.replaceState(null, '', link);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // clipboard refused (no permission, not a secure context): show the link to copy by hand
    }
    const long = link.length > LONG_LINK_CHARS ? ` ${t('linkLong', lang)}` : '';
    this.store.update(
      actions.noticeShown(
        copied
          ? { kind: 'info', text: `${t('linkCopied', lang)}${long}`, link }
          : { kind: 'info', text: `${t('linkNotCopied', lang)}${long}`, link },
      ),
    );
  }
}
