/**
 * The chart spec: what every chart module in src/charts/ returns and `<dm-chart>` draws. A spec is plain
 * data plus one function from width to Plot options, so the same chart can be drawn at any size, exported,
 * and read as a table.
 */
import type * as Plot from '@observablehq/plot';

/** What a chart component needs: a plain-language title, Plot options, and the same data as a table. */
export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  /** Builds Plot options for a given width. */
  options: (width: number) => Plot.PlotOptions;
  table: { columns: string[]; rows: string[][] };
}
