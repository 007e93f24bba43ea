import * as Plot from '@observablehq/plot';
import {
  activePaths,
  bandRows,
  coverageCells,
  netEffectRows,
  PATH_COLOUR,
  PATH_DASH,
  probabilityRows,
  type YearMetric,
} from '../charts/series.js';
import { assumptionDef, PATH_IDS, type PathId, type Results } from '../engine/index.js';
import { formatMsek, formatNumber, formatPercent, GROUP_LABEL, type Lang, PATH_LABEL, pick } from '../i18n.js';
import type { SavedScenario } from '../state/saved-scenarios.js';

/** What a chart component needs: a plain-language title, Plot options, and the same data as a table. */
export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  /** Builds Plot options for a given width. */
  options: (width: number) => Plot.PlotOptions;
  table: { columns: string[]; rows: string[][] };
}

const colour = (paths: PathId[]) => ({ domain: paths, range: paths.map((p) => PATH_COLOUR[p]) });

/** Font size of chart text in px (dm-chart's CSS). */
const FONT_PX = 12;

/**
 * Plot's `lineWidth` (in ems) for text that must fit in `px`: Plot estimates text widths without
 * measuring, so leave a tenth or so spare (more for bold text).
 */
const ems = (px: number, bold = false) => (px / FONT_PX) * (bold ? 0.85 : 0.9);

/** Panels per row of small multiples: three where they fit, fewer on a narrow screen or at high zoom. */
const columnsFor = (width: number) => (width < 420 ? 1 : width < 600 ? 2 : 3);

/** How many lines Plot wraps `text` onto within `lineWidth` ems (a character taken as 0.6 em, to be safe). */
function wrappedLines(text: string, lineWidth: number): number {
  const perLine = Math.max(1, Math.floor(lineWidth / 0.6));
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    if (used > 0 && used + 1 + word.length > perLine) {
      lines++;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

/**
 * A left axis whose labels wrap to fit a margin of `marginPx` instead of being cut off at the edge
 * (long labels on a narrow screen or at high zoom).
 */
const wrappedAxisY = (marginPx: number, options: Plot.AxisOptions = {}) =>
  Plot.axisY({ label: null, lineWidth: ems(marginPx - 12), ...options });

/** Small multiples: one panel per path, P10–P90 and P25–P75 bands and the median, status quo dashed. */
function fanChart(
  results: Results,
  lang: Lang,
  id: string,
  metric: YearMetric,
  unit: number,
  title: string,
  description: string,
  yLabel: string,
  format: (x: number) => string,
  zeroLine = false,
  withStatusQuoPanel = true,
): ChartSpec {
  const paths = activePaths(results, withStatusQuoPanel);
  const rows = bandRows(results, metric, paths, unit);
  const sq = bandRows(results, metric, ['status-quo'], unit);
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const panel = (p: PathId) => paths.indexOf(p);
  const reference = paths.filter((p) => p !== 'status-quo').flatMap((path) => sq.map((r) => ({ ...r, path })));
  return {
    id,
    title,
    description,
    options: (width) => {
      const columns = columnsFor(width);
      const fx = (d: { path: PathId }) => panel(d.path) % columns;
      const fy = (d: { path: PathId }) => Math.floor(panel(d.path) / columns);
      return {
        width,
        height: Math.ceil(paths.length / columns) * (columns === 1 ? 160 : 190) + 40,
        marginLeft: 56,
        marginTop: 24,
        x: { label: null, tickFormat: (d: number) => String(d), ticks: 4 },
        y: { label: yLabel, grid: true, tickFormat: (d: number) => formatNumber(d, lang, 0) },
        fx: { axis: null },
        fy: { axis: null },
        color: colour(paths),
        marks: [
          Plot.frame({ stroke: '#ddd' }),
          ...(zeroLine ? [Plot.ruleY([0], { stroke: '#333' })] : []),
          Plot.areaY(rows, { x: 'year', y1: 'p10', y2: 'p90', fx, fy, fill: 'path', fillOpacity: 0.18 }),
          Plot.areaY(rows, { x: 'year', y1: 'p25', y2: 'p75', fx, fy, fill: 'path', fillOpacity: 0.35 }),
          Plot.lineY(reference, {
            x: 'year',
            y: 'p50',
            fx,
            fy,
            stroke: PATH_COLOUR['status-quo'],
            strokeDasharray: '6,4',
            strokeWidth: 1.5,
          }),
          Plot.lineY(rows, { x: 'year', y: 'p50', fx, fy, stroke: 'path', strokeWidth: 2.5 }),
          Plot.text(paths, {
            fx: (p: PathId) => panel(p) % columns,
            fy: (p: PathId) => Math.floor(panel(p) / columns),
            frameAnchor: 'top-left',
            dx: 6,
            dy: 6,
            text: label,
            fill: (p: PathId) => PATH_COLOUR[p],
            fontWeight: 'bold',
            fontSize: 12,
            // a title wider than its panel wraps rather than running into the next one
            lineWidth: ems((width - 56 - 20) / columns - 10, true),
          }),
        ],
      };
    },
    table: {
      columns: [pick({ sv: 'Vägval', en: 'Path' }, lang), pick({ sv: 'År', en: 'Year' }, lang), 'P10', 'P50', 'P90'],
      rows: rows.map((r) => [label(r.path), String(r.year), format(r.p10), format(r.p50), format(r.p90)]),
    },
  };
}

/** The charts of each results tab. */
export function costCharts(results: Results, lang: Lang): ChartSpec[] {
  const year = results.years[0];
  const mnkr = (x: number) => formatNumber(x, lang, 1);
  const net = netEffectRows(results);
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const sv = lang === 'sv';
  return [
    fanChart(
      results,
      lang,
      'total-cost',
      'totalCost',
      1e6,
      sv ? 'Total IT-kostnad per år för varje vägval' : 'Total IT cost per year for each path',
      sv
        ? `Kostnad för att hålla hela den digitala motorn. Mörkt band: hälften av utfallen, ljust band: 8 av 10. Streckad linje: status quo. Fasta ${year} års priser.`
        : `Cost of holding the whole digital engine. Dark band: half of the outcomes, light band: 8 in 10. Dashed line: status quo. Fixed ${year} prices.`,
      sv ? `mnkr per år (${year} års priser)` : `SEK m per year (${year} prices)`,
      mnkr,
    ),
    {
      id: 'net-effect',
      title: sv
        ? 'Nettoeffekt över hela perioden jämfört med status quo'
        : 'Net effect over the whole period against status quo',
      description: sv
        ? 'Nuvärdet av kostnadsskillnaden mot status quo. Stapeln visar medianen, strecket 8 fall av 10. Till vänster om noll är vägvalet billigare.'
        : 'Present value of the cost difference against status quo. The bar shows the median, the whisker 8 in 10 outcomes. Left of zero the path is cheaper.',
      options: (width) => {
        const marginLeft = Math.min(230, Math.max(120, width * 0.35));
        return {
          width,
          height: 70 + net.length * 44,
          marginLeft,
          marginBottom: 40, // the axis label clear of the tick labels
          x: {
            label: sv ? 'mnkr (nuvärde)' : 'SEK m (present value)',
            grid: true,
            tickFormat: (d: number) => formatNumber(d, lang, 0),
          },
          y: { domain: net.map((r) => r.path) },
          color: colour(net.map((r) => r.path)),
          marks: [
            wrappedAxisY(marginLeft, { tickFormat: label }),
            Plot.barX(net, { y: 'path', x: 'p50', fill: 'path', fillOpacity: 0.8 }),
            Plot.ruleY(net, { y: 'path', x1: 'p10', x2: 'p90', stroke: '#222', strokeWidth: 1.5 }),
            Plot.tickX(net, { y: 'path', x: 'p10', stroke: '#222' }),
            Plot.tickX(net, { y: 'path', x: 'p90', stroke: '#222' }),
            Plot.ruleX([0], { stroke: '#000', strokeWidth: 1.5 }),
            Plot.text([sv ? '← billigare' : '← cheaper'], {
              frameAnchor: 'top-left',
              dy: -14,
              fill: '#1a5e20',
              fontWeight: 'bold',
            }),
            Plot.text([sv ? 'dyrare →' : 'dearer →'], {
              frameAnchor: 'top-right',
              dy: -14,
              fill: '#8a1c1c',
              fontWeight: 'bold',
            }),
          ],
        };
      },
      table: {
        columns: [sv ? 'Vägval' : 'Path', 'P10', 'P50', 'P90', sv ? 'Sannolikhet billigare' : 'Probability cheaper'],
        rows: net.map((r) => [
          label(r.path),
          mnkr(r.p10),
          mnkr(r.p50),
          mnkr(r.p90),
          formatPercent(r.probCheaper, lang),
        ]),
      },
    },
    fanChart(
      results,
      lang,
      'cumulative',
      'cumulativeDiffVsStatusQuo',
      1e6,
      sv ? 'Ackumulerad kostnad jämfört med status quo' : 'Cumulative cost against status quo',
      sv
        ? 'Summan av kostnadsskillnaden mot status quo hittills. Under noll har vägvalet betalat tillbaka omställningen.'
        : 'The cost difference against status quo summed so far. Below zero the path has paid back its transition.',
      sv ? 'mnkr, ackumulerat' : 'SEK m, cumulative',
      mnkr,
      true,
      false,
    ),
  ];
}

export function capacityCharts(results: Results, lang: Lang): ChartSpec[] {
  const sv = lang === 'sv';
  const fte = (x: number) => formatNumber(x, lang, 1);
  return [
    fanChart(
      results,
      lang,
      'development-capacity',
      'developmentCapacity',
      1,
      sv ? 'Utvecklingskapacitet med dagens budget' : 'Development capacity with today’s budget',
      sv
        ? 'Årsarbetare som budgeten räcker till för utveckling när den digitala motorn är hållen. Streckad linje: status quo.'
        : 'Full-time staff the budget buys for development once the digital engine is held. Dashed line: status quo.',
      sv ? 'årsarbetare' : 'full-time staff',
      fte,
    ),
    fanChart(
      results,
      lang,
      'capacity-gap',
      'capacityGap',
      1,
      sv ? 'Ouppfyllt utvecklingsbehov' : 'Unmet development demand',
      sv
        ? 'Utvecklingsbehov som kommunerna inte har kapacitet till, summerat över kommunerna. Noll betyder att behovet täcks.'
        : 'Development demand the municipalities lack capacity for, summed over the municipalities. Zero means demand is met.',
      sv ? 'årsarbetare' : 'full-time staff',
      fte,
      true,
    ),
  ];
}

export function capabilityCharts(results: Results, lang: Lang): ChartSpec[] {
  const sv = lang === 'sv';
  const paths = activePaths(results);
  const cells = coverageCells(results, paths);
  const last = results.years[results.years.length - 1];
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const groups = Object.keys(GROUP_LABEL);
  const names = results.scenario.members.map((m) => m.name);
  return [
    fanChart(
      results,
      lang,
      'robust-coverage',
      'robustCoverage',
      0.01,
      sv ? 'Förmågor som hålls utan sårbarhet för enskilda personer' : 'Capabilities held without key-person risk',
      sv
        ? 'Andel av förmågorna som hålls av minst två årsarbetare inom samma nyckelförmåga, genomsnitt över kommunerna.'
        : 'Share of capabilities held by at least two full-time staff within the same key capability, averaged over the municipalities.',
      sv ? 'procent av förmågorna' : 'per cent of capabilities',
      (x) => formatNumber(x, lang, 0),
    ),
    {
      id: 'coverage-grid',
      title: sv
        ? `Andel förmågor som hålls ${last}, per kommun och nyckelförmåga`
        : `Share of capabilities held in ${last}, by municipality and key capability`,
      description: sv
        ? 'Ljusa rutor är luckor: förmågor som budgeten inte räcker till. En ruta per kommun och nyckelförmåga, ett rutnät per vägval.'
        : 'Light cells are gaps: capabilities the budget does not stretch to. One cell per municipality and key capability, one grid per path.',
      options: (width) => {
        // on a narrow screen each grid gets its title above it instead of a column of titles at the side
        const narrow = width < 480;
        const marginRight = narrow ? 10 : Math.min(200, width * 0.25);
        return {
          width,
          height: 80 + paths.length * (names.length * 14 + 40) + (narrow ? 20 : 0),
          marginLeft: 110,
          marginRight,
          marginTop: narrow ? 40 : undefined,
          marginBottom: 90,
          x: { domain: groups, tickFormat: (g: string) => pick(GROUP_LABEL[g], lang), tickRotate: -35, label: null },
          y: { domain: names, label: null, tickSize: 0 },
          fy: { domain: paths, axis: null, padding: narrow ? 0.2 : 0.1 },
          color: {
            type: 'linear',
            domain: [0, 1],
            range: ['#f7f4ea', '#08306b'],
            legend: true,
            // room at the ends for the first and last tick label ("0 %", "100 %")
            width: 260,
            marginLeft: 14,
            marginRight: 20,
            label: sv ? 'andel som hålls' : 'share held',
            tickFormat: (d: number) => formatPercent(d, lang),
          },
          marks: [
            Plot.cell(cells, { x: 'group', y: 'municipality', fy: 'path', fill: 'held', inset: 0.5 }),
            narrow
              ? Plot.text(paths, {
                  fy: (p: PathId) => p,
                  frameAnchor: 'top-left',
                  dx: -100,
                  dy: -18,
                  text: label,
                  fontWeight: 'bold',
                })
              : Plot.axisFy({
                  anchor: 'right',
                  tickFormat: label,
                  label: null,
                  lineWidth: ems(marginRight - 12),
                }),
          ],
        };
      },
      table: {
        columns: [
          sv ? 'Vägval' : 'Path',
          sv ? 'Kommun' : 'Municipality',
          ...groups.map((g) => pick(GROUP_LABEL[g], lang)),
        ],
        rows: paths.flatMap((p) =>
          results.paths[p].municipalities.map((m) => [
            label(p),
            m.name,
            ...m.groupCoverage.map((g) => formatPercent(g.held, lang)),
          ]),
        ),
      },
    },
  ];
}

export function uncertaintyCharts(results: Results, lang: Lang): ChartSpec[] {
  return [probabilityChart(results, lang), ...sensitivityCharts(results, lang)];
}

function probabilityChart(results: Results, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
  const rows = probabilityRows(results);
  const paths = activePaths(results, false);
  // direct labels at the lines' ends, spread apart where the lines end close together
  const lastYear = results.years[results.years.length - 1];
  const labels = rows
    .filter((r) => r.year === lastYear)
    .sort((a, b) => b.probability - a.probability)
    .map((r) => ({ ...r, y: r.probability }));
  for (let k = 1; k < labels.length; k++) labels[k].y = Math.min(labels[k].y, labels[k - 1].y - 0.07);
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  // room for the longest direct label (bold, ≈ 0.62 em a character)
  const labelPx = Math.max(...paths.map((p) => label(p).length)) * 0.62 * FONT_PX + 12;
  return {
    id: 'probability-cheaper',
    title: sv
      ? 'Sannolikhet att vägvalet är billigare än status quo, år för år'
      : 'Probability that the path is cheaper than status quo, year by year',
    description: sv
      ? 'Andel av simuleringarna där vägvalet kostar mindre än status quo just det året (korten visar i stället hela perioden i nuvärde).'
      : 'Share of the simulations in which the path costs less than status quo in that year alone (the cards show the whole period in present value instead).',
    options: (width) => {
      // where the labels at the lines' ends would squeeze the chart (narrow screen, high zoom), a legend
      // above it names the lines instead
      const direct = labelPx <= width * 0.32;
      return {
        width,
        height: 300,
        marginLeft: 56,
        marginRight: direct ? labelPx : 20,
        x: { label: null, tickFormat: (d: number) => String(d), ticks: Math.min(10, Math.floor(width / 70)) },
        y: {
          label: sv ? 'sannolikhet' : 'probability',
          domain: [0, 1],
          grid: true,
          tickFormat: (d: number) => formatPercent(d, lang),
        },
        color: { ...colour(paths), legend: !direct, tickFormat: label },
        marks: [
          Plot.ruleY([0.5], { stroke: '#999', strokeDasharray: '3,3' }),
          ...paths.map((p) =>
            Plot.lineY(
              rows.filter((r) => r.path === p),
              { x: 'year', y: 'probability', stroke: PATH_COLOUR[p], strokeWidth: 2.5, strokeDasharray: PATH_DASH[p] },
            ),
          ),
          Plot.text(direct ? labels : [], {
            x: 'year',
            y: 'y',
            text: (r: { path: PathId }) => label(r.path),
            fill: (r: { path: PathId }) => PATH_COLOUR[r.path],
            dx: 6,
            textAnchor: 'start',
            fontWeight: 'bold',
          }),
        ],
      };
    },
    table: {
      columns: [sv ? 'Vägval' : 'Path', sv ? 'År' : 'Year', sv ? 'Sannolikhet' : 'Probability'],
      rows: rows.map((r) => [label(r.path), String(r.year), formatPercent(r.probability, lang)]),
    },
  };
}

/**
 * A tornado per path: the uncertain inputs ranked by their rank correlation with the path's net cost
 * against status quo, labelled in plain words ("Om lönerna stiger snabbare …").
 */
export function sensitivityCharts(results: Results, lang: Lang): ChartSpec[] {
  const sv = lang === 'sv';
  return activePaths(results, false).map((path, k) => {
    const rows = results.paths[path].sensitivity.npvVsStatusQuo.slice(0, 6).map((d) => ({
      input: pick(assumptionDef(d.input).effect, lang),
      unit: pick(assumptionDef(d.input).unit, lang),
      rho: d.rankCorrelation,
      share: d.share,
    }));
    const name = pick(PATH_LABEL[path], lang);
    return {
      id: `sensitivity-${path}`,
      title: sv ? `Vad nettoeffekten hänger på: ${name.toLowerCase()}` : `What the net effect hangs on: ${name}`,
      description:
        k > 0
          ? ''
          : sv
            ? 'De osäkra antagandena ordnade efter hur starkt de samvarierar med vägvalets kostnad mot status quo (rangkorrelation, beräknad från samma körningar). Stapel åt höger: vägvalet blir dyrare när antagandet är högt; åt vänster: billigare.'
            : 'The uncertain inputs ranked by how strongly they move with the path’s cost against status quo (rank correlation, from the same runs). Bar to the right: the path gets dearer when the input is high; to the left: cheaper.',
      options: (width) => {
        const marginLeft = Math.min(330, width * 0.5);
        return {
          width,
          // room for labels wrapped onto several lines when the margin is narrow
          height:
            60 +
            rows.length *
              Math.max(28, 14 * Math.max(...rows.map((r) => wrappedLines(r.input, ems(marginLeft - 12)))) + 8),
          marginLeft,
          marginBottom: 40,
          x: {
            domain: [-1, 1],
            label: sv ? 'rangkorrelation' : 'rank correlation',
            grid: true,
            tickFormat: (d: number) => formatNumber(d, lang, 1),
          },
          y: { domain: rows.map((r) => r.input) },
          marks: [
            wrappedAxisY(marginLeft, { tickSize: 0 }),
            Plot.barX(rows, { y: 'input', x: 'rho', fill: PATH_COLOUR[path] }),
            Plot.ruleX([0], { stroke: '#000' }),
          ],
        };
      },
      table: {
        columns: [
          sv ? 'Antagande' : 'Input',
          sv ? 'Rangkorrelation' : 'Rank correlation',
          sv ? 'Andel av förklarad spridning' : 'Share of explained spread',
        ],
        rows: rows.map((r) => [r.input, formatNumber(r.rho, lang, 2), formatPercent(r.share, lang)]),
      },
    };
  });
}

/** Headline figures per path for the cards above the charts. */
export function headline(results: Results, path: PathId, lang: Lang) {
  const p = results.paths[path];
  const last = p.years[p.years.length - 1];
  return {
    label: pick(PATH_LABEL[path], lang),
    cost: formatMsek(last.totalCost.p50, lang, 0),
    npv: path === 'status-quo' ? null : formatMsek(p.npvVsStatusQuo.p50, lang, 0),
    probCheaper: p.probCheaper === null ? null : formatPercent(p.probCheaper, lang),
    capacity: formatNumber(last.developmentCapacity.p50, lang, 1),
    breakEven: p.breakEven?.median ?? null,
  };
}

/** Colours of compared scenarios (Okabe–Ito colours not used by the paths), with dashes for print. */
const SCENARIO_COLOURS = ['#E69F00', '#56B4E9', '#000000', '#999999'];
const SCENARIO_DASH = ['none', '6,3', '2,2', '10,3,2,3'];

/** Side-by-side charts of 2–4 saved scenarios on shared axes. */
export function comparisonCharts(saved: SavedScenario[], lang: Lang): ChartSpec[] {
  const sv = lang === 'sv';
  const names = saved.map((s) => s.name);
  const colour = { domain: names, range: SCENARIO_COLOURS.slice(0, names.length), legend: true };
  const paths = PATH_IDS.filter((p) => saved.some((s) => s.results?.paths[p]));
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const npv = saved.flatMap((s) =>
    paths
      .filter((p) => p !== 'status-quo' && s.results?.paths[p])
      .map((p) => {
        const n = s.results!.paths[p]!.npv;
        return { scenario: s.name, path: p, p10: n.p10 / 1e6, p50: n.p50 / 1e6, p90: n.p90 / 1e6 };
      }),
  );
  const cost = saved.flatMap((s) =>
    paths
      .filter((p) => s.results?.paths[p])
      .flatMap((p) =>
        s.results!.paths[p]!.totalCost.map((c, t) => ({
          scenario: s.name,
          path: p,
          year: s.results!.years[t],
          p50: c.p50 / 1e6,
        })),
      ),
  );
  const mnkr = (x: number) => formatNumber(x, lang, 1);
  const npvPaths = paths.filter((p) => p !== 'status-quo');
  return [
    {
      id: 'compare-npv',
      title: sv
        ? 'Nettoeffekt mot status quo i de valda scenarierna'
        : 'Net effect against status quo in the chosen scenarios',
      description: sv
        ? 'Median (punkt) och 8 fall av 10 (streck) för nuvärdet av kostnadsskillnaden mot status quo. Samma skala för alla scenarier; till vänster om noll är vägvalet billigare.'
        : 'Median (dot) and 8 in 10 outcomes (line) of the present value of the cost difference against status quo. One scale for all scenarios; left of zero the path is cheaper.',
      options: (width) => {
        const marginLeft = Math.min(230, Math.max(120, width * 0.3));
        return {
          width,
          height: 70 + npvPaths.length * (names.length * 22 + 26),
          marginLeft,
          marginBottom: 40,
          x: {
            label: sv ? 'mnkr (nuvärde)' : 'SEK m (present value)',
            grid: true,
            tickFormat: (d: number) => formatNumber(d, lang, 0),
          },
          y: { domain: names, axis: null },
          fy: { domain: npvPaths },
          color: colour,
          marks: [
            Plot.axisFy({ anchor: 'left', tickFormat: label, label: null, lineWidth: ems(marginLeft - 12) }),
            Plot.ruleX([0], { stroke: '#000' }),
            Plot.ruleY(npv, { fy: 'path', y: 'scenario', x1: 'p10', x2: 'p90', stroke: 'scenario', strokeWidth: 2 }),
            Plot.dot(npv, { fy: 'path', y: 'scenario', x: 'p50', fill: 'scenario', r: 5, symbol: 'scenario' }),
          ],
        };
      },
      table: {
        columns: [sv ? 'Scenario' : 'Scenario', sv ? 'Vägval' : 'Path', 'P10', 'P50', 'P90'],
        rows: npv.map((r) => [r.scenario, label(r.path), mnkr(r.p10), mnkr(r.p50), mnkr(r.p90)]),
      },
    },
    {
      id: 'compare-cost',
      title: sv
        ? 'Total IT-kostnad per år, median, i de valda scenarierna'
        : 'Total IT cost per year, median, in the chosen scenarios',
      description: sv
        ? 'En panel per vägval, en linje per scenario, samma axlar. Scenarier med olika antal kommuner har olika nivå.'
        : 'One panel per path, one line per scenario, shared axes. Scenarios with different members differ in level.',
      options: (width) => {
        const columns = columnsFor(width);
        const marginRight = 20;
        return {
          width,
          height: Math.ceil(paths.length / columns) * (columns === 1 ? 160 : 190) + 60,
          marginLeft: 56,
          marginRight,
          x: { label: null, tickFormat: (d: number) => String(d), ticks: 4 },
          y: { label: sv ? 'mnkr per år' : 'SEK m per year', grid: true },
          fx: { axis: null },
          fy: { axis: null },
          color: colour,
          marks: [
            Plot.frame({ stroke: '#ddd' }),
            ...saved.map((s, k) =>
              Plot.lineY(
                cost.filter((r) => r.scenario === s.name),
                {
                  x: 'year',
                  y: 'p50',
                  fx: (r: { path: PathId }) => paths.indexOf(r.path) % columns,
                  fy: (r: { path: PathId }) => Math.floor(paths.indexOf(r.path) / columns),
                  stroke: SCENARIO_COLOURS[k],
                  strokeDasharray: SCENARIO_DASH[k],
                  strokeWidth: 2,
                },
              ),
            ),
            Plot.text(paths, {
              fx: (p: PathId) => paths.indexOf(p) % columns,
              fy: (p: PathId) => Math.floor(paths.indexOf(p) / columns),
              frameAnchor: 'top-left',
              dx: 6,
              dy: 6,
              text: label,
              fontWeight: 'bold',
              lineWidth: ems((width - 56 - marginRight) / columns - 10, true),
            }),
          ],
        };
      },
      table: {
        columns: [sv ? 'Scenario' : 'Scenario', sv ? 'Vägval' : 'Path', sv ? 'År' : 'Year', 'P50'],
        rows: cost.map((r) => [r.scenario, label(r.path), String(r.year), mnkr(r.p50)]),
      },
    },
  ];
}
