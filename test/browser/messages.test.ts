import { expect } from '@open-wc/testing';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { until } from './helpers.js';

/** English words of the engine's, valibot's and the link decoder's messages, and field ids. */
const ENGLISH = /\b(fält link|Invalid|Expected|received|is damaged|cut short|must|needs|horizonYears|scenario\.)\b/;

describe('messages about a broken link or file, in Swedish', () => {
  let app: DmApp;
  const mount = () => {
    document.documentElement.lang = 'sv';
    app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    app.store.update(loadScenario({ ...structuredClone(SCENARIOS[1]), runs: 200 }));
    document.body.append(app);
    return app;
  };
  afterEach(() => {
    app?.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('says that a link cut short is damaged, in Swedish, without field ids', async () => {
    const link = encodeScenario({ ...structuredClone(SCENARIOS[1]), horizonYears: 12 }, SCENARIOS, 'sv');
    history.replaceState(null, '', `#s=${link.slice(0, 30)}`);
    mount();
    await until(() => app.store.state.notice?.kind === 'error');
    const text = app.store.state.notice!.text;
    expect(text).to.contain('Länken kunde inte öppnas: Länken är skadad eller avklippt och kan inte läsas.');
    expect(text).not.to.match(ENGLISH);
  });

  it('names the field of a link with an impossible value by its label', async () => {
    const link = encodeScenario({ ...structuredClone(SCENARIOS[1]), horizonYears: 50 }, SCENARIOS, 'sv');
    history.replaceState(null, '', `#s=${link}`);
    mount();
    await until(() => app.store.state.notice?.kind === 'error');
    const text = app.store.state.notice!.text;
    expect(text).to.contain('År framåt: måste vara ett heltal mellan 1 och 30 (nu 50)');
    expect(text).not.to.match(ENGLISH);
  });

  it('names the field of a scenario file with an impossible value by its label', async () => {
    mount();
    await until(() => app.store.state.run.status === 'done');
    const file = new File([JSON.stringify({ ...SCENARIOS[1], horizonYears: 50 })], 'trasig.json');
    app.dispatchEvent(new CustomEvent('dm-scenario-upload', { detail: { file } }));
    await until(() => app.store.state.notice?.kind === 'error');
    const text = app.store.state.notice!.text;
    expect(text).to.contain(
      'Scenariofilen kunde inte öppnas: År framåt: måste vara ett heltal mellan 1 och 30 (nu 50)',
    );
    expect(text).not.to.match(ENGLISH);
  });
});
