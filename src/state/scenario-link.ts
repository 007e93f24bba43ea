import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import * as v from 'valibot';
import {
  type Issue,
  parseScenario,
  type Result,
  SCHEMA_VERSION,
  type Scenario,
  ScenarioSchema,
} from '../engine/index.js';
import type { Lang } from '../i18n.js';

/** Longest encoded link payload accepted (characters); longer ones are refused before decompressing. */
export const MAX_LINK_CHARS = 16_000;
/**
 * The link format's version. A link stores only its differences from a preset, so a change to a preset's
 * values changes what every older link means: each such change raises this version and adds a migration
 * that restores, in older links, the preset values they were made against. It is separate from the
 * scenario schema's version, which full scenarios (files, saved scenarios) carry and which a preset change
 * does not touch. test/state/scenario-link.test.ts fails when a preset changes without a new version.
 */
export const LINK_VERSION = 2;
/** Largest decompressed payload accepted (bytes), against decompression bombs. */
const MAX_JSON_BYTES = 256_000;
type ScenarioKey = Exclude<keyof Scenario, 'schemaVersion'>;
/**
 * The keys of a scenario a link carries: every field the schema has (but its version, which the link holds
 * itself), read from the schema so that a new field cannot be left out. Imported profiles, edited
 * capabilities and correlations travel with the scenario like everything else.
 */
export const LINK_KEYS = Object.keys(ScenarioSchema.entries).filter((k) => k !== 'schemaVersion') as ScenarioKey[];
const KEYS = LINK_KEYS;

/** What a link holds: the preset it started from and the scenario's differences from it. */
const LinkSchema = v.strictObject({
  v: v.pipe(v.number(), v.integer(), v.minValue(1)),
  b: v.pipe(v.string(), v.maxLength(64)),
  l: v.optional(v.picklist(['sv', 'en'])),
  s: v.record(v.picklist(KEYS), v.unknown()),
});

export interface DecodedLink {
  scenario: Scenario;
  lang?: Lang;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Encode a scenario as a compact link payload: its differences from the preset it started from
 * (or from the default), as JSON, deflated (fflate) and base64url-encoded.
 */
export function encodeScenario(scenario: Scenario, presets: readonly Scenario[], lang?: Lang): string {
  const base = presets.find((p) => p.id === scenario.id) ?? presets[0];
  const diff: Record<string, unknown> = {};
  for (const key of KEYS) if (!same(scenario[key], base[key])) diff[key] = scenario[key];
  const payload = { v: LINK_VERSION, b: base.id, ...(lang ? { l: lang } : {}), s: diff };
  return toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/**
 * Migrations of link payloads from older link versions, keyed by the version they upgrade from. Each adds
 * to an older link the preset values it was made against, where they have changed since; each comes with
 * a stored old link in test/fixtures/links.json.
 */
const MIGRATIONS: Record<number, (payload: { s: Record<string, unknown> }) => void> = {
  /**
   * Version 2: the presets stop at the first stable answer with scrambled Sobol sampling (#20). A version 1
   * link was made when every preset drew plain Monte Carlo runs and ran all of them, so it keeps that.
   */
  1: ({ s }) => {
    if (!Object.hasOwn(s, 'sampling')) s.sampling = 'mc';
    if (!Object.hasOwn(s, 'stopWhenStable')) s.stopWhenStable = false;
  },
};

/**
 * Decode a link payload back into a validated scenario. Never throws: a truncated, corrupted, oversized,
 * wrong-version or hostile payload gives issues naming what is wrong.
 */
export function decodeScenario(text: string, presets: readonly Scenario[]): Result<DecodedLink> {
  const fail = (path: string, message: string): Result<DecodedLink> => ({ ok: false, issues: [{ path, message }] });
  if (text.length > MAX_LINK_CHARS)
    return fail('link', `too long (${text.length} characters, at most ${MAX_LINK_CHARS})`);
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return fail('link', 'contains characters a link cannot hold');
  let json: string;
  try {
    const inflated = inflateSync(fromBase64Url(text), { out: undefined });
    if (inflated.length > MAX_JSON_BYTES) return fail('link', 'expands to too much data');
    json = strFromU8(inflated);
  } catch {
    return fail('link', 'is damaged or cut short and cannot be read');
  }
  let raw: unknown;
  let forbidden = '';
  try {
    raw = JSON.parse(json, (key, value) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') forbidden = key;
      return value;
    });
  } catch {
    return fail('link', 'is damaged and cannot be read');
  }
  if (forbidden) return fail('link', `contains the forbidden key "${forbidden}"`);
  const envelope = v.safeParse(LinkSchema, raw);
  if (!envelope.success) {
    return {
      ok: false,
      issues: envelope.issues.map((i) => ({ path: `link.${v.getDotPath(i) ?? ''}`, message: i.message })),
    };
  }
  const payload = envelope.output;
  if (payload.v > LINK_VERSION) return fail('link.v', `made by a newer version (${payload.v}) of the app`);
  for (let version = payload.v; version < LINK_VERSION; version++) MIGRATIONS[version]?.(payload);
  const base = presets.find((p) => p.id === payload.b);
  if (!base) return fail('link.b', `unknown preset "${payload.b}"`);
  // build a fresh object: only known keys are copied, so __proto__ and friends never reach the scenario
  const merged: Record<string, unknown> = { ...structuredClone(base) };
  for (const key of KEYS) if (Object.hasOwn(payload.s, key)) merged[key] = payload.s[key];
  merged.schemaVersion = SCHEMA_VERSION;
  const scenario = parseScenario(merged);
  if (!scenario.ok)
    return { ok: false, issues: scenario.issues.map((i: Issue) => ({ ...i, path: `scenario.${i.path}` })) };
  return { ok: true, value: { scenario: scenario.value, lang: payload.l } };
}
