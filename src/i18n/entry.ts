/** A value put into a text: a formatted number, a name, a count. */
export type Arg = string | number;

/** One UI text in both languages: plain, or a function of the values it shows. */
export type Entry = { sv: string; en: string } | { sv: (...args: never[]) => string; en: (...args: never[]) => string };
