/**
 * Figures quoted in docs/model.md, generated from the code so that they cannot drift.
 * Run: npm run docs:figures [-- --check]
 *
 * Each figure is a named markdown block that sits in docs/model.md between the lines
 * `<!-- figures:NAME -->` and `<!-- /figures:NAME -->`; everything between them is replaced wholesale.
 * Without options the blocks are rewritten in place. With `--check` nothing is written, and the command
 * exits 1 listing every block whose content differs (and every marker pair that is missing or repeated).
 * The simulations run in this thread through the engine's `simulateAll`, which gives the same results as
 * `npm run simulate` for the same scenario, runs and seed (results do not depend on the split into chunks).
 *
 * Each block is written by a module of `./figures/` (the assumptions, constants and catalogue in
 * `static-blocks.ts`, the scenario runs and their table in `scenario-run.ts`, one module for each other
 * block); the markers are handled in `./figures/markers.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizeClassFigure } from '../calibration/size-classes-table.js';
import { coalitionBlock } from './figures/coalitions.js';
import { decisionBlock } from './figures/decision.js';
import { EARLIER_DEFAULTS, earlierDefaultsBlock } from './figures/earlier-defaults.js';
import { applyBlocks, markerProblems, staleBlocks } from './figures/markers.js';
import { root } from './figures/repo.js';
import { headlineBlock, runScenario } from './figures/scenario-run.js';
import { smlItBlock } from './figures/sml-it.js';
import { assumptionsBlock, catalogueBlock, fixedConstantsBlock } from './figures/static-blocks.js';

// what the tests read, and the earlier defaults that the document names as being here
export { applyBlocks, markerProblems, staleBlocks } from './figures/markers.js';
export { EARLIER_DEFAULTS };

/** The document the blocks live in. */
export const DOC_PATH = resolve(root, 'docs/model.md');

/** The blocks, in the order they appear in the document. */
export const BLOCK_NAMES = [
  'catalogue-counts',
  'assumptions',
  'fixed-constants',
  'size-classes',
  'fyrbodal-headline',
  'fyrbodal-earlier-defaults',
  'sml-it',
  'fyrbodal-decision',
  'coalitions',
] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

/** Every block's markdown (without markers). Runs the scenario simulations and the coalition finder: seconds. */
export async function figureBlocks(): Promise<Record<BlockName, string>> {
  const fyrbodal = 'scenarios/fyrbodal.json';
  const smlIt = 'scenarios/sml-it.json';
  const fyrbodalRun = runScenario(fyrbodal);
  return {
    'catalogue-counts': catalogueBlock(),
    assumptions: assumptionsBlock(),
    'fixed-constants': fixedConstantsBlock(),
    'size-classes': sizeClassFigure(),
    'fyrbodal-headline': headlineBlock(fyrbodal, fyrbodalRun),
    'fyrbodal-earlier-defaults': earlierDefaultsBlock(fyrbodal),
    'sml-it': smlItBlock(smlIt, runScenario(smlIt)),
    'fyrbodal-decision': decisionBlock(fyrbodal, fyrbodalRun),
    coalitions: await coalitionBlock(),
  };
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`Unknown argument ${unknown[0]}\nUsage: npm run docs:figures [-- --check]\n`);
    process.exit(2);
  }
  const check = args.includes('--check');
  const blocks = await figureBlocks();
  // read the document only now, after the simulations, so that edits made meanwhile are kept
  const doc = readFileSync(DOC_PATH, 'utf8');
  const stale = staleBlocks(doc, blocks);
  if (check) {
    if (stale.length === 0) {
      process.stdout.write(`docs/model.md: all ${BLOCK_NAMES.length} figure blocks are up to date\n`);
      return;
    }
    for (const s of stale) process.stderr.write(`figures:${s.name} is out of date\n${s.detail.join('\n')}\n\n`);
    process.stderr.write(`${stale.length} block(s) out of date: run npm run docs:figures\n`);
    process.exit(1);
  }
  const problems = markerProblems(doc, BLOCK_NAMES);
  if (problems.length > 0) {
    process.stderr.write(`Cannot update docs/model.md:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  if (stale.length === 0) {
    process.stdout.write('docs/model.md: figure blocks already up to date\n');
    return;
  }
  writeFileSync(DOC_PATH, applyBlocks(doc, blocks));
  process.stdout.write(`docs/model.md: updated ${stale.map((s) => s.name).join(', ')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
