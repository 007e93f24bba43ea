/**
 * Builds public/data/municipalities.json and public/data/regions.json from the sourced raw list in
 * docs/data/municipalities-raw.json, applying the documented derivation rules (docs/model.md §Data).
 * Run: npx tsx src/cli/derive-profiles.ts
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { parseMunicipalities } from '../engine/schema.js';
import { systemsForPopulation } from '../engine/systems.js';

interface Raw {
  code: string;
  name: string;
  county: string;
  countyName: string;
  population: number;
  populationYear: number;
  populationPrev: number | null;
  populationPrevYear: number | null;
  source: string;
  sourcePrev?: string;
}

const raw = JSON.parse(readFileSync('docs/data/municipalities-raw.json', 'utf8')) as {
  municipalities: Raw[];
  regions: unknown[];
  meta: { checks: { riket2025: { value: number }; riket2024: { value: number } } };
};

/** Employee counts found in sources (Wikidata via sv.wikipedia infobox "Anställda"). */
const EMPLOYEES: Record<string, [number, string]> = {
  '1435': [
    1525,
    'sv.wikipedia, Tanums kommun, faktaruta ”Anställda” (Wikidata): https://sv.m.wikipedia.org/wiki/Tanums_kommun',
  ],
  '1421': [1475, 'sv.wikipedia, Orusts kommun, faktaruta ”Anställda” (Wikidata)'],
};
/** Older population figures that give a trend where the raw list has no previous year. */
const OLDER: Record<string, [number, number, string]> = {
  '1435': [12865, 2023, 'tanum.se, Befolkning (31 dec 2023)'],
};

const { riket2025, riket2024 } = raw.meta.checks;
const nationalGrowth = riket2025.value / riket2024.value - 1;
const EMPLOYEES_PER_INHABITANT = 0.105;
const PUPILS_PER_INHABITANT = 0.12;
const LEGACY_SHARE = 0.3;

const profiles = raw.municipalities.map((m) => {
  const sources: Record<string, string> = { population: `${m.source}; folkmängd 31 dec ${m.populationYear}` };
  let growth: number;
  const older = OLDER[m.code];
  if (m.populationPrev && m.populationPrevYear) {
    growth = (m.population / m.populationPrev) ** (1 / (m.populationYear - m.populationPrevYear)) - 1;
    sources.populationPrev = m.sourcePrev ?? 'SCB';
    sources.populationGrowth = `härlett: förändring ${m.populationPrevYear}→${m.populationYear} (${m.populationPrev} → ${m.population})`;
  } else if (older) {
    growth = (m.population / older[0]) ** (1 / (m.populationYear - older[1])) - 1;
    sources.populationGrowth = `härlett: årlig förändring ${older[1]}→${m.populationYear} (${older[2]})`;
  } else {
    growth = nationalGrowth;
    sources.populationGrowth = `antagande: rikets förändring ${riket2024.value} → ${riket2025.value} (SCB 2024→2025), eftersom kommunens föregående år saknas i underlaget`;
  }
  const known = EMPLOYEES[m.code];
  const employees = known ? known[0] : Math.round(EMPLOYEES_PER_INHABITANT * m.population);
  sources.employees = known
    ? known[1]
    : 'härlett: 0,105 anställda per invånare (Tanum 119 och Orust 96 per 1 000 invånare, Wikidata) — antagande för kommuner utan egen uppgift';
  const pupils = Math.round(PUPILS_PER_INHABITANT * m.population);
  sources.pupils =
    'antagande: 12 % av invånarna har elevkonto i kommunens IT (grundskola och gymnasium i kommunal regi ≈ 1,2 miljoner av 10,6 miljoner invånare, ungefärligt)';
  const systems = Math.round(systemsForPopulation(m.population));
  sources.systems =
    'antagande: 100 · (invånare/9 000)^0,4 — förankrat i Vännäs (≈9 000 invånare) ”över hundra stycken olika system” (Voister 2019) och Norges ”opptil 600 IKT-systemer” per kommun (Kartverket)';
  sources.legacyShare =
    'antagande: 30 % äldre system (digitalt arv); ingen svensk källa hittad, Fyrbodals förstudie nämner digitalt arv utan siffra';
  sources.itCost = 'saknas: härleds per körning från IT-kostnad per invånare (se antagandet budgetPerInhabitant)';
  return {
    code: m.code,
    name: m.name,
    county: m.county,
    countyName: m.countyName,
    population: m.population,
    populationYear: m.populationYear,
    populationPrev: m.populationPrev,
    populationPrevYear: m.populationPrevYear,
    populationGrowth: Math.round(growth * 1e5) / 1e5,
    employees,
    pupils,
    itCost: null,
    itStaff: null,
    systems,
    legacyShare: LEGACY_SHARE,
    sources,
  };
});

const checked = parseMunicipalities(profiles);
if (!checked.ok) {
  console.error(checked.issues.slice(0, 10));
  process.exit(1);
}
writeFileSync('public/data/municipalities.json', `${JSON.stringify(profiles, null, 1)}\n`);
writeFileSync('public/data/regions.json', `${JSON.stringify(raw.regions, null, 1)}\n`);
console.log(`wrote ${profiles.length} municipalities and ${raw.regions.length} regions`);
