/**
 * A whole import, for every importer ({@link importFile}): the file read into rows (`./table.ts`), then each
 * valid row's values applied as changes on a copy of its item, checked against the project's schema; also
 * the shape of a row that was read and the test of whether a value is a change at all. The importers give
 * what differs (which fields, how to read and set them, the schema check). Pure: no DOM.
 */
import type { Issue } from '../engine/index.js';
import { formatCsvNumber } from '../export/csv.js';
import { describeIssue, type IssueContext } from '../state/issue-text.js';
import { type FileFormat, type Problem, type Refused, RowProblems } from './problems.js';
import { type Cell, type RowRules, readFile } from './table.js';

/** One data row or JSON entry, read but not yet checked against the current data: its values by field. */
export interface RawRow<F, V> {
  row: number;
  source: Cell<string> | null;
  values: Map<F, Cell<V>>;
}

/** Where one changed field of an item came from, for placing validation issues. */
export interface Origin {
  row: number;
  column: string;
  raw: string;
  sourceColumn: string | null;
}

/**
 * Whether an imported value leaves the current one as it is: equal, or equal to it as a template writes it
 * (`formatCsvNumber` rounds to 6 decimals or 7 significant digits), so that re-importing an unedited
 * template changes nothing.
 */
export const unchanged = (from: unknown, to: unknown): boolean =>
  from === to || (typeof from === 'number' && typeof to === 'number' && Number(formatCsvNumber(from, 'en')) === to);

/** The source given to the fields a row changes when the row names none: `import: <fileName>`. */
export const defaultSource = (fileName: string): string => `import: ${fileName.slice(0, 200) || 'fil'}`;

/** What {@link importFile} needs to know of an importer's items and fields. */
export interface MergeSpec<T, F, V, R extends RawRow<F, V>, E, C> {
  /**
   * The rows that name an item of `current` (at index `at`), once, in file order; problems go to `log`
   * (which also tracks the items given more than once).
   */
  resolve: (format: FileFormat, rows: R[], log: RowProblems<R>, current: readonly T[]) => E[];
  /** The fields a row may change, in the order their changes are listed. */
  fields: readonly F[];
  get: (item: T, field: F) => V;
  /** A copy of an item that may be changed without touching the original (nor its `sources`). */
  copy: (item: T) => T;
  set: (next: T, field: F, value: V) => void;
  /** The key of `sources` that documents a field. */
  sourceKey: (field: F) => string;
  /** The change of a field of `item` to list for a preview. */
  change: (entry: E, item: T, field: F, from: V, to: V, source: string) => C;
  /** The problems of a changed item (at `at` in `current`), placed at the cells it came from (none: it may be applied). */
  check: (format: FileFormat, next: T, at: number, origins: Map<F, Origin>, current: readonly T[]) => Problem[];
}

/**
 * A user's file read into rows (`readFile` with the importer's `rules`) and applied onto `current`: the changes of each valid row (one without a problem) onto a copy
 * of its item, checked with `spec.check`; a row with problems is left out whole, else its copy replaces
 * the item. Refused when the file cannot be trusted as a whole or has no valid row (see
 * `RowProblems.outcome`). Items no row changes stay the same objects; `current` is not modified.
 */
export function importFile<
  T extends { sources: Record<string, string> },
  F,
  V,
  R extends RawRow<F, V>,
  E extends { read: R; at: number },
  C,
  K extends string,
>(
  bytes: Uint8Array,
  fileName: string,
  current: readonly T[],
  rules: RowRules<K, R>,
  spec: MergeSpec<T, F, V, R, E, C>,
): Refused | { ok: true; changes: C[]; merged: T[]; problems: Problem[] } {
  const file = readFile(bytes, fileName, rules);
  if (!('read' in file)) return file;
  const { format, read } = file;
  const log = new RowProblems<R>(read.problems);
  const resolved = spec.resolve(format, read.rows, log, current);
  const changes: C[] = [];
  const merged = current.slice();
  for (const entry of resolved) {
    const { read: row, at } = entry;
    if (log.bad.has(row.row)) continue;
    const source = row.source?.value.trim() || defaultSource(fileName);
    let next: T | null = null;
    const rowChanges: C[] = [];
    const origins = new Map<F, Origin>();
    for (const field of spec.fields) {
      const cell = row.values.get(field);
      if (cell === undefined) continue;
      const from = spec.get(current[at], field);
      if (unchanged(from, cell.value)) continue;
      next ??= spec.copy(current[at]);
      spec.set(next, field, cell.value);
      next.sources[spec.sourceKey(field)] = source;
      rowChanges.push(spec.change(entry, current[at], field, from, cell.value, source));
      origins.set(field, {
        row: row.row,
        column: cell.column,
        raw: cell.raw,
        sourceColumn: row.source?.column ?? null,
      });
    }
    if (!next) continue;
    const rowProblems = spec.check(format, next, at, origins, current);
    if (rowProblems.length > 0) {
      for (const p of rowProblems) log.reject(p);
      continue;
    }
    merged[at] = next;
    changes.push(...rowChanges);
  }
  return log.outcome(read.rows, read.blocking, { ok: true as const, changes, merged });
}

/**
 * A schema issue of item `at` that is not about a value from the file, in Swedish, naming the field by its
 * label: the issue's path (`0.minFte`, as the check of one item gives it) is placed at the item in the data.
 */
export function describeOther(
  collection: 'municipalities' | 'capabilities',
  at: number,
  issue: Issue,
  context: IssueContext,
): string {
  const path = `${collection}.${at}.${issue.path.split('.').slice(1).join('.')}`;
  return describeIssue({ ...issue, path }, 'sv', context);
}
