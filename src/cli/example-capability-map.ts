/**
 * Builds scenarios/fyrbodal-formagekarta.json: the Fyrbodal scenario with an invented capability map
 * (`example: true`), to try the map with. The values are NOT any kommun's assessment: they are drawn from
 * a seeded random stream around a rule of thumb — larger kommuner stronger (Trollhättan, Uddevalla and
 * Vänersborg most), stable operations stronger and the outward-looking capabilities weaker everywhere, and
 * the SML-IT members (Sotenäs, Munkedal, Lysekil) with their operations delivered by their collaboration.
 * Deterministic: the same inputs give the same file. Run: npx tsx src/cli/example-capability-map.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Capability, CapabilityLevel, Delivery, MapCell, Municipality, Scenario } from '../engine/index.js';
import { mulberry32 } from '../engine/rng.js';

const OUT = 'scenarios/fyrbodal-formagekarta.json';
const SEED = 19;
/** The three larger kommuner of Fyrbodal, assumed stronger in the example. */
const LARGER = ['1485', '1487', '1488'];
/** The members of SML-IT, whose IT operations the example delivers through that collaboration. */
const SML_IT = ['1427', '1430', '1484'];
/** How much each key capability lifts or lowers the example's levels (invented). */
const GROUP_SHIFT: Record<string, number> = {
  'stabil-drift': 0.4,
  'teknisk-miljo': 0,
  'krav-sla': -0.2,
  leverantorer: 0,
  standarder: -0.1,
  'verksamhetens-behov': -0.2,
  omvarld: -0.6,
  kompetens: -0.3,
  'attraktiv-arbetsplats': -0.3,
};
/** Operations that small kommuner in the example buy from a supplier. */
const BOUGHT = ['hosting-operations', 'network-operations', 'monitoring-capacity', 'continuity-backup', 'e-archive'];

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The invented cell of one kommun and capability. */
function cellFor(m: Municipality, c: Capability, rng: () => number): MapCell {
  const size = (Math.log(m.population) - Math.log(4500)) / (Math.log(60000) - Math.log(4500));
  const sml = SML_IT.includes(m.code) && c.kind === 'drift';
  const base = 0.6 + 1.6 * size + (GROUP_SHIFT[c.group] ?? 0) + (LARGER.includes(m.code) ? 0.3 : 0) + (sml ? 0.9 : 0);
  const level = Math.max(0, Math.min(3, Math.round(base + (rng() - 0.5) * 1.6))) as CapabilityLevel;
  let by: Delivery = 'own';
  if (sml) by = 'collaboration';
  else if (BOUGHT.includes(c.id) && size < 0.6 && rng() < 0.7) by = 'supplier';
  else if (c.kind === 'drift' && rng() < 0.15) by = 'supplier';
  return { level, by };
}

/** The example scenario, as the file holds it. */
export function exampleScenario(base: Scenario, municipalities: Municipality[], catalogue: Capability[]): Scenario {
  const rng = mulberry32(SEED);
  const members: Record<string, Record<string, MapCell>> = {};
  for (const code of base.members) {
    const m = municipalities.find((x) => x.code === code);
    if (!m) throw new Error(`unknown member ${code}`);
    members[code] = Object.fromEntries(catalogue.map((c) => [c.id, cellFor(m, c, rng)]));
  }
  return {
    ...base,
    id: 'fyrbodal-formagekarta',
    name: { sv: 'Exempel: förmågekarta (påhittade värden)', en: 'Example: capability map (invented values)' },
    description: {
      sv: 'Fyrbodal-scenariot med en påhittad förmågekarta för att pröva kartan: värdena är inte någon kommuns bedömning.',
      en: 'The Fyrbodal scenario with an invented capability map to try the map with: the values are not any kommun’s assessment.',
    },
    capabilityMap: {
      example: true,
      source: 'Påhittade exempelvärden för att pröva förmågekartan',
      members,
    },
  };
}

/** JSON as the scenario files are written, with each map cell on one line. */
export function formatScenario(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2).replace(
    /\{\n\s+"level": (\d),\n\s+"by": ("\w+")\n\s+\}/g,
    '{ "level": $1, "by": $2 }',
  )}\n`;
}

if (process.argv[1]?.endsWith('example-capability-map.ts')) {
  const base = readJson<Scenario>('scenarios/fyrbodal.json');
  const municipalities = readJson<Municipality[]>('public/data/municipalities.json');
  const catalogue = readJson<Capability[]>('public/data/capabilities.json');
  writeFileSync(OUT, formatScenario(exampleScenario(base, municipalities, catalogue)));
  console.log(`wrote ${OUT}`);
}
