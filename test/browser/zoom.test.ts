import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { TABS } from '../../src/state/app-state.js';
import { mountDefault, shadow, until } from './helpers.js';

const CONTROLS = 'button, input, select, textarea, summary, a[href], [role="tab"], [tabindex="0"]';

/** Every element matching `selector` in the document and in all open shadow roots below it. */
function deepQueryAll(selector: string, root: Document | ShadowRoot = document): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQueryAll(selector, el.shadowRoot));
  return found;
}

/** The element's parent, stepping out of a shadow root to its host. */
const parentOf = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/** A rendered element: laid out, not hidden, not in a closed <details>. */
const rendered = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false });

/** Whether two boxes overlap by more than `dx` across and `dy` down. */
const overlap = (a: DOMRect, b: DOMRect, dx: number, dy: number) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > dx &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > dy;

const name = (el: Element) =>
  `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}”`;

/**
 * What breaks reflow at this width: horizontal scrolling of the page, and controls or chart labels that
 * are cut off, have no size, lie outside the viewport or overlap another control. Content inside an
 * element designed to scroll sideways (a data table in an overflow:auto wrapper) may be wider, as long as
 * the scroller itself fits the viewport.
 */
function reflowProblems(): string[] {
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1)
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
  const within = (r: DOMRect, left: number, right: number) => r.left >= left - 1 && r.right <= right + 1;
  /** Where `el` is visible horizontally: the viewport narrowed by clipping ancestors, or null inside a scroller. */
  const visibleBox = (el: Element): { left: number; right: number; by: string } | null => {
    let box = { left: 0, right: vw, by: 'the viewport' };
    for (let a = parentOf(el); a && a !== document.documentElement; a = parentOf(a)) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === 'visible') continue;
      const r = a.getBoundingClientRect();
      if (overflow === 'auto' || overflow === 'scroll') {
        if (!within(r, 0, vw)) problems.push(`scroller ${name(a)} lies outside the viewport: ${r.left}–${r.right}`);
        return null;
      }
      if (r.left > box.left || r.right < box.right)
        box = { left: Math.max(box.left, r.left), right: Math.min(box.right, r.right), by: name(a) };
    }
    return box;
  };
  const controls = deepQueryAll(CONTROLS).filter(rendered);
  const boxes: [Element, DOMRect][] = [];
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) {
      problems.push(`${name(el)} has no size: ${r.width}×${r.height}`);
      continue;
    }
    const box = visibleBox(el);
    if (box && !within(r, box.left, box.right))
      problems.push(`${name(el)} is cut off by ${box.by}: ${Math.round(r.left)}–${Math.round(r.right)} px`);
    boxes.push([el, r]);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, ra] = boxes[i];
      const [b, rb] = boxes[j];
      if (a.contains(b) || b.contains(a)) continue;
      if (overlap(ra, rb, 2, 2)) problems.push(`${name(a)} overlaps ${name(b)}`);
    }
  }
  // a chart is not a data table: it is drawn for the width it has, and none of its labels (axis ticks,
  // direct labels, facet titles) may be cut off or run into another (rotated labels' boxes overlap anyway)
  for (const figure of deepQueryAll('.figure[data-chart]').filter(rendered)) {
    const f = figure.getBoundingClientRect();
    if (figure.scrollWidth > figure.clientWidth + 1)
      problems.push(
        `chart ${figure.getAttribute('data-chart')} scrolls sideways: ${figure.scrollWidth} > ${figure.clientWidth}`,
      );
    const labels = [...figure.querySelectorAll('svg text')].map((t) => [t, t.getBoundingClientRect()] as const);
    const upright = labels.filter(([t]) => !/rotate\((?!0\))/.test(t.getAttribute('transform') ?? ''));
    // a text's box includes its line gap: count a vertical overlap only beyond that
    for (const [i, [text, r]] of upright.entries())
      for (const [other, o] of upright.slice(i + 1))
        if (overlap(r, o, 2, 4))
          problems.push(
            `chart ${figure.getAttribute('data-chart')}: label “${text.textContent}” overlaps “${other.textContent}”`,
          );
    for (const [text, r] of labels)
      if (r.width > 0 && !within(r, Math.max(0, f.left), Math.min(vw, f.right)))
        problems.push(
          `chart ${figure.getAttribute('data-chart')}: label “${text.textContent}” is cut off: ${Math.round(r.left)}–${Math.round(r.right)} px`,
        );
  }
  return problems;
}

const settle = async (app: DmApp) => {
  await app.updateComplete;
  await new Promise((r) => setTimeout(r, 300));
  // charts draw on the next resize observation: wait until every chart has its figure
  const results = shadow(shadow(app)!.querySelector('dm-results') ?? shadow(app)!.querySelector('dm-summary'));
  await until(() =>
    [...(results?.querySelectorAll('dm-chart') ?? [])].every((c) => !!shadow(c)?.querySelector('.figure svg, table')),
  );
};

describe('reflow at 200 % and 400 % zoom (WCAG 1.4.4, 1.4.10)', () => {
  let app: DmApp;
  before(async () => {
    app = mountDefault('zoom', 200);
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready');
    // two saved scenarios, compared, so the comparison tab shows its charts
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Hela Fyrbodal' } }));
    await until(() => app.store.state.saved.items.length === 1);
    app.dispatchEvent(new CustomEvent('dm-members-change', { detail: { codes: ['1460', '1438', '1461'] } }));
    await until(
      () => app.store.state.run.status === 'done' && app.store.state.run.results?.scenario.members.length === 3,
    );
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Tre kommuner i Dalsland' } }));
    await until(() => app.store.state.saved.items.length === 2);
    for (const item of app.store.state.saved.items)
      app.dispatchEvent(new CustomEvent('dm-compare-toggle', { detail: { id: item.id } }));
  });
  after(async () => {
    app.remove();
    await setViewport({ width: 800, height: 600 });
  });

  // 1280 px at 200 % is 640 CSS px; 1280 px at 400 % is 320 CSS px, the width WCAG 1.4.10 names
  for (const width of [640, 320]) {
    describe(`${width} CSS px wide`, () => {
      before(async () => {
        await setViewport({ width, height: 800 });
        app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'workspace' } }));
      });

      for (const tab of TABS) {
        it(`reflows the workspace, tab ${tab}`, async () => {
          app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab } }));
          await settle(app);
          if (tab === 'beslut') {
            // the decision's charts (thresholds arrive after the run) live in a shadow root of their own
            await until(() => app.store.state.run.thresholdSearch.status === 'done');
            await settle(app);
            const view = shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-decision'))!;
            const charts = [...view.querySelectorAll('dm-chart')];
            expect(charts.length).to.be.greaterThan(2);
            await until(() => charts.every((c) => !!shadow(c)?.querySelector('.figure svg')));
          }
          if (tab === 'jamforelse') {
            const results = shadow(shadow(app)!.querySelector('dm-results'))!;
            expect(results.querySelectorAll('dm-chart').length).to.equal(2);
          }
          if (tab === 'data') {
            // open one municipality and one capability, so their edit fields are laid out too
            const view = shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-data-view'))!;
            await until(() => !!view?.querySelector('details[data-capability]'));
            for (const d of view.querySelectorAll('details[data-municipality], details[data-capability]'))
              (d as HTMLDetailsElement).open = false;
            (view.querySelector('details[data-municipality]') as HTMLDetailsElement).open = true;
            (view.querySelector('details[data-capability]') as HTMLDetailsElement).open = true;
          }
          expect(reflowProblems()).to.deep.equal([]);
        });
      }

      it('reflows the summary', async () => {
        app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'summary' } }));
        await until(() => !!shadow(app)?.querySelector('dm-summary'));
        await settle(app);
        expect(reflowProblems()).to.deep.equal([]);
        app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'workspace' } }));
      });
    });
  }
});
