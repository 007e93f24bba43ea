/**
 * The fan chart: small multiples of a yearly metric per path with its P10–P90 and P25–P75 bands and the
 * median, status quo's median dashed in every panel. Used by the cost, capacity and capability tabs.
 */
import * as Plot from '@observablehq/plot';
import type { PathId, Results } from '../engine/index.js';
import { formatNumber, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { columnsFor, ems, panelTitles, pathColours } from './layout.js';
import { activePaths, bandRows, PATH_COLOUR, type YearMetric } from './series.js';
import type { ChartSpec } from './spec.js';

/** What a fan chart shows and how it reads. */
export interface FanChartOptions {
  /** The chart's id (its anchor, export file name and test hook), e.g. `'total-cost'`. */
  id: string;
  /** The yearly statistic drawn, e.g. `'totalCost'`. */
  metric: YearMetric;
  /** The metric is divided by this for the axis and table: 1e6 for mnkr, 0.01 for per cent, 1 as is. */
  unit: number;
  /** Plain-language title. */
  title: string;
  /** What the chart shows and how to read it, one or two sentences. */
  description: string;
  /** The y axis label, with its unit. */
  yLabel: string;
  /** Formats a value (already divided by `unit`) for the table. */
  format: (x: number) => string;
  /** Draw a solid rule at zero, for differences and gaps. Default false. */
  zeroLine?: boolean;
  /**
   * Give status quo a panel of its own (default true); false where the metric is a difference against
   * status quo, so its panel would be empty.
   */
  withStatusQuoPanel?: boolean;
}

/** Small multiples: one panel per path, P10–P90 and P25–P75 bands and the median, status quo dashed. */
export function fanChart(results: Results, lang: Lang, options: FanChartOptions): ChartSpec {
  const { id, metric, unit, title, description, yLabel, format, zeroLine = false, withStatusQuoPanel = true } = options;
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
        color: pathColours(paths),
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
          panelTitles(paths, columns, {
            text: label,
            fill: (p: PathId) => PATH_COLOUR[p],
            fontSize: 12,
            // a title wider than its panel wraps rather than running into the next one
            lineWidth: ems((width - 56 - 20) / columns - 10, true),
          }),
        ],
      };
    },
    table: {
      columns: [t('path', lang), t('year', lang), 'P10', 'P50', 'P90'],
      rows: rows.map((r) => [label(r.path), String(r.year), format(r.p10), format(r.p50), format(r.p90)]),
    },
  };
}
