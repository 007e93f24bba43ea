/**
 * Fields that a newer version of the app wrote into a stored entry: left out when the entry is read
 * ({@link withoutUnknown}), and laid back under what this version writes ({@link overlay}), so that saving
 * an entry again never loses them. Keys are set as data, so `__proto__` stays a key.
 */
import * as v from 'valibot';

export type Plain = Record<string, unknown>;
export const isPlain = (x: unknown): x is Plain => Object.prototype.toString.call(x) === '[object Object]';

/** Set a property as data, so that a key such as `__proto__` stays a key and never becomes a prototype. */
function put(target: Plain, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// the parts of a valibot schema walked here (valibot keeps them on the schema object)
export interface Walked {
  type: string;
  entries?: Record<string, Walked>;
  wrapped?: Walked;
  item?: Walked;
  value?: Walked;
  options?: Walked[];
}

/**
 * `value` without the object keys `schema` does not know, at any depth (for a union: as the first option
 * it then fits). `dropped` counts the keys left out. A value that does not fit for another reason is
 * returned as it is, so that parsing it names the real problem.
 */
export function withoutUnknown(schema: Walked, value: unknown, dropped: { n: number }): unknown {
  switch (schema.type) {
    case 'strict_object':
    case 'object':
    case 'loose_object': {
      if (!isPlain(value) || !schema.entries) return value;
      const out: Plain = {};
      for (const [key, x] of Object.entries(value)) {
        if (Object.hasOwn(schema.entries, key)) put(out, key, withoutUnknown(schema.entries[key], x, dropped));
        else dropped.n++;
      }
      return out;
    }
    case 'optional':
    case 'exact_optional':
    case 'nullable':
    case 'nullish':
      return value === undefined || value === null || !schema.wrapped
        ? value
        : withoutUnknown(schema.wrapped, value, dropped);
    case 'array':
      return Array.isArray(value) && schema.item ? value.map((x) => withoutUnknown(schema.item!, x, dropped)) : value;
    case 'record': {
      if (!isPlain(value) || !schema.value) return value;
      const out: Plain = {};
      for (const [key, x] of Object.entries(value)) put(out, key, withoutUnknown(schema.value, x, dropped));
      return out;
    }
    case 'union':
    case 'variant':
      for (const option of schema.options ?? []) {
        const own = { n: 0 };
        const fitted = withoutUnknown(option, value, own);
        if (v.is(option as unknown as v.GenericSchema, fitted)) {
          dropped.n += own.n;
          return fitted;
        }
      }
      return value;
    default:
      return value;
  }
}

/**
 * `known` laid over `stored`: every field of `known`, and every field of `stored` that `known` does not
 * have (fields of a newer version), at any depth.
 */
export function overlay(stored: unknown, known: unknown): unknown {
  if (isPlain(stored) && isPlain(known)) {
    const out: Plain = {};
    for (const [key, x] of Object.entries(stored)) if (!Object.hasOwn(known, key)) put(out, key, x);
    for (const [key, x] of Object.entries(known)) put(out, key, overlay(stored[key], x));
    return out;
  }
  if (Array.isArray(stored) && Array.isArray(known)) return known.map((x, i) => overlay(stored[i], x));
  return known;
}
