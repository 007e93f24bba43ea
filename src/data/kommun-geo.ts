/**
 * public/data/kommun-geo.json: for each kommun a representative point and the kommuner it borders, derived
 * from sourced boundary polygons by src/cli/derive-adjacency.ts (docs/data/kommun-geo.md).
 */

import * as v from 'valibot';
import type { Issue, Result } from '../engine/schema.js';

const code = () => v.pipe(v.string(), v.regex(/^\d{4}$/, 'must be a four-digit kommunkod'));

export const KommunGeoEntrySchema = v.strictObject({
  /** WGS 84 latitude of the representative point, 3 decimals (Sweden: 55.3–69.1). */
  lat: v.pipe(v.number(), v.finite(), v.minValue(55), v.maxValue(69.1)),
  /** WGS 84 longitude, 3 decimals (Sweden: 10.9–24.2). */
  lon: v.pipe(v.number(), v.finite(), v.minValue(10.9), v.maxValue(24.2)),
  /** Codes of the kommuner sharing a land or lake boundary, sorted. */
  neighbours: v.pipe(v.array(code()), v.maxLength(30)),
});
export type KommunGeoEntry = v.InferOutput<typeof KommunGeoEntrySchema>;

export const KommunGeoSchema = v.pipe(
  v.strictObject({
    source: v.pipe(v.string(), v.minLength(3), v.maxLength(4000)),
    kommuner: v.pipe(
      v.record(code(), KommunGeoEntrySchema),
      v.check((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 400, 'needs 1–400 kommuner'),
    ),
  }),
  v.check(
    (g) =>
      Object.entries(g.kommuner).every(([c, e]) => e.neighbours.every((n) => n !== c && g.kommuner[n] !== undefined)),
    'every neighbour must be another kommun in the file',
  ),
  v.check(
    (g) =>
      Object.entries(g.kommuner).every(([c, e]) => e.neighbours.every((n) => g.kommuner[n]?.neighbours.includes(c))),
    'neighbours must be symmetric',
  ),
  v.check(
    (g) => Object.values(g.kommuner).every((e) => new Set(e.neighbours).size === e.neighbours.length),
    'a neighbour is listed twice',
  ),
);
export type KommunGeo = v.InferOutput<typeof KommunGeoSchema>;

/** Validate kommun-geo.json. Never throws. */
export function parseKommunGeo(input: unknown): Result<KommunGeo> {
  const result = v.safeParse(KommunGeoSchema, input);
  if (result.success) return { ok: true, value: result.output };
  const issues: Issue[] = result.issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '(root)',
    message: issue.message,
  }));
  return { ok: false, issues };
}

/** Whether kommuner a and b share a boundary (false for unknown codes and for a === b). */
export const areNeighbours = (geo: KommunGeo, a: string, b: string): boolean =>
  geo.kommuner[a]?.neighbours.includes(b) ?? false;

/**
 * Whether the kommuner in `codes` form one connected group using only borders between members (a walk
 * from one member reaches all the others without passing through a non-member). An empty list or a single
 * known kommun is connected; an unknown code makes the group unconnected.
 */
export function isConnected(geo: KommunGeo, codes: readonly string[]): boolean {
  const members = new Set(codes);
  if (members.size === 0) return true;
  if ([...members].some((c) => geo.kommuner[c] === undefined)) return false;
  const start = members.values().next().value as string;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (const n of geo.kommuner[c]!.neighbours) {
      if (members.has(n) && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen.size === members.size;
}
