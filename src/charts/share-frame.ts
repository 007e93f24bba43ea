/**
 * The frame of a chart of a share of runs per path along an input (the acceptability curves, the threshold
 * curves): its margins, an x axis with as many ticks as fit, a 0–100 % y axis, and the paths' colours with
 * their names.
 */
import type { PathId } from '../engine/index.js';
import type { Lang } from '../i18n.js';
import { formatPercent, pathLabel } from './decision-words.js';
import { pathColours } from './layout.js';

/** The input along the x axis: its range, label and tick format. */
export interface ShareAxisX {
  domain: [number, number];
  label: string;
  tickFormat: (x: number) => string;
}

const MARGIN_LEFT = 52;
const MARGIN_RIGHT = 24;

/** The width inside the frame of a share chart `width` px wide. */
export const shareInner = (width: number) => width - MARGIN_LEFT - MARGIN_RIGHT;

/**
 * Plot's margins and `x`, `y` and `color` options for shares of runs of `paths` along `x`, in a chart
 * `width` px wide: from two to eight ticks on x (one per 70 px inside), shares on y labelled `yLabel`, a
 * legend when `legend`.
 */
export function shareFrame(width: number, lang: Lang, x: ShareAxisX, yLabel: string, paths: PathId[], legend: boolean) {
  const inner = shareInner(width);
  return {
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginTop: 24,
    marginBottom: 44,
    x: {
      domain: x.domain,
      label: x.label,
      labelAnchor: 'center' as const,
      labelArrow: 'none' as const,
      ticks: Math.max(2, Math.min(8, Math.floor(inner / 70))),
      tickFormat: x.tickFormat,
    },
    y: {
      domain: [0, 1],
      label: yLabel,
      grid: true,
      tickFormat: (d: number) => formatPercent(d, lang),
    },
    color: {
      ...pathColours(paths),
      legend,
      tickFormat: (p: PathId) => pathLabel(p, lang),
    },
  };
}
