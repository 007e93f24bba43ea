import type { Arg, Entry } from './entry.js';

/** The working scenario kept in the browser: its notices, the name of earlier work, the limit on work a link may start. */
export const WORK_STRINGS = {
  restoreYourLatestWork: { sv: 'Återställ ditt senaste arbete', en: 'Restore your latest work' },
  yourLatestWorkHas: { sv: 'Ditt senaste arbete är återställt.', en: 'Your latest work has been restored.' },
  startOverFrom: {
    sv: (home: Arg) => `Börja om från ${home}`,
    en: (home: Arg) => `Start over from ${home}`,
  },
  theLinkShowsAnother: {
    sv: 'Länken visar ett annat scenario än det du arbetade med senast. Ditt senaste arbete finns kvar.',
    en: 'The link shows another scenario than the one you last worked on. Your latest work is kept.',
  },
  yourEarlierWorkIs: {
    sv: (name: Arg | null) => `Ditt tidigare arbete finns kvar under Sparade scenarier som ”${name}”.`,
    en: (name: Arg | null) => `Your earlier work is kept under Saved scenarios as “${name}”.`,
  },
  itIsKeptUnder: {
    sv: 'Det finns kvar under Sparade scenarier, där du kan ladda ner eller ta bort det.',
    en: 'It is kept under Saved scenarios, where you can download or delete it.',
  },
  itIsKeptIn: {
    sv: 'Det finns kvar i webbläsaren. Ladda ner det som fil för att se eller rätta det.',
    en: 'It is kept in the browser. Download it as a file to look at or correct it.',
  },
  yourLatestWorkCould: {
    sv: (why: Arg, where: Arg) => `Ditt senaste arbete kunde inte återställas: ${why}. ${where}`,
    en: (why: Arg, where: Arg) => `Your latest work could not be restored: ${why}. ${where}`,
  },
  downloadLatestWork: { sv: 'Ladda ner som fil', en: 'Download as a file' },
  yourWorkCouldNot: {
    sv: (why: Arg) =>
      `Ditt arbete kunde inte sparas i webbläsaren (${why}). Ladda ner scenariot som fil för att behålla det.`,
    en: (why: Arg) =>
      `Your work could not be kept in the browser (${why}). Download the scenario as a file to keep it.`,
  },
  theScenarioAsksFor: {
    sv: (p1: Arg, p2: Arg, p3: Arg, p4: Arg) =>
      `Scenariot begär ${p1} körningar för ${p2} kommuner över ${p3} år, vilket kan ta timmar. Appen kör först ${p4}; välj ”Kör fler” under Osäkerhet för att fortsätta mot fler.`,
    en: (p1: Arg, p2: Arg, p3: Arg, p4: Arg) =>
      `The scenario asks for ${p1} runs for ${p2} municipalities over ${p3} years, which may take hours. The app runs ${p4} first; choose "Run more" under Uncertainty to go on.`,
  },
  earlierWork: {
    sv: (stamp: Arg) => `Tidigare arbete (${stamp})`,
    en: (stamp: Arg) => `Earlier work (${stamp})`,
  },
  scenarioDoesNotFitData: { sv: 'Scenariot passar inte uppgifterna.', en: 'The scenario does not fit the data.' },
} satisfies Record<string, Entry>;
