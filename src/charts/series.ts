import { PATH_IDS, type PathId, type Results, type Stats, type YearResult } from '../engine/index.js';

/** One colour per path, colour-blind safe (Okabe–Ito), status quo in neutral grey. Used everywhere. */
export const PATH_COLOUR: Record<PathId, string> = {
  'status-quo': '#5f5f5f',
  samverkan: '#0072B2',
  omfordelning: '#009E73',
  sammanlaggning: '#D55E00',
  asymmetrisk: '#B8558F',
};

/** Line dash per path, so the charts read in black and white too. */
export const PATH_DASH: Record<PathId, string> = {
  'status-quo': '6,4',
  samverkan: 'none',
  omfordelning: '2,3',
  sammanlaggning: '10,3',
  asymmetrisk: '8,3,2,3',
};

export type YearMetric = { [K in keyof YearResult]: YearResult[K] extends Stats ? K : never }[keyof YearResult];

export interface BandRow {
  path: PathId;
  year: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

/** The paths that were simulated, in the fixed order. */
export function activePaths(results: Results, includeStatusQuo = true): PathId[] {
  return PATH_IDS.filter((id) => results.paths[id].enabled && (includeStatusQuo || id !== 'status-quo'));
}

/** Percentile bands of a yearly metric per path and year, divided by `unit` (e.g. 1e6 for mnkr). */
export function bandRows(results: Results, metric: YearMetric, paths: PathId[], unit = 1): BandRow[] {
  return paths.flatMap((path) =>
    results.paths[path].years.map((y) => {
      const s = y[metric];
      return {
        path,
        year: y.year,
        p10: s.p10 / unit,
        p25: s.p25 / unit,
        p50: s.p50 / unit,
        p75: s.p75 / unit,
        p90: s.p90 / unit,
      };
    }),
  );
}

export interface NetEffectRow {
  path: PathId;
  p10: number;
  p50: number;
  p90: number;
  probCheaper: number;
}

/** Net present value of each path's cost minus status quo's over the horizon, in `unit`s. */
export function netEffectRows(results: Results, unit = 1e6): NetEffectRow[] {
  return activePaths(results, false).map((path) => {
    const p = results.paths[path];
    return {
      path,
      p10: p.npvVsStatusQuo.p10 / unit,
      p50: p.npvVsStatusQuo.p50 / unit,
      p90: p.npvVsStatusQuo.p90 / unit,
      probCheaper: p.probCheaper ?? 0,
    };
  });
}

export interface ProbabilityRow {
  path: PathId;
  year: number;
  probability: number;
}

/** Probability per year that each path costs less than status quo. */
export function probabilityRows(results: Results): ProbabilityRow[] {
  return activePaths(results, false).flatMap((path) =>
    results.paths[path].years.map((y) => ({ path, year: y.year, probability: y.probCheaper ?? 0 })),
  );
}

export interface CoverageCell {
  path: PathId;
  code: string;
  municipality: string;
  group: string;
  held: number;
  robust: number;
}

/** Final-year share of each key capability held (and held robustly) per municipality and path. */
export function coverageCells(results: Results, paths: PathId[]): CoverageCell[] {
  return paths.flatMap((path) =>
    results.paths[path].municipalities.flatMap((m) =>
      m.groupCoverage.map((g) => ({
        path,
        code: m.code,
        municipality: m.name,
        group: g.group,
        held: g.held,
        robust: g.robust,
      })),
    ),
  );
}
