/**
 * Layout helpers shared by the chart modules: text sizes and wrapping (Plot estimates text widths without
 * measuring), panels per row of small multiples and their titles, a left axis whose labels wrap, and the
 * paths' colour scale and lines.
 */
import * as Plot from '@observablehq/plot';
import type { PathId } from '../engine/index.js';
import { PATH_COLOUR, PATH_DASH } from './series.js';

/** Plot's colour scale for `paths`: each path in its own colour (series.ts `PATH_COLOUR`). */
export const pathColours = (paths: PathId[]) => ({ domain: paths, range: paths.map((p) => PATH_COLOUR[p]) });

/** Font size of chart text in px (dm-chart's CSS). */
export const FONT_PX = 12;

/**
 * Plot's `lineWidth` (in ems) for text that must fit in `px`: Plot estimates text widths without
 * measuring, so leave a tenth or so spare (more for bold text).
 */
export const ems = (px: number, bold = false) => (px / FONT_PX) * (bold ? 0.85 : 0.9);

/**
 * Whether a chart `width` px wide is narrow (a phone, or high zoom): there a chart puts names above what
 * they name, since long words cannot wrap in a side margin.
 */
export const isNarrow = (width: number) => width < 480;

/** Panels per row of small multiples: three where they fit, fewer on a narrow screen or at high zoom. */
export const columnsFor = (width: number) => (width < 420 ? 1 : width < 600 ? 2 : 3);

/** How many lines Plot wraps `text` onto within `lineWidth` ems (a character taken as 0.6 em, to be safe). */
export function wrappedLines(text: string, lineWidth: number): number {
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
 * Each path's name at the top left of its panel, in small multiples laid out `columns` to a row in the
 * order of `paths` (as `fx`/`fy` = index modulo / divided by `columns`). `options` add to or override
 * the text mark's (the name itself as `text`, a colour, a `lineWidth` to wrap within the panel).
 */
export const panelTitles = (paths: PathId[], columns: number, options: Plot.TextOptions) =>
  Plot.text(paths, {
    fx: (p: PathId) => paths.indexOf(p) % columns,
    fy: (p: PathId) => Math.floor(paths.indexOf(p) / columns),
    frameAnchor: 'top-left',
    dx: 6,
    dy: 6,
    fontWeight: 'bold',
    ...options,
  });

/**
 * One line per path through the `rows` of that path, coloured by the colour scale's `path` channel and
 * dashed as the path's `PATH_DASH` (solid where it has none), so the lines read in black and white too.
 */
export const pathLines = <T extends { path: PathId }>(
  rows: T[],
  paths: PathId[],
  x: keyof T & string,
  y: keyof T & string,
) =>
  paths.map((p) =>
    Plot.line(
      rows.filter((r) => r.path === p),
      {
        x,
        y,
        stroke: 'path',
        strokeWidth: 2.5,
        strokeDasharray: PATH_DASH[p] === 'none' ? undefined : PATH_DASH[p],
      },
    ),
  );

/**
 * A left axis whose labels wrap to fit a margin of `marginPx` instead of being cut off at the edge
 * (long labels on a narrow screen or at high zoom).
 */
export const wrappedAxisY = (marginPx: number, options: Plot.AxisOptions = {}) =>
  Plot.axisY({ label: null, lineWidth: ems(marginPx - 12), ...options });
