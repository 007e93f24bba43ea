import type { Arg, Entry } from './entry.js';

/** Saved scenarios: the panel, its prompts and confirmations, and the notices of the saved-scenario commands. */
export const SAVED_STRINGS = {
  savedScenarios: { sv: 'Sparade scenarier', en: 'Saved scenarios' },
  theBrowserDoesNot: {
    sv: 'Webbläsaren tillåter inte lagring här (t.ex. privat läge). Använd ”Ladda ner scenario” för att spara.',
    en: 'The browser does not allow storage here (e.g. private mode). Use “Download scenario” to keep it.',
  },
  name: { sv: 'Namn', en: 'Name' },
  nameEGHost: { sv: 'Namn, t.ex. Värdkommun Vänersborg', en: 'Name, e.g. Host Vänersborg' },
  save: { sv: 'Spara', en: 'Save' },
  tick2ScenariosAnd: {
    sv: (MAX_COMPARE: Arg) => `Kryssa i 2–${MAX_COMPARE} scenarier och öppna fliken Jämförelse.`,
    en: (MAX_COMPARE: Arg) => `Tick 2–${MAX_COMPARE} scenarios and open the Comparison tab.`,
  },
  cannotBeRead: {
    sv: (p1: Arg) => `Kan inte läsas (${p1})`,
    en: (p1: Arg) => `Cannot be read (${p1})`,
  },
  thisVersionCannotRead: {
    sv: 'Den här versionen kan inte läsa dessa sparade scenarier. De finns kvar i webbläsaren tills du tar bort dem; ladda ner dem först om innehållet behövs.',
    en: 'This version cannot read these saved scenarios. They stay in the browser until you delete them; download them first if the content is needed.',
  },
  untitledScenario: { sv: 'Namnlöst scenario', en: 'Untitled scenario' },
  saved: { sv: 'Sparat', en: 'Saved' },
  downloadAsAFile: {
    sv: (shown: Arg) => `Ladda ner ”${shown}” som fil`,
    en: (shown: Arg) => `Download “${shown}” as a file`,
  },
  downloadAsFile: { sv: 'Ladda ner som fil', en: 'Download as file' },
  deleteNamed: {
    sv: (shown: Arg) => `Ta bort ”${shown}”`,
    en: (shown: Arg) => `Delete “${shown}”`,
  },
  deleteForGoodThis: {
    sv: (shown: Arg) =>
      `Ta bort ”${shown}” för gott? Det går inte att ångra. Ladda ner det först om innehållet behövs.`,
    en: (shown: Arg) =>
      `Delete “${shown}” for good? This cannot be undone. Download it first if the content is needed.`,
  },
  deleteButton: { sv: 'Ta bort', en: 'Delete' },
  newName: { sv: 'Nytt namn', en: 'New name' },
  municipalities: { sv: 'kommuner', en: 'municipalities' },
  noResultsYet: { sv: ' · resultat saknas än', en: ' · no results yet' },
  holdsFieldsFromA: {
    sv: 'Innehåller uppgifter från en nyare version; de används inte här men behålls.',
    en: 'Holds fields from a newer version; they are not used here but are kept.',
  },
  open: { sv: 'Öppna', en: 'Open' },
  rename: { sv: 'Byt namn', en: 'Rename' },
  duplicate: { sv: 'Duplicera', en: 'Duplicate' },
  confirmDelete: {
    sv: (name: Arg) => `Ta bort ”${name}”?`,
    en: (name: Arg) => `Delete “${name}”?`,
  },
  error: { sv: 'fel', en: 'error' },
  quotedName: {
    sv: (name: string | null | undefined) => `”${name ?? 'Namnlöst scenario'}”`,
    en: (name: string | null | undefined) => `“${name ?? 'Untitled scenario'}”`,
  },
  savedUnreadable: {
    sv: (n: number, names: Arg) =>
      `${n === 1 ? 'Ett sparat scenario' : `${n} sparade scenarier`} kan inte läsas av den här versionen: ${names}. ${n === 1 ? 'Det' : 'De'} finns kvar under Sparade scenarier, där du kan ladda ner eller ta bort ${n === 1 ? 'det' : 'dem'}.`,
    en: (n: number, names: Arg) =>
      `${n === 1 ? 'A saved scenario' : `${n} saved scenarios`} cannot be read by this version: ${names}. ${n === 1 ? 'It is' : 'They are'} kept under Saved scenarios, where you can download or delete ${n === 1 ? 'it' : 'them'}.`,
  },
  compareDoesNotFit: {
    sv: 'det passar inte den här versionens kommun- eller förmågeuppgifter. Öppna det för att se vad som behöver ändras',
    en: 'it does not fit this version’s municipality or capability data. Open it to see what needs changing',
  },
  compareComputationFailed: {
    sv: 'beräkningen misslyckades. Kryssa ur det och i det igen för att försöka på nytt',
    en: 'the computation failed. Untick it and tick it again to try again',
  },
  couldNotReadEntry: {
    sv: (why: Arg) => `Kunde inte läsa posten ur webbläsaren (${why}).`,
    en: (why: Arg) => `Could not read the entry from the browser (${why}).`,
  },
  couldNotDeleteEntry: {
    sv: (why: Arg) => `Kunde inte ta bort posten (${why}).`,
    en: (why: Arg) => `Could not delete the entry (${why}).`,
  },
  couldNotSaveInBrowser: {
    sv: (why: Arg) =>
      `Kunde inte spara i webbläsaren (${why}, t.ex. fullt lagringsutrymme). Ladda ner scenariot som fil i stället.`,
    en: (why: Arg) =>
      `Could not save in the browser (${why}, e.g. storage full). Download the scenario as a file instead.`,
  },
} satisfies Record<string, Entry>;
