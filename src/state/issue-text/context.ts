/**
 * What an issue is about, to name things by: the scenario and the data it was found in, and the names of
 * municipalities and capabilities read from them (a name rather than a code, id or position).
 */
import type { Text } from '../../engine/index.js';
import type { Lang } from '../../i18n.js';

/** What helps to name things: the scenario and data the issue is about, all optional. */
export interface IssueContext {
  /** The scenario (raw or parsed), to name its members, own profiles, own capabilities and correlations. */
  scenario?: unknown;
  /** The municipalities of the data, to name a kommun rather than give its code or position. */
  municipalities?: readonly { code: string; name: string }[];
  /** The capability catalogue, to name a capability rather than give its id or position. */
  capabilities?: readonly { id: string; name: Text }[];
}

/** A value of the context's scenario at a path, if there is one. */
export function scenarioValue(context: IssueContext | undefined, ...parts: (string | number)[]): unknown {
  let value: unknown = context?.scenario;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A municipality's name by its code, or the code. */
export function municipalityName(code: string, context: IssueContext | undefined): string {
  const own = scenarioValue(context, 'profiles');
  const fromScenario = Array.isArray(own) ? own.find((p) => p?.code === code)?.name : undefined;
  // an own profile's name may itself be what is wrong (not text): then the embedded name, or the code
  if (typeof fromScenario === 'string' && fromScenario !== '') return fromScenario;
  return context?.municipalities?.find((m) => m.code === code)?.name ?? code;
}

/** A capability's name by its id, or the id. */
export function capabilityName(id: string, context: IssueContext | undefined, lang: Lang): string {
  const own = scenarioValue(context, 'capabilities');
  const found =
    (Array.isArray(own) ? own.find((c) => c?.id === id)?.name : undefined) ??
    context?.capabilities?.find((c) => c.id === id)?.name;
  return typeof found?.[lang] === 'string' ? found[lang] : id;
}
