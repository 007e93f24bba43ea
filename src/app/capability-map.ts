/**
 * The capability map's intents: edits of cells and of the source, the template (all members or one kommun)
 * and the import of filled templates (preview, apply, cancel). Every change of the map is an edit of the
 * scenario, so the map travels with links, files and saved scenarios.
 */
import type { Capability } from '../engine/index.js';
import type { IntentMap } from '../events.js';
import { mapTemplate, parseMapFiles } from '../import/capability-map.js';
import { readMapInputs } from '../import/xlsx.js';
import * as actions from '../state/actions.js';
import type { AppState } from '../state/app-state.js';
import { mapChanges } from '../state/capability-map.js';
import { fileSlug } from '../state/scenario-name.js';
import type { AppHost, Recipe } from './host.js';
import { currentCapabilities, currentProfiles } from './overrides.js';

/** The members (code and name, in the scenario's order) and the catalogue in use, from the state. */
export function mapInputs(s: AppState): { members: { code: string; name: string }[]; catalogue: Capability[] } {
  const byCode = new Map(currentProfiles(s).map((m) => [m.code, m]));
  return {
    members: s.scenario.members.map((code) => ({ code, name: byCode.get(code)?.name ?? code })),
    catalogue: currentCapabilities(s),
  };
}

/** The capability map's commands; `edit` applies a change of the scenario and schedules its run. */
export class MapCommands {
  constructor(
    private readonly host: AppHost,
    private readonly edit: (recipe: Recipe) => void,
  ) {}

  private get store() {
    return this.host.store;
  }

  setCell({ code, id, cell }: IntentMap['dm-map-cell-change']): void {
    this.edit(actions.setMapCell(code, id, cell));
  }

  setSource(source: string): void {
    this.edit(actions.setMapSource(source));
  }

  clear(): void {
    this.edit(actions.clearMap());
  }

  /** Download the template, pre-filled with the map's values: every member in one file, or one kommun. */
  template(code?: string): void {
    const state = this.store.state;
    const { members: all, catalogue } = mapInputs(state);
    const members = all.filter((m) => code === undefined || m.code === code);
    if (members.length === 0) return;
    const text = mapTemplate(members, catalogue, state.scenario.capabilityMap, state.lang);
    const name = code === undefined ? 'alla' : fileSlug(members[0].name);
    this.host.saveFile(`formagekarta-${name}.csv`, text, 'text/csv');
  }

  /** Read filled templates (CSV or .xlsx) and preview what they would change; nothing is applied here. */
  async importFiles(files: File[]): Promise<void> {
    const read = await readMapInputs(
      await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    );
    const state = this.store.state;
    const municipalities = state.data.status === 'ready' ? state.data.municipalities : [];
    const { members, catalogue } = mapInputs(state);
    const result = parseMapFiles(read, { members, municipalities, catalogue, current: state.scenario.capabilityMap });
    this.store.update(
      actions.mapImportPreviewed(
        result.ok
          ? {
              files: result.files,
              problems: result.problems,
              imported: result.imported,
              changes: mapChanges(state.scenario.capabilityMap, result.imported),
            }
          : { files: result.files, problems: result.problems },
      ),
    );
  }

  applyImport(): void {
    const imported = this.store.state.mapImport?.imported;
    if (imported) this.edit(actions.applyMapImport(imported));
  }

  cancelImport(): void {
    this.store.update(actions.mapImportPreviewed(null));
  }
}
