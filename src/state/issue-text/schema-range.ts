/**
 * The range a number field allows, read from the project's schemas at an issue's path, and said in words
 * (`måste vara ett heltal mellan 1 och 30`), so that a message about a bound names the whole range.
 */
import { CapabilitySchema, MunicipalitySchema, ScenarioSchema } from '../../engine/index.js';
import type { Lang } from '../../i18n.js';
import { formatExact } from '../../import/labels.js';
import { SCENARIO_FIELD } from './field-label.js';
import { isIndex, num } from './words.js';

/** The range a schema allows at a path: its minimum, maximum, and whether it must be a whole number. */
export interface Range {
  min?: number;
  max?: number;
  above?: number;
  integer: boolean;
}

type AnySchema = {
  type: string;
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  item?: AnySchema;
  value?: AnySchema;
  options?: AnySchema[];
  pipe?: { kind: string; type: string; requirement?: unknown }[];
};

/** The schema of a field at a path of `schema`, if the path leads to one. */
function schemaAt(schema: AnySchema | undefined, parts: string[]): AnySchema | undefined {
  let node = schema;
  for (const part of parts) {
    while (node && (node.type === 'optional' || node.type === 'nullable' || node.type === 'nullish'))
      node = node.wrapped;
    if (!node) return undefined;
    if (node.options) {
      for (const option of node.options) {
        const found = schemaAt(option, [part]);
        if (found) {
          node = found;
          break;
        }
      }
      if (node.options) return undefined;
      continue;
    }
    if (node.entries) node = node.entries[part];
    else if (node.type === 'array' && isIndex(part)) node = node.item;
    else if (node.type === 'record') node = node.value;
    else return undefined;
  }
  while (node && (node.type === 'optional' || node.type === 'nullable' || node.type === 'nullish')) node = node.wrapped;
  return node;
}

/** The range of a number field at an issue path, from the project's schemas; `null` for other fields. */
export function rangeAt(path: string): Range | null {
  const parts = path.split('.');
  const [head, ...rest] = parts;
  const tail = head === 'link' && rest[0] === 's' ? rest.slice(1) : rest;
  const schema =
    head === 'scenario' || (head === 'link' && rest[0] === 's')
      ? schemaAt(ScenarioSchema as unknown as AnySchema, tail)
      : head === 'municipalities'
        ? schemaAt(MunicipalitySchema as unknown as AnySchema, rest.slice(1))
        : head === 'capabilities'
          ? schemaAt(CapabilitySchema as unknown as AnySchema, rest.slice(1))
          : head in SCENARIO_FIELD
            ? schemaAt(ScenarioSchema as unknown as AnySchema, parts)
            : undefined;
  if (!schema?.pipe || schema.type !== 'number') return null;
  const range: Range = { integer: false };
  for (const action of schema.pipe) {
    if (action.type === 'min_value') range.min = action.requirement as number;
    else if (action.type === 'max_value') range.max = action.requirement as number;
    else if (action.type === 'gt_value') range.above = action.requirement as number;
    else if (action.type === 'integer') range.integer = true;
  }
  return range;
}

/** What a range asks for, in words: `måste vara ett heltal mellan 1 och 30`, `måste ligga mellan 0 och 1`. */
export function rangeWords(range: Range, lang: Lang): string {
  const sv = lang === 'sv';
  const n = (x: number) => formatExact(x, lang);
  const whole = range.integer ? (sv ? 'måste vara ett heltal ' : 'must be a whole number ') : '';
  if (range.min !== undefined && range.max !== undefined)
    return sv
      ? `${whole || 'måste ligga '}mellan ${n(range.min)} och ${n(range.max)}`
      : `${whole || 'must lie '}from ${n(range.min)} to ${n(range.max)}`;
  if (range.min !== undefined)
    return sv ? `${whole || 'måste vara '}minst ${n(range.min)}` : `${whole || 'must be '}at least ${n(range.min)}`;
  if (range.max !== undefined)
    return sv ? `${whole || 'får vara '}högst ${n(range.max)}` : `${whole || 'must be '}at most ${n(range.max)}`;
  if (range.above !== undefined)
    return sv
      ? `${whole || 'måste vara '}större än ${n(range.above)}`
      : `${whole || 'must be '}above ${n(range.above)}`;
  return sv ? 'måste vara ett heltal' : 'must be a whole number';
}

/** ` (nu 50)`: the value given, when it is a number. */
export function given(received: string | undefined, lang: Lang): string {
  if (received === undefined) return '';
  const x = Number(received);
  if (received.trim() === '' || Number.isNaN(x)) return '';
  return lang === 'sv' ? ` (nu ${num(received, lang)})` : ` (now ${num(received, lang)})`;
}
