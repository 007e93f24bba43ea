/**
 * The scenario's own data over the embedded data: the profiles and capabilities in use, the data import
 * (preview, apply, cancel, reset) and edits of single profile and capability values with their refusals.
 */
import { type Capability, type Municipality, parseCapabilities, parseMunicipalities } from '../engine/index.js';
import { t } from '../i18n.js';
import { parseCapabilityFile } from '../import/capabilities.js';
import { capabilityFieldLabel, profileFieldLabel } from '../import/labels.js';
import { parseProfileFile } from '../import/profiles.js';
import * as actions from '../state/actions.js';
import type { AppState } from '../state/app-state.js';
import { describeMessage } from '../state/issue-text.js';
import type { Store } from '../state/store.js';
import type { Recipe } from './host.js';

/** Where an edit in the workspace is recorded as the source of a value. */
const EDITED_SOURCE = 'ändrat i arbetsytan (Data och källor)';

/** The municipality profiles in use: the embedded ones with the scenario's own figures applied. */
export function currentProfiles({ data, scenario }: AppState): Municipality[] {
  if (data.status !== 'ready') return [];
  const carried = new Map((scenario.profiles ?? []).map((p) => [p.code, p]));
  return data.municipalities.map((m) => (carried.get(m.code) ?? m) as Municipality);
}

/** The capability catalogue in use: the embedded one with the scenario's own capabilities applied. */
export function currentCapabilities({ data, scenario }: AppState): Capability[] {
  if (data.status !== 'ready') return [];
  const own = new Map((scenario.capabilities ?? []).map((c) => [c.id, c]));
  return data.capabilities.map((c) => (own.get(c.id) ?? c) as Capability);
}

/** The data intents; `edit` applies a change of the scenario and schedules its run. */
export class Overrides {
  constructor(
    private readonly store: Store<AppState>,
    private readonly edit: (recipe: Recipe) => void,
  ) {}

  /** Read an import file and preview what it would change; nothing is applied here. */
  async importFile(file: File, what: 'municipalities' | 'capabilities'): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (what === 'capabilities') {
      const result = parseCapabilityFile(bytes, file.name, currentCapabilities(this.store.state));
      this.store.update(
        actions.importPreviewed(
          result.ok
            ? {
                file: file.name,
                changes: result.changes,
                capabilities: result.capabilities,
                problems: result.problems,
              }
            : { file: file.name, problems: result.problems },
        ),
      );
      return;
    }
    const result = parseProfileFile(bytes, file.name, currentProfiles(this.store.state));
    this.store.update(
      actions.importPreviewed(
        result.ok
          ? { file: file.name, changes: result.changes, profiles: result.profiles, problems: result.problems }
          : { file: file.name, problems: result.problems },
      ),
    );
  }

  /** Apply the previewed import's changed rows; the rows left out stay listed, to be corrected in the file. */
  applyImport(): void {
    const preview = this.store.state.importPreview;
    if (!preview || !('changes' in preview)) return;
    if ('capabilities' in preview) {
      const changed = new Set(preview.changes.map((c) => c.id));
      this.edit(actions.applyCapabilities(preview.capabilities.filter((c) => changed.has(c.id))));
    } else {
      const changed = new Set(preview.changes.map((c) => c.code));
      this.edit(actions.applyProfiles(preview.profiles.filter((p) => changed.has(p.code))));
    }
    if (preview.problems?.length)
      this.store.update(
        actions.importPreviewed({ file: preview.file, problems: preview.problems, applied: preview.changes.length }),
      );
  }

  cancelImport(): void {
    this.store.update(actions.importPreviewed(null));
  }

  /** Back to the embedded profiles and capabilities. */
  reset(): void {
    this.edit(actions.resetProfiles());
    this.edit(actions.resetCapabilities());
  }

  /** Change one value of a municipality's profile (null: remove it), if the profile stays valid. */
  editProfile(code: string, field: string, value: number | null): void {
    const profile = currentProfiles(this.store.state).find((m) => m.code === code);
    if (!profile) return;
    const next = { ...profile, [field]: value, sources: { ...profile.sources, [field]: EDITED_SOURCE } };
    if (value === null) delete (next as Record<string, unknown>)[field];
    const checked = parseMunicipalities([next]);
    const lang = this.store.state.lang;
    if (!checked.ok) {
      this.refuseEdit(`${profile.name}, ${profileFieldLabel(field, lang)}`, describeMessage(checked.issues[0], lang));
      return;
    }
    this.edit(actions.applyProfiles(checked.value));
  }

  /** Change one value of a capability, if it stays valid. */
  editCapability(id: string, field: string, value: number | boolean): void {
    const { data, scenario } = this.store.state;
    if (data.status !== 'ready') return;
    const capability = scenario.capabilities?.find((c) => c.id === id) ?? data.capabilities.find((c) => c.id === id);
    if (!capability) return;
    const next = { ...capability, [field]: value, sources: { ...capability.sources, [field]: EDITED_SOURCE } };
    const checked = parseCapabilities([next]);
    const lang = this.store.state.lang;
    if (!checked.ok) {
      this.refuseEdit(
        `${capability.name[lang]}, ${capabilityFieldLabel(field, lang)}`,
        describeMessage(checked.issues[0], lang),
      );
      return;
    }
    this.edit(actions.applyCapabilities(checked.value));
  }

  /** Say why an edited value was not accepted; the previous value stays. */
  private refuseEdit(what: string, why: string): void {
    this.store.update(
      actions.noticeShown({
        kind: 'error',
        text: t('theValueForWas', this.store.state.lang, what, why),
      }),
    );
  }
}
