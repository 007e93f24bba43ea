import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { mountDefault, shadow, until } from './helpers.js';

/** The Förmågekarta tab's container and its leaves. */
const parts = (app: DmApp) => {
  const map = shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-capability-map'))!;
  return {
    map,
    importer: shadow(map?.querySelector('dm-map-import'))!,
    grid: shadow(map?.querySelector('dm-capability-grid'))!,
    heatmap: shadow(map?.querySelector('dm-capability-heatmap')),
  };
};

/** Feed files to a file input as a user's pick does. */
function pickFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The template's text with a level and delivery filled in for every row of one kommun. */
const fill = (csv: string, code: string, level: string, by: string): string =>
  csv
    .split('\r\n')
    .map((line) => {
      const cells = line.split(';');
      if (cells[0] !== code) return line;
      cells[5] = level;
      cells[6] = by;
      return cells.join(';');
    })
    .join('\r\n');

describe('the capability map (förmågekartan)', () => {
  let app: DmApp;
  beforeEach(async () => {
    history.replaceState(null, '', location.pathname);
    app = mountDefault('capability-map', 200);
    await until(() => app.store.state.run.status === 'done');
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'formagekarta' } }));
    await until(() => !!parts(app).grid?.querySelector('td[data-cell]'));
  });
  afterEach(() => {
    app.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('template → fill three kommuner → preview → apply → heatmap → link reopens the same map', async () => {
    const { importer, map } = parts(app);
    expect(map.querySelector('[data-map-empty]')).to.not.equal(null);
    (importer.querySelector('[data-map-template]') as HTMLButtonElement).click();
    const template = app.lastDownload!;
    expect(template.name).to.equal('formagekarta-alla.csv');
    expect(template.text.startsWith('\uFEFFKommunkod;Kommun;Förmåga-id;Förmåga;Nyckelförmåga;Nivå (0–3);')).to.equal(
      true,
    );
    // a template for one kommun: its rows only
    const one = importer.querySelector('[data-map-template-one]') as HTMLSelectElement;
    one.value = '1438';
    one.dispatchEvent(new Event('change'));
    expect(app.lastDownload!.name).to.equal('formagekarta-dals-ed.csv');
    const rows = app.lastDownload!.text.split('\r\n').slice(1, -1);
    expect(rows.length).to.equal(58);
    expect(rows.every((r) => r.startsWith('1438;Dals-Ed;'))).to.equal(true);
    let csv = fill(template.text, '1438', '1', 'egen');
    csv = fill(csv, '1460', 'saknas', 'leverantör');
    csv = fill(csv, '1488', '3', 'samverkan');
    pickFiles(importer.querySelector('[data-map-file]') as HTMLInputElement, [new File([csv], 'ifylld.csv')]);
    await until(() => !!parts(app).importer.querySelector('[data-map-preview]'));
    const preview = parts(app).importer.querySelector('[data-map-preview]')!;
    const changes = [...preview.querySelectorAll('[data-map-change]')].map((li) => li.textContent ?? '');
    // every member is in the file: three kommuner get 58 new cells, the others stay empty
    expect(changes.filter((c) => c.includes('58 nya'))).to.have.length(3);
    expect(changes.find((c) => c.startsWith('Dals-Ed'))).to.contain('58 nya, 0 ändrade');
    expect(preview.textContent).to.contain('blir ej bedömd');
    // nothing is applied before the user says so
    expect(app.store.state.scenario.capabilityMap).to.equal(undefined);
    (preview.querySelector('[data-map-apply]') as HTMLButtonElement).click();
    await until(() => Object.keys(app.store.state.scenario.capabilityMap?.members ?? {}).length === 3);
    const applied = structuredClone(app.store.state.scenario.capabilityMap!);
    expect(applied.members['1438']['service-desk']).to.deep.equal({ level: 1, by: 'own' });
    expect(applied.members['1460']['service-desk']).to.deep.equal({ level: 0, by: 'supplier' });
    expect(applied.members['1488']['service-desk']).to.deep.equal({ level: 3, by: 'collaboration' });
    // status quo follows the map (docs/model.md §14): the run after the edit holds what each kommun says
    await until(
      () =>
        app.store.state.run.status === 'done' &&
        app.store.state.run.results?.paths['status-quo'].municipalities.find((m) => m.code === '1460')?.years[0]
          .coverage === 0,
    );
    const sq = (code: string) =>
      app.store.state.run.results!.paths['status-quo'].municipalities.find((m) => m.code === code)!.years[0];
    expect(sq('1438').coverage).to.equal(1); // Dals-Ed: everything at level 1 …
    expect(sq('1438').robustCoverage).to.equal(0); // … and nothing robust
    expect(sq('1488').robustCoverage).to.equal(1); // Trollhättan: everything at level 3
    // the heatmap shows the three kommuner; Trollhättan can lend what the other two lack
    await until(() => !!parts(app).heatmap?.querySelector('[data-heatmap]'));
    const heatmap = parts(app).heatmap!;
    const columns = [...heatmap.querySelectorAll('[data-heatmap] thead th.member')].map((th) => th.textContent?.trim());
    expect(columns).to.deep.equal(['Bengtsfors', 'Dals-Ed', 'Trollhättan']);
    const first = heatmap.querySelector('[data-heatmap] tbody tr')!;
    expect(first.querySelector('[data-weak]')!.textContent).to.contain('2 / 3');
    expect(first.querySelector('[data-lenders]')!.textContent).to.equal('Trollhättan');
    // the link carries the map: a fresh app on it has the same map
    app.dispatchEvent(new CustomEvent('dm-link-copy', { detail: {} }));
    await until(() => !!app.store.state.notice?.link);
    const link = app.store.state.notice!.link!;
    app.remove();
    history.replaceState(null, '', link.slice(link.indexOf('#')));
    const again = document.createElement('dm-app');
    again.dataBase = '/public/data/';
    try {
      document.body.append(again);
      await until(() => again.store.state.run.status === 'done');
      expect(again.store.state.scenario.capabilityMap).to.deep.equal(applied);
    } finally {
      again.remove();
    }
  });

  it('imports a template saved as .xlsx beside a CSV, the heatmap shows them; a file that is neither is refused by name', async () => {
    const importer = () => parts(app).importer;
    const input = () => importer().querySelector('[data-map-file]') as HTMLInputElement;
    expect(input().accept).to.contain('.xlsx');
    expect(importer().textContent).to.contain('.xlsx');
    const bytes = async (name: string) =>
      new Uint8Array(await (await fetch(`/test/fixtures/import/${name}`)).arrayBuffer());
    // garbage under an Excel name: refused, named, in the UI language; nothing changes
    pickFiles(input(), [new File([await bytes('garbage.bin')], 'kommun.xlsx')]);
    await until(() => !!importer().querySelector('[data-map-refused]'));
    expect(importer().querySelector('[data-map-refused]')!.textContent).to.contain(
      'kommun.xlsx: Filen kan inte läsas, varken som CSV eller som Excel-arbetsbok (.xlsx)',
    );
    expect(app.store.state.scenario.capabilityMap).to.equal(undefined);
    (importer().querySelector('[data-map-cancel]') as HTMLButtonElement).click();
    await until(() => app.store.state.mapImport === null);
    // the workbook (Dals-Ed, Bengtsfors, Trollhättan) and a CSV for Färgelanda, picked together
    const csv = 'Kommunkod;Förmåga-id;Nivå (0–3);Levereras av\r\n1439;service-desk;2;egen\r\n';
    pickFiles(input(), [
      new File([await bytes('formagekarta-ifylld.xlsx')], 'formagekarta-ifylld.xlsx'),
      new File([csv], 'fargelanda.csv'),
    ]);
    await until(() => !!importer().querySelector('[data-map-preview]'));
    const preview = importer().querySelector('[data-map-preview]')!;
    expect(preview.textContent).to.contain('formagekarta-ifylld.xlsx, fargelanda.csv');
    expect(preview.querySelector('[data-map-problems]')).to.equal(null);
    const changes = [...preview.querySelectorAll('[data-map-change]')].map((li) => li.textContent ?? '');
    expect(changes.find((c) => c.startsWith('Dals-Ed'))).to.contain('58 nya, 0 ändrade');
    expect(changes.find((c) => c.startsWith('Trollhättan'))).to.contain('57 nya');
    expect(changes.find((c) => c.startsWith('Färgelanda'))).to.contain('1 nya');
    expect(app.store.state.scenario.capabilityMap).to.equal(undefined);
    (preview.querySelector('[data-map-apply]') as HTMLButtonElement).click();
    await until(() => Object.keys(app.store.state.scenario.capabilityMap?.members ?? {}).length === 4);
    const members = app.store.state.scenario.capabilityMap!.members;
    expect(members['1438']['service-desk']).to.deep.equal({ level: 1, by: 'own' });
    expect(members['1460']['service-desk']).to.deep.equal({ level: 0, by: 'supplier' });
    expect(members['1488']['service-desk']).to.deep.equal({ level: 3, by: 'collaboration' });
    expect(members['1439']['service-desk']).to.deep.equal({ level: 2, by: 'own' });
    await until(() => (parts(app).heatmap?.querySelectorAll('[data-heatmap] thead th.member').length ?? 0) === 4);
    const heatmap = parts(app).heatmap!;
    const columns = [...heatmap.querySelectorAll('[data-heatmap] thead th.member')].map((th) => th.textContent?.trim());
    expect(columns).to.deep.equal(['Bengtsfors', 'Dals-Ed', 'Färgelanda', 'Trollhättan']);
    // Trollhättan, at level 3, can lend what the others lack
    const lenders = [...heatmap.querySelectorAll('[data-heatmap] [data-lenders]')].map((td) => td.textContent);
    expect(lenders).to.include('Trollhättan');
  });

  it('sets a level by keyboard: arrow keys move, a digit sets the level, a letter who delivers, Delete clears', async () => {
    const { grid } = parts(app);
    (grid.querySelector('td[tabindex="0"]') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: '2' });
    const second = app.store.state.scenario.members[1];
    const cell = () => app.store.state.scenario.capabilityMap?.members[second]?.['incident-management'];
    await until(() => cell()?.level === 2);
    expect(cell()).to.deep.equal({ level: 2, by: 'own' });
    const focused = grid.activeElement as HTMLElement;
    expect(focused.dataset.cell).to.equal(`${second}|incident-management`);
    // seen: the digit and the letter; read: the words
    expect(focused.querySelector('.lv')!.textContent).to.equal('2');
    expect(focused.querySelector('.by')!.textContent).to.equal('E');
    expect(focused.querySelector('.sr')!.textContent).to.equal('2 etablerad, egen personal');
    await sendKeys({ press: 'l' });
    await until(() => cell()?.by === 'supplier');
    await sendKeys({ press: 'Delete' });
    await until(() => cell() === undefined);
    // the select above the grid edits the same cell
    const level = grid.querySelector('[data-edit-level]') as HTMLSelectElement;
    level.value = '3';
    level.dispatchEvent(new Event('change'));
    await until(() => cell()?.level === 3);
  });

  it('shows the example scenario with its banner, and lists problems of a bad file by row and column', async () => {
    app.dispatchEvent(new CustomEvent('dm-scenario-select', { detail: { id: 'fyrbodal-formagekarta' } }));
    await until(() => !!parts(app).map.querySelector('[data-map-example]'));
    expect(parts(app).map.querySelector('[data-map-example]')!.textContent).to.contain('Påhittade exempelvärden');
    await until(() => (parts(app).heatmap?.querySelectorAll('[data-heatmap] tbody tr').length ?? 0) === 58);
    // and the overview by the nine key capabilities
    expect(parts(app).heatmap!.querySelectorAll('[data-group-heatmap] tbody tr').length).to.equal(9);
    const bad = 'Kommunkod;Förmåga-id;Nivå (0–3);Levereras av\r\n1438;service-desk;7;egen\r\n1438;e-archive;2;egen\r\n';
    pickFiles(parts(app).importer.querySelector('[data-map-file]') as HTMLInputElement, [new File([bad], 'fel.csv')]);
    await until(() => !!parts(app).importer.querySelector('[data-map-problems]'));
    expect(parts(app).importer.querySelector('[data-map-problems]')!.textContent).to.contain('Rad 2, kolumn Nivå: ”7”');
    (parts(app).importer.querySelector('[data-map-cancel]') as HTMLButtonElement).click();
    await until(() => app.store.state.mapImport === null && !parts(app).importer.querySelector('[data-map-preview]'));
    // two files dropped at once, one per kommun: each replaces its own kommun, the others keep the example
    const header = 'Kommunkod;Förmåga-id;Nivå (0–3);Levereras av\r\n';
    const transfer = new DataTransfer();
    transfer.items.add(new File([`${header}1438;service-desk;3;egen\r\n`], 'dals-ed.csv'));
    transfer.items.add(new File([`${header}1439;service-desk;stark;leverantör\r\n`], 'fargelanda.csv'));
    const before = structuredClone(app.store.state.scenario.capabilityMap!);
    parts(app).importer.host.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, composed: true }),
    );
    await until(() => !!parts(app).importer.querySelector('[data-map-preview]'));
    expect(parts(app).importer.querySelector('[data-map-preview]')!.textContent).to.contain(
      'dals-ed.csv, fargelanda.csv',
    );
    (parts(app).importer.querySelector('[data-map-apply]') as HTMLButtonElement).click();
    await until(() => app.store.state.mapImport === null);
    const after = app.store.state.scenario.capabilityMap!;
    expect(after.members['1438']).to.deep.equal({ 'service-desk': { level: 3, by: 'own' } });
    expect(after.members['1439']).to.deep.equal({ 'service-desk': { level: 3, by: 'supplier' } });
    expect(after.members['1460']).to.deep.equal(before.members['1460']);
    expect(after.example).to.equal(true);
    // the summary carries the shared weaknesses, marked as invented
    app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'summary' } }));
    await until(() => !!shadow(shadow(app)!.querySelector('dm-summary'))?.querySelector('[data-summary-map]'));
    const summary = shadow(shadow(app)!.querySelector('dm-summary'))!.querySelector('[data-summary-map]')!;
    expect(summary.querySelector('[data-map-example]')).to.not.equal(null);
    await until(
      () =>
        (shadow(summary.querySelector('dm-capability-heatmap'))?.querySelectorAll('[data-heatmap] tbody tr').length ??
          0) === 15,
    );
  });
});
