/**
 * The figure blocks that need no simulation: the assumptions' defaults, the fixed constants (with the
 * engine file that defines each) and the capability catalogue's counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ASSUMPTIONS,
  type Assumption,
  BLOCK_RUNS,
  CAPABILITY_GROUPS,
  type Capability,
  CHEAPER_TOLERANCE,
  FORM_OVERHEAD,
  HOST_ADMINISTRATION,
  RECRUITMENT_HALF_SIZE,
} from '../../engine/index.js';
import { code, MINUS, num, table } from './format.js';
import { readJson, root } from './repo.js';

/** Bounds larger than this (in absolute value) are printed as ∞. */
const INFINITE = 1e9;

function bound(x: number): string {
  if (x >= INFINITE) return '∞';
  if (x <= -INFINITE) return `${MINUS}∞`;
  return num(x);
}

export function distribution(a: Assumption): string {
  switch (a.dist) {
    case 'fixed':
      return `fixed ${num(a.value)}`;
    case 'uniform':
      return `uniform ${num(a.low)} / ${num(a.high)}`;
    case 'triangular':
      return `triangular ${num(a.low)} / ${num(a.mode)} / ${num(a.high)}`;
    case 'pert':
      return `PERT ${num(a.low)} / ${num(a.mode)} / ${num(a.high)}`;
    case 'normal':
      return `normal mean ${num(a.mean)}, sd ${num(a.sd)}`;
    case 'lognormal':
      return `lognormal median ${num(a.median)}, σ ${num(a.sigma)}`;
  }
}

export function assumptionsBlock(): string {
  return table(
    ['#', 'id', 'etikett (sv)', 'unit', 'distribution', 'bounds', 'source'],
    ASSUMPTIONS.map((a, k) => [
      String(k + 1),
      code(a.id),
      a.label.sv,
      a.unit.en,
      distribution(a.default),
      `${bound(a.bounds.min)} – ${bound(a.bounds.max)}`,
      a.default.source,
    ]),
  );
}

/** The engine file that exports a constant, found by reading the source, so the table cannot go stale. */
function whereDefined(name: string): string {
  const dir = resolve(root, 'src/engine');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const found = files.filter((f) =>
    new RegExp(`^export const ${name}\\b`, 'm').test(readFileSync(resolve(dir, f), 'utf8')),
  );
  if (found.length !== 1) throw new Error(`cannot tell which file in src/engine exports ${name}`);
  return code(found[0]);
}

export function fixedConstantsBlock(): string {
  const rows: string[][] = [];
  for (const [form, value] of Object.entries(FORM_OVERHEAD)) {
    rows.push([
      code(`FORM_OVERHEAD.${form}`),
      num(value),
      `base governance overhead of ${form}, share of the pooled cost (× \`governanceOverhead\`)`,
      whereDefined('FORM_OVERHEAD'),
    ]);
  }
  rows.push(
    [
      code('HOST_ADMINISTRATION'),
      num(HOST_ADMINISTRATION),
      "a host's administration, share of the cost of what it provides (× `governanceOverhead`)",
      whereDefined('HOST_ADMINISTRATION'),
    ],
    [
      code('RECRUITMENT_HALF_SIZE'),
      `${num(RECRUITMENT_HALF_SIZE)} FTE`,
      "unit size that overcomes half of a small unit's recruitment handicap",
      whereDefined('RECRUITMENT_HALF_SIZE'),
    ],
    [
      code('BLOCK_RUNS'),
      `${num(BLOCK_RUNS)} runs`,
      'runs per block: the unit of work and of per-municipality sums',
      whereDefined('BLOCK_RUNS'),
    ],
    [
      code('CHEAPER_TOLERANCE'),
      num(CHEAPER_TOLERANCE),
      "“cheaper” means below −tolerance × status quo's cost over the same span",
      whereDefined('CHEAPER_TOLERANCE'),
    ],
  );
  return table(['constant', 'value', 'meaning', 'where'], rows);
}

export function catalogueBlock(): string {
  const catalogue = readJson('public/data/capabilities.json') as Capability[];
  const count = <K extends string>(keys: readonly K[], of: (c: Capability) => string) =>
    keys.map((k) => [k, catalogue.filter((c) => of(c) === k).length] as const);
  const ids = (list: Capability[]) => list.map((c) => code(c.id)).join(', ');
  const notPoolable = catalogue.filter((c) => !c.poolable);
  const transferable = catalogue.filter((c) => c.transferable);
  const minFte = catalogue.reduce((sum, c) => sum + c.minFte, 0);
  return [
    `- **Capabilities**: ${catalogue.length}, in ${CAPABILITY_GROUPS.length} groups:`,
    ...count(CAPABILITY_GROUPS, (c) => c.group).map(([g, n]) => `  - ${code(g)} ${n}`),
    `- **Kinds**: ${count(['drift', 'styrning', 'utveckling'], (c) => c.kind)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
    `- **Drivers**: ${count(['users', 'systems', 'inhabitants', 'fixed'], (c) => c.driver)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
    `- **Poolable**: ${catalogue.length - notPoolable.length}. Not poolable (${notPoolable.length}): ${ids(notPoolable)}.`,
    `- **Transferable** (${transferable.length}): ${ids(transferable)}.`,
    `- **Minimum staffing**: the \`minFte\` values sum to ${num(minFte, 2)} FTE.`,
  ].join('\n');
}
