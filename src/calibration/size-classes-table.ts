/** The size-class calibration as the docs' markdown block (docs/model.md, "Calibration"). */
import defaultCapabilities from '../../public/data/capabilities.json';
import defaultMunicipalities from '../../public/data/municipalities.json';
import fyrbodal from '../../scenarios/fyrbodal.json';
import type { Capability, Municipality, Scenario } from '../engine/index.js';
import { kr, type Measure } from './published.js';
import { type ClassFigure, calibrateBySize, SIZE_CLASSES, type SizeClassCalibration } from './size-classes.js';

// ---------------------------------------------------------------------------------------------------
// Markdown.

const cell = (m: Measure, f: ClassFigure) =>
  `${m.format(f.median)} (${m.format(f.p10)}–${m.format(f.p90)}), ${
    m.byConstruction ? 'by construction' : `${f.verdict}; ${f.inside} of ${f.count} inside`
  }`;

/** The table: per measure the class medians, P10–P90 and verdict, and the pooled figure of all. */
export function renderSizeClassTable(c: SizeClassCalibration): string {
  const head = [
    'side',
    'measure',
    'published (2026 prices)',
    ...SIZE_CLASSES.map((s) => `${s.id === 'all' ? 'all kommuner' : s.label} (${c.measures[0].classes[s.id].count})`),
    'all, pooled',
  ];
  const rows = c.measures.map(({ measure: m, classes }) => [
    m.side,
    m.label,
    m.published.text,
    ...SIZE_CLASSES.map((s) => cell(m, classes[s.id])),
    m.format(classes.all.pooled),
  ]);
  // padded to the widest cell of each column, as the docs' other generated tables are
  const widths = head.map((_, k) => Math.max(3, ...[head, ...rows].map((row) => [...row[k]].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((x, k) => x.padEnd(widths[k] + x.length - [...x].length)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Where a class median lies outside the published range, and why (budget levels set by construction left out). */
export function renderMisses(c: SizeClassCalibration): string {
  const items: string[] = [];
  for (const { measure: m, classes } of c.measures) {
    if (m.byConstruction) continue;
    for (const direction of ['above', 'below'] as const) {
      const missed = SIZE_CLASSES.filter((s) => classes[s.id].verdict === direction).map(
        (s) => `${s.id === 'all' ? 'all kommuner' : s.label} (median ${m.format(classes[s.id].median)})`,
      );
      if (missed.length === 0) continue;
      items.push(
        `- **${m.label}** (${m.side}), ${direction} ${m.published.text}: ${missed.join(', ')}. Why: ${m.why[direction]}.`,
      );
    }
    // a median inside can hide a class most of whose kommuner are outside
    const mostlyOutside = SIZE_CLASSES.filter(
      (s) => classes[s.id].verdict === 'inside' && classes[s.id].inside * 2 < classes[s.id].count,
    ).map(
      (s) => `${s.id === 'all' ? 'all kommuner' : s.label} (${classes[s.id].inside} of ${classes[s.id].count} inside)`,
    );
    if (mostlyOutside.length > 0)
      items.push(
        `- **${m.label}** (${m.side}): the median lies inside ${m.published.text}, but fewer than half of the class's kommuner do: ${mostlyOutside.join(', ')}.`,
      );
  }
  return items.length > 0 ? items.join('\n') : '- Every class median lies inside its published range.';
}

/** The docs block: table, notes on method and sources, and the misses. */
export function renderSizeClassFigure(c: SizeClassCalibration): string {
  const sources = c.measures
    .filter(({ measure: m }) => m.side === 'need')
    .map(({ measure: m }) => `- ${m.label}: ${m.published.source}.`);
  const construction = c.measures
    .filter(({ measure: m }) => m.byConstruction)
    .map(({ measure: m }) => `- Budget ${m.label}: by construction, ${m.byConstruction}.`);
  return [
    `Status quo in the start year, every input at its central value (cost per FTE ${kr(c.wage)} kr), ${c.kommuner.length} kommuner. Each cell: median across the class's kommuner (P10–P90), whether the median lies inside, above or below the published range, and how many of the class's kommuner lie inside it. "Pooled" is the class total over its total inhabitants, workstations or budget. _Need_: the need-driven total cost and its FTE; development share of the need is the development capabilities' cost over that total. _Budget_: today's IT budget; development share of the budget is development capacity × cost per FTE over the budget.`,
    '',
    renderSizeClassTable(c),
    '',
    'Published ranges and sources:',
    '',
    ...sources,
    ...construction,
    '',
    'Where the catalogue does not meet a target, and why:',
    '',
    renderMisses(c),
  ].join('\n');
}

/** The docs figure block `size-classes` for the default data: all 290 kommuner, the default scenario's inputs. */
export function sizeClassFigure(): string {
  return renderSizeClassFigure(
    calibrateBySize(
      defaultMunicipalities as unknown as Municipality[],
      defaultCapabilities as unknown as Capability[],
      fyrbodal as unknown as Scenario,
    ),
  );
}
