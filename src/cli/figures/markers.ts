/**
 * The figure blocks' markers in a document (`<!-- figures:NAME -->` … `<!-- /figures:NAME -->`): checking
 * them, reading and replacing what sits between them, and telling which blocks are stale, with a short diff.
 */
const openMarker = (name: string) => `<!-- figures:${name} -->`;
const closeMarker = (name: string) => `<!-- /figures:${name} -->`;

/** What sits between a block's markers: the content with a blank line on each side. */
const framed = (content: string) => `\n${content.trim()}\n`;

interface Located {
  /** Line indices of the opening and closing marker. */
  open: number;
  close: number;
}

/** Problems with a block's markers: each must appear exactly once, on its own line, opening first. */
export function markerProblems(doc: string, names: readonly string[]): string[] {
  const lines = doc.split('\n').map((l) => l.trim());
  const problems: string[] = [];
  for (const name of names) {
    const opens = lines.filter((l) => l === openMarker(name)).length;
    const closes = lines.filter((l) => l === closeMarker(name)).length;
    if (opens !== 1 || closes !== 1) {
      problems.push(
        `${name}: expected one "${openMarker(name)}" and one "${closeMarker(name)}", found ${opens} and ${closes}`,
      );
    } else if (lines.indexOf(closeMarker(name)) < lines.indexOf(openMarker(name))) {
      problems.push(`${name}: the closing marker comes before the opening one`);
    }
  }
  return problems;
}

function locate(lines: string[], name: string): Located {
  const open = lines.findIndex((l) => l.trim() === openMarker(name));
  const close = lines.findIndex((l) => l.trim() === closeMarker(name));
  return { open, close };
}

/** The text currently between a block's markers, or null when the markers are not usable. */
export function blockContent(doc: string, name: string): string | null {
  if (markerProblems(doc, [name]).length > 0) return null;
  const lines = doc.split('\n');
  const { open, close } = locate(lines, name);
  return lines.slice(open + 1, close).join('\n');
}

/** The document with each block's content replaced. Throws when a block's markers are missing or repeated. */
export function applyBlocks(doc: string, blocks: Record<string, string>): string {
  const problems = markerProblems(doc, Object.keys(blocks));
  if (problems.length > 0) throw new Error(`docs markers:\n${problems.join('\n')}`);
  let lines = doc.split('\n');
  for (const [name, content] of Object.entries(blocks)) {
    const { open, close } = locate(lines, name);
    lines = [...lines.slice(0, open + 1), ...framed(content).split('\n'), ...lines.slice(close)];
  }
  return lines.join('\n');
}

/** A short unified-style diff of the first differing stretch of two texts. */
export function briefDiff(current: string, wanted: string, context = 1, max = 6): string[] {
  const a = current.split('\n');
  const b = wanted.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - context);
  const out = [`@@ block line ${start + 1} @@`];
  for (const line of a.slice(from, start)) out.push(`  ${line}`);
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  for (const line of removed.slice(0, max)) out.push(`- ${line}`);
  if (removed.length > max) out.push(`  … ${removed.length - max} more removed`);
  for (const line of added.slice(0, max)) out.push(`+ ${line}`);
  if (added.length > max) out.push(`  … ${added.length - max} more added`);
  return out;
}

export interface StaleBlock {
  name: string;
  /** Why it is stale: a marker problem, or a diff of document (−) against generated (+). */
  detail: string[];
}

/** Blocks whose markers are unusable or whose content differs from what the generator produces. */
export function staleBlocks(doc: string, blocks: Record<string, string>): StaleBlock[] {
  const stale: StaleBlock[] = [];
  for (const [name, content] of Object.entries(blocks)) {
    const problems = markerProblems(doc, [name]);
    if (problems.length > 0) {
      stale.push({ name, detail: problems });
      continue;
    }
    const current = blockContent(doc, name) ?? '';
    const wanted = framed(content);
    if (current !== wanted) stale.push({ name, detail: briefDiff(current, wanted) });
  }
  return stale;
}
