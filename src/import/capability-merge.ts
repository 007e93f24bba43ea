/**
 * Applying capability rows onto the catalogue: which capability a row means (by id, with its name as a
 * check against shifted rows), and the problems of a changed capability, placed at the file's row and
 * column. The shared merge is `./merge.ts`.
 */
import { type Capability, parseCapabilities } from '../engine/index.js';
import { formatCsvNumber } from '../export/csv.js';
import type { CapabilityChange } from './capabilities.js';
import {
  type BooleanField,
  CAPABILITY_FIELDS,
  type CapabilityField,
  getField,
  isBooleanField,
  SCALE_FIELDS,
  SCALE_PART,
  sourceKey,
} from './capability-fields.js';
import type { CapabilityRow } from './capability-rows.js';
import { normalizeName, sameName } from './headers.js';
import { describeOther, type MergeSpec, type Origin } from './merge.js';
import { clip, notAllowed, type Problem, problemAt } from './problems.js';

/** What each numeric field must be, in Swedish (mirrors CapabilitySchema). */
const RULE: Record<Exclude<CapabilityField, BooleanField>, string> = {
  minFte: 'får inte vara negativt (årsarbetare)',
  fteAtRef: 'får inte vara negativt (årsarbetare vid referensvolymen)',
  refVolume: 'ska vara större än 0',
  scale_low: 'ska vara en skalexponent från 0,3 till 1,2',
  scale_mode: 'ska vara en skalexponent från 0,3 till 1,2',
  scale_high: 'ska vara en skalexponent från 0,3 till 1,2',
  nonStaffCost: 'får inte vara negativt (kronor per år)',
  nonStaffScale: 'ska vara från 0 till 1,2',
};

/** A value as the Swedish messages show it: `ja`/`nej`, or a number with a decimal comma. */
const formatSv = (value: number | boolean): string =>
  typeof value === 'boolean' ? (value ? 'ja' : 'nej') : formatCsvNumber(value, 'sv');

interface Resolved {
  read: CapabilityRow;
  at: number;
}

/** How rows are applied (see `importFile`). */
type Spec = MergeSpec<Capability, CapabilityField, number | boolean, CapabilityRow, Resolved, CapabilityChange>;

/** The rows whose ids are known and given once (with names that fit), in file order. */
const resolveRows: Spec['resolve'] = (format, rows, log, current) => {
  const index = new Map(current.map((capability, i) => [capability.id, i]));
  const resolved: Resolved[] = [];
  for (const row of rows) {
    if (row.id === null) {
      if (format === 'csv') log.reject(problemAt(format, row.row, null, 'förmågans id saknas'));
      else log.bad.add(row.row);
      continue;
    }
    const id = normalizeName(row.id.value);
    const i = index.get(id);
    if (i === undefined) {
      const byName = current.find(
        (c) => sameName(c.name.sv, row.id?.value ?? '') || sameName(c.name.en, row.id?.value ?? ''),
      );
      const hint = byName ? ` Menade du ${byName.id}? (kolumnen ska ha id, inte namn)` : '';
      log.reject(problemAt(format, row.row, row.id.column, `okänd förmåga ”${clip(row.id.value)}”.${hint}`));
      continue;
    }
    if (!log.claim(id, row)) continue;
    const capability = current[i];
    for (const name of row.name?.value ?? []) {
      const fits =
        name.lang === null
          ? sameName(name.text, capability.name.sv) || sameName(name.text, capability.name.en)
          : sameName(name.text, capability.name[name.lang]);
      if (!fits) {
        const text = `förmågan ${id} heter ”${capability.name.sv}” (${capability.name.en}), inte ”${clip(name.text)}”. Kontrollera id:t.`;
        log.reject(problemAt(format, row.row, row.name?.column ?? null, text));
        break;
      }
    }
    resolved.push({ read: row, at: i });
  }
  // a capability given twice: which row is meant is unknown, so neither is applied
  log.refuseRepeated(format, 'Förmågan', (r) => r.id?.column ?? null);
  return resolved;
};

/** The problems of one changed capability: its scale's order, then the project's schema, placed in the file. */
const schemaProblems: Spec['check'] = (format, next, i, fields, current) => {
  const problems: Problem[] = [];
  // scale order, with a message that shows the three values
  const scaleOrigin = SCALE_FIELDS.map((f) => fields.get(f)).find((o) => o !== undefined);
  const { low, mode, high } = next.scale;
  const scaleReported = scaleOrigin !== undefined && !(low <= mode && mode <= high);
  if (scaleOrigin && scaleReported) {
    const text = `skalelasticiteten måste vara lägsta ≤ troligast ≤ högsta, men blir ${formatSv(low)}, ${formatSv(mode)} och ${formatSv(high)}`;
    problems.push(problemAt(format, scaleOrigin.row, scaleOrigin.column, text));
  }
  const checked = parseCapabilities([next]);
  if (checked.ok) return problems;
  const placed = new Set<string>();
  const row = [...fields.values()][0]?.row ?? null;
  for (const issue of checked.issues) {
    const [, second, third] = issue.path.split('.');
    let origin: Origin | undefined;
    let text: string | undefined;
    let column: string | null = null;
    if (second === 'sources') {
      origin = [...fields].find(([field]) => sourceKey(field) === third)?.[1];
      column = origin?.sourceColumn ?? null;
      text = 'källan ska ha från 3 till 2 000 tecken';
    } else if (second === 'scale' && third === undefined) {
      if (scaleReported) continue;
      origin = scaleOrigin;
      column = origin?.column ?? null;
      text = 'skalelasticiteten måste vara lägsta ≤ troligast ≤ högsta';
    } else {
      const field = (second === 'scale' ? `scale_${third}` : second) as CapabilityField;
      origin = fields.get(field);
      column = origin?.column ?? null;
      if (origin && !isBooleanField(field) && field in RULE) text = notAllowed(format, origin.raw, RULE[field]);
    }
    if (origin && text !== undefined) {
      const key = `${column}:${text}`;
      if (placed.has(key)) continue;
      placed.add(key);
      problems.push(problemAt(format, origin.row, column, text));
    } else {
      // not a value from the file: name the field by its label
      problems.push(problemAt(format, row, null, describeOther('capabilities', i, issue, { capabilities: current })));
    }
  }
  return problems;
};

/** How capability rows are applied onto the catalogue (see `importFile`). */
export const MERGE: Spec = {
  resolve: resolveRows,
  fields: CAPABILITY_FIELDS,
  get: getField,
  copy: (capability) => ({ ...capability, scale: { ...capability.scale }, sources: { ...capability.sources } }),
  set: (next, field, value) => {
    const part = SCALE_PART[field];
    if (part) next.scale[part] = value as number;
    else Object.assign(next, { [field]: value });
  },
  sourceKey,
  change: ({ read }, { id, name }, field, from, to, source) => ({
    id,
    name: name.sv,
    field,
    from,
    to,
    source,
    row: read.row,
  }),
  check: schemaProblems,
};
