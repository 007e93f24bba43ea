import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';
import { shadow, until } from './helpers.js';

/** Storage as in a private window or with a full disk: every call fails. */
class NoStorage extends SavedScenarios {
  override async list(): Promise<never> {
    throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
  }
  override async put(): Promise<never> {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  }
}

function mount(saved?: SavedScenarios): DmApp {
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  if (saved) app.savedScenarios = saved;
  app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs: 200 }));
  document.body.append(app);
  return app;
}

describe('trust', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
  });

  it('works without browser storage (private mode, quota) and says so', async () => {
    const app = mount(new NoStorage(`none-${Date.now()}`));
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'unavailable');
    const panel = shadow(shadow(app)!.querySelector('dm-saved-panel'))!;
    await until(() => !!panel.querySelector('[role="status"]'));
    expect(panel.querySelector('[role="status"]')!.textContent).to.contain('privat läge');
    // a save that hits the quota gives a message, and the app keeps working
    app.store.update((d) => {
      d.saved.status = 'ready';
    });
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'x' } }));
    await until(() => app.store.state.notice?.kind === 'error');
    expect(app.store.state.notice!.text).to.contain('QuotaExceededError');
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 300 } }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.results?.runsDone === 300);
  });

  it('keeps what was saved when the page is reloaded in the middle of a run', async () => {
    const db = `reload-${Date.now()}`;
    const app = mount(new SavedScenarios(db));
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready');
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Före omladdning' } }));
    await until(() => app.store.state.saved.items.length === 1);
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 20000 } }));
    await until(() => app.store.state.run.status === 'running' && app.store.state.run.done > 0);
    app.remove(); // the page goes away mid-run
    const again = mount(new SavedScenarios(db));
    await until(() => again.store.state.saved.status === 'ready');
    expect(again.store.state.saved.items.map((x) => x.name)).to.deep.equal(['Före omladdning']);
  });

  it('is operable by keyboard: arrow keys move between result tabs with a visible focus', async () => {
    const app = mount();
    await until(() => app.store.state.run.status === 'done');
    const results = shadow(shadow(app)!.querySelector('dm-results'))!;
    await until(() => !!results.querySelector('#tab-kostnad'));
    (results.querySelector('#tab-kostnad') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => app.store.state.tab === 'kapacitet');
    await until(() => results.activeElement?.id === 'tab-kapacitet');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => app.store.state.tab === 'kostnad');
    const focused = results.activeElement as HTMLElement;
    await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
    expect(getComputedStyle(focused).outlineStyle).to.not.equal('none');
  });
});

describe('keyboard', () => {
  let app: DmApp;
  afterEach(() => app.remove());
  /** The element that has focus, looking into shadow roots. */
  const focused = (): Element | null => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el;
  };

  it('reaches the results with the first Tab and Enter, past the header and the scenario panel', async () => {
    app = mount();
    await until(() => app.store.state.run.status === 'done');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.hasAttribute('data-skip')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(focused()?.id).to.equal('results');
  });

  it('says beside the field why an out-of-range entry is not used, and keeps the scenario as it was', async () => {
    app = mount();
    await until(() => app.store.state.run.status === 'done');
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    const enter = async (id: string, value: string) => {
      const input = panel.querySelector(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await until(() => !!panel.querySelector(`[data-field-issue="${id}"]`));
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      return panel.querySelector(`[data-field-issue="${id}"]`)!.textContent!;
    };
    expect(await enter('horizon', '50')).to.contain('1 till 30');
    expect(await enter('seed', '-5')).to.contain('heltal');
    expect(app.store.state.scenario.horizonYears).to.equal(10);
    expect(app.store.state.scenario.seed).to.equal(SCENARIOS[0].seed);
  });

  it('keeps focus on the next remove button when a member is removed with Enter', async () => {
    app = mount();
    await until(() => app.store.state.run.status === 'done');
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    const buttons = () => [...panel.querySelectorAll<HTMLButtonElement>('[data-remove-member]')];
    const second = buttons()[1];
    second.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => app.store.state.scenario.members.length === 13);
    await app.updateComplete;
    await until(() => focused()?.hasAttribute('data-remove-member') ?? false);
    // the button now in second place: the member after the removed one
    expect(focused()).to.equal(buttons()[1]);
  });
});
