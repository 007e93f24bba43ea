/**
 * Reference kernel: the tightest loop we can write for the cell work of ONE path-year of the default
 * scenario (scenarios/fyrbodal.json: 14 members × 58 capabilities), as a yardstick for the engine.
 * Run alone: npx tsx bench/reference-kernel.ts; engine.bench.ts imports it and reports engine/reference.
 *
 * What the kernel does per path-year, for each member × capability (typed arrays prepared up front, no
 * allocation, no closures, no calls in the loop; capabilities ordered by group up front so that each group's
 * sums stay in registers):
 *   - own cost = fte · wage + non-staff cost;
 *   - for a shared capability: the member's share of the provider (share by the capability's driver ×
 *     the provider's cost and FTE), the realised provider cost eff = pc < own ? pc + (1 − ρ)(own − pc) : pc
 *     (same for FTE) and the blend by ramp r: value = own − r(own − eff), fte = fte − r(fte − effFte);
 *   - sums per member: cost, holding (operations + governance), development demand (FTE), local FTE;
 *   - a held flag (fte ≥ minFte) and, per group, the FTE sum and count of held capabilities, from which the
 *     robustly held ones (held, ≥ 2 FTE in the group) follow without the engine's second pass over C.
 * Numbers: the PreparedModel of the default scenario for year 0 (fte = max(minFte, fteAtRef · (D/ref)^β)
 * at β's mode, non-staff cost at the reference volume, a wage of 700 000 SEK), the provider serving all
 * members, ρ = 0.7 and r varying per repetition. Exact values do not matter; the operation count does.
 *
 * What the engine does beyond this per run (and so what the efficiency ratio engine/reference includes):
 * drawing ~30 uncertain inputs (RNG, quantile functions, optional copula) and exit draws; every member's
 * needs per capability with exp() (memberNeeds: 4 exp per member × capability, then T years of
 * products), the provider's needs per path and year (2 exp per capability and year); shares and
 * provider costs per year; the per-year path bookkeeping (host share and markup, merger realisation,
 * transition, coordination, overhead, stranded costs after an exit); the budget-driven development
 * capacity and budget-shortfall removal; staffing dynamics (φ per member and provider, next year's fill
 * rate); separate local/provider group sums; totals per path and year; and recording every run into the
 * chunk's result arrays (totals, per-member run values, block sums, group sums, draws).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CAPABILITY_GROUPS, DRIVER, KIND, loadModel } from '../src/engine/index.js';

const WAGE = 700_000;
const PUPIL_WEIGHT = 0.25;
const REALISATION = 0.7;

export interface ReferenceResult {
  members: number;
  capabilities: number;
  sharedCapabilities: number;
  cellsPerPathYear: number;
  repetitions: number;
  batches: number;
  /** Median over batches. */
  nsPerPathYear: number;
  nsPerCell: number;
  /** Fastest batch. */
  minNsPerPathYear: number;
  /** Median over batches of the process CPU time (less sensitive to other load on the machine). */
  cpuNsPerPathYear: number;
  checksum: number;
}

/**
 * One path-year: every member × capability of one path in one year, capabilities ordered by group
 * (group g is [groupStart[g], groupStart[g + 1])). Writes per member
 * [cost, holding, development demand, local FTE, held, robust] to `out`.
 */
function pathYear(
  M: number,
  C: number,
  G: number,
  W: number,
  r: number,
  unrealised: number,
  fte: Float64Array,
  ns: Float64Array,
  share: Float64Array,
  provFte: Float64Array,
  provCost: Float64Array,
  mask: Uint8Array,
  driver: Uint8Array,
  kind: Uint8Array,
  groupStart: Int32Array,
  minFte: Float64Array,
  out: Float64Array,
): void {
  const keep = 1 - r;
  for (let i = 0; i < M; i++) {
    const base = i * C;
    const shareBase = i * 4;
    let cost = 0;
    let holding = 0;
    let demand = 0;
    let localN = 0;
    let heldN = 0;
    let robust = 0;
    for (let g = 0; g < G; g++) {
      let groupFte = 0;
      let groupHeld = 0;
      const end = groupStart[g + 1];
      for (let c = groupStart[g]; c < end; c++) {
        const f = fte[base + c];
        const own = f * W + ns[base + c];
        let value = own;
        let v = f;
        if (mask[c] === 1) {
          const s = share[shareBase + driver[c]];
          const pc = s * provCost[c];
          const pf = s * provFte[c];
          const eff = pc < own ? pc + unrealised * (own - pc) : pc;
          const effFte = pf < f ? pf + unrealised * (f - pf) : pf;
          value = own - r * (own - eff);
          v = f - r * (f - effFte);
          localN += keep * f;
        } else {
          localN += f;
        }
        cost += value;
        if (kind[c] === 2) demand += v;
        else holding += value;
        if (v >= minFte[c]) {
          groupHeld++;
          groupFte += v;
        }
      }
      heldN += groupHeld;
      if (groupFte >= 2) robust += groupHeld;
    }
    const o = i * 6;
    out[o] = cost;
    out[o + 1] = holding;
    out[o + 2] = demand;
    out[o + 3] = localN;
    out[o + 4] = heldN;
    out[o + 5] = robust;
  }
}

/** `reps` path-years with a varying ramp; returns a checksum so that nothing is optimised away. */
function repeat(
  reps: number,
  M: number,
  C: number,
  G: number,
  unrealised: number,
  fte: Float64Array,
  ns: Float64Array,
  share: Float64Array,
  provFte: Float64Array,
  provCost: Float64Array,
  mask: Uint8Array,
  driver: Uint8Array,
  kind: Uint8Array,
  groupStart: Int32Array,
  minFte: Float64Array,
  out: Float64Array,
): number {
  let checksum = 0;
  for (let k = 0; k < reps; k++) {
    const r = ((k & 15) + 0.5) / 16;
    pathYear(
      M,
      C,
      G,
      WAGE,
      r,
      unrealised,
      fte,
      ns,
      share,
      provFte,
      provCost,
      mask,
      driver,
      kind,
      groupStart,
      minFte,
      out,
    );
    checksum += out[(k % M) * 6];
  }
  return checksum;
}

/** Prepare the default scenario's year-0 arrays and time the kernel. */
export function referenceKernel(targetBatchMs = 60, batches = 15): ReferenceResult {
  if (KIND.utveckling !== 2) throw new Error('KIND.utveckling changed: update the kernel');
  const root = new URL('..', import.meta.url);
  const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
  const loaded = loadModel(
    read('scenarios/fyrbodal.json'),
    read('public/data/municipalities.json'),
    read('public/data/capabilities.json'),
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const m = loaded.value;
  const M = m.members.length;
  const C = m.capabilities.length;
  const G = CAPABILITY_GROUPS.length;

  // volumes per member and driver (users, systems, inhabitants, fixed → inhabitants), and the provider's
  const volume = new Float64Array(M * 4);
  const total = new Float64Array(4);
  for (let i = 0; i < M; i++) {
    volume[i * 4 + DRIVER.users] = m.employees[i] + PUPIL_WEIGHT * m.pupils[i];
    volume[i * 4 + DRIVER.systems] = m.systems[i];
    volume[i * 4 + DRIVER.inhabitants] = m.pop0[i];
    volume[i * 4 + DRIVER.fixed] = m.pop0[i];
    for (let d = 0; d < 4; d++) total[d] += volume[i * 4 + d];
  }
  const need = (vol: Float64Array, at: number, c: number) => {
    const d = m.driver[c];
    const x = d === DRIVER.fixed ? 0 : Math.log(vol[at + d]) - m.lnRef[c];
    return {
      fte: Math.max(m.minFte[c], m.fteAtRef[c] * Math.exp(m.betaMode[c] * x)),
      ns: m.nonStaffCost[c] * Math.exp(m.nonStaffScale[c] * x),
    };
  };
  // capabilities ordered by group: position j holds capability order[j]
  const order = Array.from({ length: C }, (_, c) => c).sort((a, b) => m.group[a] - m.group[b] || a - b);
  const groupStart = new Int32Array(G + 1);
  for (let c = 0; c < C; c++) groupStart[m.group[c] + 1]++;
  for (let g = 0; g < G; g++) groupStart[g + 1] += groupStart[g];
  const fte = new Float64Array(M * C);
  const ns = new Float64Array(M * C);
  const share = new Float64Array(M * 4);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < C; j++) {
      const n = need(volume, i * 4, order[j]);
      fte[i * C + j] = n.fte;
      ns[i * C + j] = n.ns;
    }
    for (let d = 0; d < 4; d++) share[i * 4 + d] = volume[i * 4 + d] / total[d];
  }
  const provFte = new Float64Array(C);
  const provCost = new Float64Array(C);
  for (let j = 0; j < C; j++) {
    const n = need(total, 0, order[j]);
    provFte[j] = n.fte;
    provCost[j] = n.fte * WAGE + n.ns;
  }
  // the samverkan path: every poolable capability shared
  const mask = Uint8Array.from(order, (c) => m.pooled[c]);
  const driver = Uint8Array.from(order, (c) => m.driver[c]);
  const kind = Uint8Array.from(order, (c) => m.kind[c]);
  const minFte = Float64Array.from(order, (c) => m.minFte[c]);
  const out = new Float64Array(M * 6);
  const unrealised = 1 - REALISATION;

  let cpuMs = 0;
  let checksum = 0;
  const run = (reps: number): number => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    checksum += repeat(
      reps,
      M,
      C,
      G,
      unrealised,
      fte,
      ns,
      share,
      provFte,
      provCost,
      mask,
      driver,
      kind,
      groupStart,
      minFte,
      out,
    );
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs = (used.user + used.system) / 1000;
    return wall;
  };
  // warm up (tiers up the kernel), then calibrate a batch to about targetBatchMs
  for (let w = 0; w < 10; w++) run(20_000);
  const probe = run(10_000);
  const reps = Math.max(1000, Math.round((10_000 * targetBatchMs) / Math.max(probe, 0.01)));
  const perPathYear: number[] = [];
  const cpuPerPathYear: number[] = [];
  for (let b = 0; b < batches; b++) {
    perPathYear.push((run(reps) * 1e6) / reps);
    cpuPerPathYear.push((cpuMs * 1e6) / reps);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  let shared = 0;
  for (let c = 0; c < C; c++) shared += mask[c];
  return {
    members: M,
    capabilities: C,
    sharedCapabilities: shared,
    cellsPerPathYear: M * C,
    repetitions: reps,
    batches,
    nsPerPathYear: median(perPathYear),
    nsPerCell: median(perPathYear) / (M * C),
    minNsPerPathYear: Math.min(...perPathYear),
    cpuNsPerPathYear: median(cpuPerPathYear),
    checksum,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = referenceKernel();
  console.log(
    `Reference kernel — one path-year of the default scenario: ${r.members} members × ${r.capabilities} capabilities (${r.sharedCapabilities} shared) = ${r.cellsPerPathYear} cells`,
  );
  console.log(
    `${r.nsPerPathYear.toFixed(0)} ns per path-year (fastest batch ${r.minNsPerPathYear.toFixed(0)}, CPU time ${r.cpuNsPerPathYear.toFixed(0)}), ${r.nsPerCell.toFixed(2)} ns per cell — median of ${r.batches} batches × ${r.repetitions} repetitions (checksum ${r.checksum.toExponential(3)})`,
  );
}
