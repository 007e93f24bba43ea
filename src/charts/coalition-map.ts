/**
 * The map-like view of one grouping (issue #21): each kommun a dot at its representative point, equirectangular
 * (x scaled by the cosine of the mean latitude, so distances look right at Swedish latitudes), borders between
 * kommuner in view as faint lines, the group's number in its dot. Pure geometry; dm-coalition-map draws it.
 */

/**
 * The colours of groups 1, 2, …: dark enough for the white number in the dot (contrast ≥ 4.5) and apart in
 * hue; colour is never the only sign, since the group's number is in its dot.
 */
export const GROUP_COLOURS = ['#0072b2', '#b35806', '#1b7837', '#762a83', '#c51b7d', '#01665e', '#8c510a', '#2d004b'];
/** A kommun going on alone. */
export const ALONE_COLOUR = '#9e9e9e';

export interface MapDot {
  code: string;
  name: string;
  x: number;
  y: number;
  /** 1-based group number, null: alone. */
  group: number | null;
  host: boolean;
  colour: string;
  /** Where the name goes: right of the dot, or left near the right edge. */
  anchor: 'start' | 'end';
}

export interface CoalitionMapGeometry {
  width: number;
  height: number;
  radius: number;
  dots: MapDot[];
  borders: { x1: number; y1: number; x2: number; y2: number }[];
}

export interface MapInput {
  /** The kommuner in view (the scenario's members), with their points and neighbours; those without a point are left out. */
  places: { code: string; name: string; lat: number; lon: number; neighbours: readonly string[] }[];
  /** Groups of the grouping (codes), numbered from 1 in this order, and the host of each (if any). */
  groups: { members: readonly string[]; host: string | null }[];
  width?: number;
}

/** Dots, borders and size of the view: fits `width` (default 360) and at most as tall as wide. */
export function coalitionMap({ places, groups, width = 360 }: MapInput): CoalitionMapGeometry {
  const radius = 10;
  // room for the names on both sides and the dots at the edges
  const padX = 70;
  const padY = radius + 14;
  if (places.length === 0) return { width, height: 2 * padY, radius, dots: [], borders: [] };
  const meanLat = places.reduce((a, p) => a + p.lat, 0) / places.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = places.map((p) => p.lon * k);
  const ys = places.map((p) => -p.lat);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(x1 - x0, 1e-6);
  const spanY = Math.max(y1 - y0, 1e-6);
  const maxHeight = width;
  const scale = Math.min((width - 2 * padX) / spanX, (maxHeight - 2 * padY) / spanY);
  const usedX = spanX * scale;
  const offsetX = (width - usedX) / 2;
  const height = Math.max(spanY * scale + 2 * padY, 6 * radius);
  const offsetY = (height - spanY * scale) / 2;
  const groupOf = new Map<string, number>();
  const hosts = new Set<string>();
  groups.forEach((g, i) => {
    for (const c of g.members) groupOf.set(c, i + 1);
    if (g.host) hosts.add(g.host);
  });
  const dots: MapDot[] = places.map((p, i) => {
    const x = offsetX + (xs[i] - x0) * scale;
    const y = offsetY + (ys[i] - y0) * scale;
    const group = groupOf.get(p.code) ?? null;
    return {
      code: p.code,
      name: p.name,
      x,
      y,
      group,
      host: hosts.has(p.code),
      colour: group === null ? ALONE_COLOUR : GROUP_COLOURS[(group - 1) % GROUP_COLOURS.length],
      anchor: x > width * 0.62 ? 'end' : 'start',
    };
  });
  const at = new Map(dots.map((d) => [d.code, d]));
  const borders: CoalitionMapGeometry['borders'] = [];
  for (const p of places) {
    for (const other of p.neighbours) {
      const a = at.get(p.code);
      const b = at.get(other);
      if (a && b && p.code < other) borders.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    }
  }
  return { width, height, radius, dots, borders };
}
