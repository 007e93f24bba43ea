import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyBlocks,
  BLOCK_NAMES,
  type BlockName,
  DOC_PATH,
  figureBlocks,
  markerProblems,
  staleBlocks,
} from '../../src/cli/docs-figures.js';

/**
 * The figures quoted in docs/model.md are generated from the code (src/cli/docs-figures.ts). This fails
 * when the document and the generator disagree, so that the numbers cannot drift from the model.
 */
describe('docs/model.md figure blocks', { timeout: 300_000 }, () => {
  const doc = readFileSync(DOC_PATH, 'utf8');
  let blocks: Record<BlockName, string>;

  beforeAll(async () => {
    blocks = await figureBlocks();
  }, 300_000);

  it('has every marker pair exactly once, opening before closing', () => {
    expect(markerProblems(doc, BLOCK_NAMES)).toEqual([]);
  });

  it.each(BLOCK_NAMES)('block %s is what the generator produces', (name) => {
    const stale = staleBlocks(doc, { [name]: blocks[name] });
    const message = stale
      .map((s) => `docs/model.md block "${name}" is out of date: run npm run docs:figures\n${s.detail.join('\n')}`)
      .join('\n');
    expect(stale, message).toEqual([]);
  });

  it('notices a changed number, and applyBlocks puts it back', () => {
    const name: BlockName = 'sml-it';
    const changed = doc.replace(/(<!-- figures:sml-it -->[\s\S]*?\| Status quo +\| )(\d)/, (_, head, digit) => {
      return `${head}${(Number(digit) + 1) % 10}`;
    });
    expect(changed).not.toBe(doc);
    const stale = staleBlocks(changed, { [name]: blocks[name] });
    expect(stale.map((s) => s.name)).toEqual([name]);
    expect(stale[0].detail.some((line) => line.startsWith('- | Status quo'))).toBe(true);
    expect(applyBlocks(changed, blocks)).toBe(applyBlocks(doc, blocks));
  });
});
