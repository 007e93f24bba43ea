/**
 * The problems an import reports, and the helpers that word and collect them: the {@link Problem} shape
 * (row, column and a Swedish message that names its place), the order they are shown in, and the
 * bookkeeping of which rows are left out. Shared by the importers of municipality profiles (`./profiles.ts`)
 * and capabilities (`./capabilities.ts`). Pure: no DOM.
 */

/**
 * One reason a file, or a row of it, was refused. `row` is the row as Excel numbers it (the header is row 1; a leading
 * `sep=;` line is not counted) or, for JSON, the entry's position in the array from 1; `column` is the
 * column header or JSON key as written in the file. Either is `null` when the problem is not tied to one.
 * `message` is Swedish and names the place itself, e.g. `Raden 4, kolumnen population: ”abc” är inte ett tal`.
 */
export interface Problem {
  row: number | null;
  column: string | null;
  message: string;
}

/** Whether a problem's place is a CSV row and column or a JSON entry and field. */
export type FileFormat = 'csv' | 'json';

/** A refused file: nothing in it can be applied, for the reasons given (never empty). */
export interface Refused {
  ok: false;
  problems: Problem[];
}

/** Text shortened for a message, so that a huge cell or header does not make a huge message. */
export const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Whole numbers with a space between groups of three digits, as in Swedish text (`1 000`). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

/** A problem about the whole file (no row, no column). */
export const fileProblem = (message: string): Problem => ({ row: null, column: null, message });

/** A file refused for one reason about the whole of it. */
export const refuse = (message: string): Refused => ({ ok: false, problems: [fileProblem(message)] });

/** A problem with its place spelt out in Swedish: "Raden 4, kolumnen population: …" or "Post 2, fältet …". */
export function problemAt(format: FileFormat, row: number | null, column: string | null, text: string): Problem {
  let place = '';
  if (row === null) place = column === null ? '' : `Kolumnen ${column}: `;
  else {
    const where = format === 'csv' ? `Raden ${row}` : `Post ${row}`;
    place = column === null ? `${where}: ` : `${where}, ${format === 'csv' ? 'kolumnen' : 'fältet'} ${column}: `;
  }
  return { row, column, message: `${place}${text}` };
}

/** Problems in file order: those about the whole file first, then by row (stable within a row). */
export const sortProblems = (problems: Problem[]): Problem[] =>
  problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);

/**
 * The text of a value the schema refuses, as the file wrote it (quoted for CSV, JSON as it is), with the
 * rule it breaks: `”-3” är inte tillåtet: får inte vara negativt`.
 */
export const notAllowed = (format: FileFormat, raw: string, rule: string): string =>
  `${format === 'csv' ? `”${clip(raw)}”` : clip(raw)} är inte tillåtet: ${rule}`;

const TIMES = ['', 'en gång', 'två gånger', 'tre gånger'];

/**
 * The problems found while applying a file's rows, and the rows they leave out (none of a bad row's values
 * is applied). Also tracks which row names which item (kommunkod, capability id), so that an item given
 * in several rows can be refused in all of them.
 */
export class RowProblems<R extends { row: number }> {
  readonly problems: Problem[];
  /** Rows with a problem. */
  readonly bad: Set<number>;
  private readonly rowsOfKey = new Map<string, R[]>();

  /** Starts from the problems found while reading; the rows they name are bad. */
  constructor(initial: readonly Problem[]) {
    this.problems = [...initial];
    this.bad = new Set(this.problems.flatMap((p) => (p.row === null ? [] : [p.row])));
  }

  /** Records a problem and leaves its row out. */
  reject(p: Problem): void {
    this.problems.push(p);
    if (p.row !== null) this.bad.add(p.row);
  }

  /** Records that `read` names `key`; whether it is the first row to do so. */
  claim(key: string, read: R): boolean {
    const same = this.rowsOfKey.get(key) ?? [];
    same.push(read);
    this.rowsOfKey.set(key, same);
    return same.length === 1;
  }

  /**
   * Leaves out every row of an item given more than once (which row is meant is unknown), with one problem
   * at its second row: `Kommunkoden 1485 förekommer tre gånger (rad 2, 4 och 7)`.
   */
  refuseRepeated(format: FileFormat, what: string, column: (read: R) => string | null): void {
    for (const [key, same] of this.rowsOfKey) {
      if (same.length < 2) continue;
      const places = same.map((r) => r.row);
      const list = `${places.slice(0, -1).join(', ')} och ${places.at(-1)}`;
      this.problems.push({
        row: places[1],
        column: column(same[1]),
        message: `${what} ${key} förekommer ${TIMES[same.length] ?? `${same.length} gånger`} (${format === 'csv' ? 'rad' : 'post'} ${list})`,
      });
      for (const row of places) this.bad.add(row);
    }
  }

  /**
   * The outcome: refused when the file cannot be trusted as a whole (`blocking`, or a problem about the
   * whole file) or has no valid row; otherwise `ok` with the problems of the rows left out. Problems are
   * in file order.
   */
  outcome<T extends object>(
    rows: readonly R[],
    blocking: boolean | undefined,
    ok: T,
  ): Refused | (T & { problems: Problem[] }) {
    const valid = rows.filter((r) => !this.bad.has(r.row)).length;
    const fileWide = this.problems.some((p) => p.row === null);
    if (blocking || fileWide || (valid === 0 && this.problems.length > 0)) {
      return { ok: false, problems: sortProblems(this.problems) };
    }
    return { ...ok, problems: sortProblems(this.problems) };
  }
}
