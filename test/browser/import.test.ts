import { expect } from '@open-wc/testing';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { shadow, until } from './helpers.js';

describe('importing own figures', () => {
  let app: DmApp;
  beforeEach(async () => {
    app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    app.store.update(loadScenario({ ...structuredClone(SCENARIOS[1]), runs: 300 }));
    document.body.append(app);
    await until(() => app.store.state.run.status === 'done');
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'data' } }));
  });
  afterEach(() => {
    app.remove();
    // the address carries the scenario, imported figures included: the next test starts from none
    history.replaceState(null, '', location.pathname);
  });

  const view = () => shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-data-view'))!;

  it('previews a Swedish Excel CSV, applies it on request and reruns with the new figures', async () => {
    const csv = '\uFEFFkommunkod;IT-kostnad;system\r\n1438;12 500 000;95\r\n1460;21 000 000,5;\r\n';
    app.dispatchEvent(new CustomEvent('dm-data-import', { detail: { file: new File([csv], 'egna.csv') } }));
    await until(() => !!view()?.querySelector('[data-import-preview]'));
    // nothing is applied before the user says so
    expect(app.store.state.scenario.profiles).to.equal(undefined);
    const rows = view().querySelectorAll('[data-import-preview] tbody tr');
    expect(rows.length).to.equal(3);
    (view().querySelector('[data-import-apply]') as HTMLButtonElement).click();
    await until(() => (app.store.state.scenario.profiles?.length ?? 0) === 2);
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.id > 1);
    const dalsEd = app.store.state.scenario.profiles!.find((p) => p.code === '1438')!;
    expect(dalsEd.itCost).to.equal(12_500_000);
    expect(dalsEd.systems).to.equal(95);
    // the status quo budget of Dals-Ed is now its own IT cost
    const budget = app.store.state.run.results!.paths['status-quo'].municipalities.find((m) => m.code === '1438')!
      .years[0].budget;
    expect(budget).to.equal(12_500_000);
  });

  it('keeps imported figures in the address, so that a link or a reload brings them back', async () => {
    const csv = 'kommunkod;IT-kostnad\n1438;12 500 000\n';
    app.dispatchEvent(new CustomEvent('dm-data-import', { detail: { file: new File([csv], 'egna.csv') } }));
    await until(() => !!view()?.querySelector('[data-import-apply]'));
    (view().querySelector('[data-import-apply]') as HTMLButtonElement).click();
    await until(() => app.store.state.run.status === 'done' && (app.store.state.scenario.profiles?.length ?? 0) === 1);
    // the address is updated in a task of its own
    await until(() => location.hash.includes('s='));
    await new Promise((r) => setTimeout(r, 50));
    app.remove();
    // a fresh app on the same address: what a reload or an opened link does
    const again = document.createElement('dm-app');
    again.dataBase = '/public/data/';
    try {
      document.body.append(again);
      await until(() => again.store.state.run.status === 'done');
      const dalsEd = again.store.state.scenario.profiles?.find((p) => p.code === '1438');
      expect(dalsEd?.itCost).to.equal(12_500_000);
      const budget = again.store.state.run.results!.paths['status-quo'].municipalities.find((m) => m.code === '1438')!
        .years[0].budget;
      expect(budget).to.equal(12_500_000);
    } finally {
      again.remove();
      history.replaceState(null, '', location.pathname);
    }
  });

  it('applies the good row of a file while the bad row stays listed, with labels and Swedish numbers', async () => {
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
    const csv =
      'kommunkod;IT-kostnad (kr per år);Andel äldre system (0–1)\r\n1438;abc;0,3\r\n1439;14 500 000,5;35 %\r\n';
    app.dispatchEvent(new CustomEvent('dm-data-import', { detail: { file: new File([csv], 'blandat.csv') } }));
    await until(() => !!view()?.querySelector('[data-import-preview]'));
    const preview = view().querySelector('[data-import-preview]')!;
    // the good row's changes, by label and in sv-SE numbers
    const rows = [...preview.querySelectorAll('tbody tr')].map((tr) => nbsp(tr.textContent ?? ''));
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('Färgelanda');
    expect(rows[0]).to.contain('IT-kostnad');
    expect(rows[0]).to.contain('14 500 000,5 kr');
    expect(rows[1]).to.contain('Andel äldre system');
    expect(rows[1]).to.contain('35 %');
    expect(preview.textContent).not.to.contain('itCost');
    expect(preview.textContent).not.to.contain('14500000.5');
    // the bad row is listed with its problem
    const skipped = preview.querySelector('[data-import-skipped]')!.textContent!;
    expect(skipped).to.contain('Raden 2');
    expect(skipped).to.contain('”abc” är inte ett tal');
    // nothing is applied before the user says so
    expect(app.store.state.scenario.profiles).to.equal(undefined);
    const apply = preview.querySelector('[data-import-apply]') as HTMLButtonElement;
    expect(apply.disabled).to.equal(false);
    expect(apply.textContent).to.contain('giltiga');
    apply.click();
    await until(() => (app.store.state.scenario.profiles?.length ?? 0) === 1);
    const fargelanda = app.store.state.scenario.profiles![0];
    expect(fargelanda.code).to.equal('1439');
    expect(fargelanda.itCost).to.equal(14_500_000.5);
    expect(fargelanda.legacyShare).to.equal(0.35);
    // the bad row stays listed after applying, to be corrected in the file
    await until(() => !!view()?.querySelector('[data-import-applied]'));
    const after = view().querySelector('[data-import-applied]')!.textContent!;
    expect(nbsp(after)).to.contain('2 ändringar har tillämpats');
    expect(after).to.contain('Raden 2');
    expect(view().querySelector('[data-import-preview]')).to.equal(null);
  });

  it('offers a template with Swedish headers that imports back unchanged', async () => {
    app.dispatchEvent(new CustomEvent('dm-data-template', { detail: { format: 'csv', what: 'municipalities' } }));
    const template = app.lastDownload!;
    expect(template.name).to.equal('kommuner-mall.csv');
    const header = template.text.split('\r\n')[0];
    expect(header).to.contain('Kommunkod;Kommun;Invånare');
    expect(header).to.contain('IT-kostnad (kr per år)');
    expect(header).not.to.contain('itCost');
    expect(header).not.to.contain('populationGrowth');
    app.dispatchEvent(
      new CustomEvent('dm-data-import', { detail: { file: new File([template.text], template.name) } }),
    );
    await until(() => !!view()?.querySelector('[data-import-preview]'));
    expect(view().querySelector('[data-import-preview]')!.textContent).to.contain('0 ändringar');
  });

  it('lists every problem with row and column and changes nothing', async () => {
    const before = JSON.stringify(app.store.state.scenario);
    const importFile = async (name: string, csv: string) => {
      app.dispatchEvent(new CustomEvent('dm-data-import-cancel', { detail: {} }));
      app.dispatchEvent(new CustomEvent('dm-data-import', { detail: { file: new File([csv], name) } }));
      await until(() => !!view()?.querySelector('[data-import-problems]') && view().textContent!.includes(name));
      return view().querySelector('[data-import-problems]')!.textContent!;
    };
    const unknownColumn = await importFile('kolumn.csv', 'kommunkod;färg\n1438;blå\n');
    expect(unknownColumn).to.contain('kolumn.csv kunde inte läsas in');
    expect(unknownColumn).to.contain('färg');
    const badValues = await importFile('trasig.csv', 'kommunkod;invånare\n1438;abc\n9999;100\n1460;200\n1460;300\n');
    expect(badValues).to.contain('abc');
    expect(badValues).to.contain('9999');
    expect(badValues).to.contain('1460');
    expect(JSON.stringify(app.store.state.scenario)).to.equal(before);
  });
});

describe('editing figures in place', () => {
  let app: DmApp;
  beforeEach(async () => {
    app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    app.store.update(loadScenario({ ...structuredClone(SCENARIOS[1]), runs: 200 }));
    document.body.append(app);
    await until(() => app.store.state.run.status === 'done');
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'data' } }));
  });
  afterEach(() => {
    app.remove();
    history.replaceState(null, '', location.pathname);
  });

  const view = () => shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-data-view'))!;
  const setInput = (selector: string, value: string) => {
    const input = view().querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('change'));
  };

  it('validates an edited cell, applies it to the scenario and reruns', async () => {
    await until(() => !!view()?.querySelector('[data-edit="1438.itCost"]'));
    setInput('[data-edit="1438.itCost"]', '13000000');
    await until(
      () => app.store.state.scenario.profiles?.some((p) => p.code === '1438' && p.itCost === 13_000_000) ?? false,
    );
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.id > 1);
    const budget = app.store.state.run.results!.paths['status-quo'].municipalities.find((m) => m.code === '1438')!
      .years[0].budget;
    expect(budget).to.equal(13_000_000);
    expect(app.store.state.scenario.profiles![0].sources.itCost).to.contain('ändrat i arbetsytan');
  });

  it('refuses an invalid value with a message and keeps the previous one', async () => {
    await until(() => !!view()?.querySelector('[data-edit="1438.population"]'));
    setInput('[data-edit="1438.population"]', '0');
    await until(() => app.store.state.notice?.kind === 'error');
    expect(app.store.state.notice!.text).to.contain('godtogs inte');
    expect(app.store.state.scenario.profiles).to.equal(undefined);
  });

  it('edits a capability’s cost and staffing', async () => {
    await until(() => !!view()?.querySelector('[data-cap-edit="service-desk.minFte"]'));
    setInput('[data-cap-edit="service-desk.minFte"]', '0.8');
    await until(
      () => app.store.state.scenario.capabilities?.some((c) => c.id === 'service-desk' && c.minFte === 0.8) ?? false,
    );
  });
});

describe('importing capability costs', () => {
  it('previews and applies a capability file', async () => {
    const app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    app.store.update(loadScenario({ ...structuredClone(SCENARIOS[1]), runs: 200 }));
    document.body.append(app);
    await until(() => app.store.state.run.status === 'done');
    const csv = 'id;minFte;nonStaffCost\nservice-desk;0,7;300000\n';
    app.dispatchEvent(
      new CustomEvent('dm-data-import', { detail: { file: new File([csv], 'formagor.csv'), what: 'capabilities' } }),
    );
    await until(() => !!app.store.state.importPreview);
    const preview = app.store.state.importPreview!;
    expect('changes' in preview && preview.changes.length).to.equal(2);
    app.dispatchEvent(new CustomEvent('dm-data-import-apply', { detail: {} }));
    await until(() => app.store.state.scenario.capabilities?.[0]?.minFte === 0.7);
    expect(app.store.state.scenario.capabilities![0].nonStaffCost).to.equal(300_000);
    app.remove();
  });
});
