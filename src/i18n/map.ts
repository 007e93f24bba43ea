import type { Entry } from './entry.js';

/** The capability map (förmågekartan, #19): its tab, grid, heatmap, template and import. */
export const MAP_STRINGS = {
  tabCapabilityMap: { sv: 'Förmågekarta', en: 'Capability map' },
  mapIntro: {
    sv: 'Varje kommuns egen bedömning av förmågorna i den digitala motorn i dag, grupperade under de nio nyckelförmågorna. Nivå: 0 saknas, 1 sårbar (hänger på en person), 2 etablerad, 3 stark. Kartan följer med scenariot i länkar, filer och sparade scenarier. I beräkningen håller kommunen i status quo det kartan säger (nivå 2–3 robust, nivå 1 aldrig robust) och betalar inte för det som saknas; nivåerna ändrar inte kostnaden för hela motorn. Det som en leverantör eller en befintlig samverkan levererar stannar där: samverkan, omfördelning och värdkommun flyttar det inte, och kommunen behåller dagens kostnad för det (katalogens kostnad vid kommunens egen volym, ett antagande). Sammanläggningen beslutar på nytt om allt. Är scenariots samverkan just den befintliga samverkan, markera de förmågorna som egen i stället, annars hålls de utanför den (modellbeskrivningen, kapitel 14).',
    en: 'Each municipality’s own assessment of the capabilities of the digital engine today, grouped under the nine key capabilities. Level: 0 missing, 1 vulnerable (hangs on one person), 2 established, 3 strong. The map travels with the scenario in links, files and saved scenarios. In the calculation a municipality holds in status quo what the map says (level 2–3 robustly, level 1 never robustly) and does not pay for what is missing; the levels do not change the cost of the full engine. What a supplier or an existing collaboration delivers stays there: collaboration, reallocation and the host municipality do not move it, and the municipality keeps today’s cost for it (the catalogue’s cost at its own volume, an assumption). A merger decides everything anew. If the scenario’s collaboration is that existing collaboration, mark those capabilities as own instead, or they are kept out of it (model description, chapter 14).',
  },
  mapExample: {
    sv: 'Påhittade exempelvärden – inte någon kommuns bedömning',
    en: 'Invented example values – not any kommun’s assessment',
  },
  mapSource: { sv: 'Vem har bedömt, och när', en: 'Who assessed, and when' },
  mapSourcePlaceholder: {
    sv: 't.ex. IT-chefsnätverket, workshop 12 mars 2026',
    en: 'e.g. the IT managers’ network, workshop 12 March 2026',
  },
  mapEditorHeading: { sv: 'Bedömning per kommun', en: 'Assessment by municipality' },
  mapKeys: {
    sv: 'Tangentbord: piltangenterna flyttar mellan rutorna, 0–3 sätter nivån, Delete tar bort bedömningen, E/L/S väljer egen personal, leverantör eller samverkan.',
    en: 'Keyboard: the arrow keys move between cells, 0–3 set the level, Delete removes the assessment, O/S/C choose own staff, supplier or collaboration.',
  },
  mapCellEditor: { sv: 'Vald ruta', en: 'Selected cell' },
  mapLevel: { sv: 'Nivå', en: 'Level' },
  mapBy: { sv: 'Levereras av', en: 'Delivered by' },
  mapNotAssessed: { sv: 'ej bedömd', en: 'not assessed' },
  mapLevel0: { sv: 'saknas', en: 'missing' },
  mapLevel1: { sv: 'sårbar', en: 'vulnerable' },
  mapLevel2: { sv: 'etablerad', en: 'established' },
  mapLevel3: { sv: 'stark', en: 'strong' },
  mapByOwn: { sv: 'egen personal', en: 'own staff' },
  mapBySupplier: { sv: 'leverantör', en: 'supplier' },
  mapByCollaboration: { sv: 'befintlig samverkan', en: 'existing collaboration' },
  mapByOwnShort: { sv: 'E', en: 'O' },
  mapBySupplierShort: { sv: 'L', en: 'S' },
  mapByCollaborationShort: { sv: 'S', en: 'C' },
  mapByOwnWord: { sv: 'egen', en: 'own' },
  mapBySupplierWord: { sv: 'leverantör', en: 'supplier' },
  mapByCollaborationWord: { sv: 'samverkan', en: 'collaboration' },
  mapLegend: {
    sv: 'Varje ruta visar nivån (0–3) och vem som levererar: E egen personal, L leverantör, S befintlig samverkan. – betyder ej bedömd.',
    en: 'Each cell shows the level (0–3) and who delivers: O own staff, S supplier, C existing collaboration. – means not assessed.',
  },
  mapCapability: { sv: 'Förmåga', en: 'Capability' },
  mapGridLabel: { sv: 'Förmågekarta: förmågor × kommuner', en: 'Capability map: capabilities × municipalities' },
  mapTemplateHeading: { sv: 'Mall och import', en: 'Template and import' },
  mapTemplateIntro: {
    sv: 'Ladda ner mallen (CSV för Excel), låt varje kommun fylla i Nivå och Levereras av, och läs in filerna här – som CSV eller sparade som Excel-arbetsbok (.xlsx), en fil per kommun eller en för alla, gärna flera på en gång. Inget ändras förrän du har sett förhandsvisningen och valt Tillämpa.',
    en: 'Download the template (CSV for Excel), let each municipality fill in Level and Delivered by, and import the files here – as CSV or saved as an Excel workbook (.xlsx), one file per municipality or one for all, several at once if you like. Nothing changes before you have seen the preview and chosen Apply.',
  },
  mapTemplateAll: { sv: 'Ladda ner mall (alla kommuner)', en: 'Download template (all municipalities)' },
  mapTemplateOne: { sv: 'Mall för en kommun', en: 'Template for one municipality' },
  mapTemplateChoose: { sv: 'Välj kommun …', en: 'Choose a municipality …' },
  mapImportFiles: {
    sv: 'Läs in ifylld mall (CSV eller .xlsx, en eller flera filer)',
    en: 'Import filled template (CSV or .xlsx, one or more files)',
  },
  mapDrop: { sv: 'eller dra och släpp filerna här', en: 'or drop the files here' },
  mapPreviewTitle: { sv: 'Förhandsvisning: {files}', en: 'Preview: {files}' },
  mapPreviewNone: { sv: 'Filerna ändrar ingenting i kartan.', en: 'The files change nothing in the map.' },
  mapPreviewRow: {
    sv: '{name}: {added} nya, {changed} ändrade, {removed} blir ej bedömda, {same} oförändrade',
    en: '{name}: {added} new, {changed} changed, {removed} become not assessed, {same} unchanged',
  },
  mapPreviewRule: {
    sv: 'De inlästa kommunernas rutor ersätts helt: en förmåga med tom nivå (eller som saknas i filen) blir ej bedömd. Övriga kommuner behåller sina rutor.',
    en: 'The imported municipalities’ cells are replaced wholly: a capability with an empty level (or missing from the file) becomes not assessed. Other municipalities keep theirs.',
  },
  mapPreviewProblems: {
    sv: '{n} rader har fel och läses inte in; kommunens tidigare värde för den förmågan behålls:',
    en: '{n} rows have errors and are not imported; the municipality’s earlier value for that capability is kept:',
  },
  mapRefused: {
    sv: 'Filerna kunde inte läsas in. Inget har ändrats.',
    en: 'The files could not be imported. Nothing has changed.',
  },
  mapApply: { sv: 'Tillämpa', en: 'Apply' },
  mapCancel: { sv: 'Avbryt', en: 'Cancel' },
  mapMore: { sv: '… och {n} till.', en: '… and {n} more.' },
  mapClear: { sv: 'Töm kartan', en: 'Clear the map' },
  mapClearConfirm: {
    sv: 'Ta bort alla kommuners bedömningar i kartan? Ladda ner mallen först om du vill spara dem.',
    en: 'Remove every municipality’s assessments from the map? Download the template first to keep them.',
  },
  mapEmpty: {
    sv: 'Ingen kommun har bedömts ännu. Fyll i rutorna nedan eller läs in en ifylld mall.',
    en: 'No municipality has been assessed yet. Fill in the cells below or import a filled template.',
  },
  mapHeatmapHeading: { sv: 'Gemensamma styrkor och svagheter', en: 'Shared strengths and weaknesses' },
  mapHeatmapIntro: {
    sv: 'Förmågorna som är svaga (nivå 0–1 eller ej bedömda) i flest kommuner står överst. ”Kan låna ut”: kommuner på nivå 3 i en förmåga som är svag hos andra.',
    en: 'The capabilities that are weak (level 0–1 or not assessed) in the most municipalities come first. “Can lend”: municipalities at level 3 in a capability that is weak in others.',
  },
  mapHeatmapLabel: {
    sv: 'Förmågor efter hur många kommuner som är svaga i dem, med varje kommuns nivå',
    en: 'Capabilities by how many municipalities are weak in them, with each municipality’s level',
  },
  mapWeakIn: { sv: 'Svag i', en: 'Weak in' },
  mapGroupTableLabel: {
    sv: 'Per nyckelförmåga: hur många av gruppens förmågor som är svaga i varje kommun',
    en: 'By key capability: how many of the group’s capabilities are weak in each municipality',
  },
  mapLenders: { sv: 'Kan låna ut', en: 'Can lend' },
  mapGroup: { sv: 'Nyckelförmåga', en: 'Key capability' },
  mapNotAssessedMembers: { sv: 'Inte bedömda (räknas inte): {names}.', en: 'Not assessed (not counted): {names}.' },
  mapSummaryHeading: { sv: 'Förmågekartan: gemensamma svagheter', en: 'The capability map: shared weaknesses' },
  mapSummaryTop: {
    sv: 'De {n} förmågor som är svaga i flest kommuner.',
    en: 'The {n} capabilities weak in the most municipalities.',
  },
  mapSummarySentence: {
    sv: '{n} av {total} förmågor är svaga i minst hälften av de {members} bedömda kommunerna.',
    en: '{n} of {total} capabilities are weak in at least half of the {members} municipalities assessed.',
  },
  mapColCode: { sv: 'Kommunkod', en: 'Municipality code' },
  mapColName: { sv: 'Kommun', en: 'Municipality' },
  mapColCapability: { sv: 'Förmåga-id', en: 'Capability id' },
  mapColCapabilityName: { sv: 'Förmåga', en: 'Capability name' },
  mapColGroup: { sv: 'Nyckelförmåga', en: 'Key capability' },
  mapColLevel: { sv: 'Nivå (0–3)', en: 'Level (0–3)' },
  mapColBy: {
    sv: 'Levereras av (egen/leverantör/samverkan)',
    en: 'Delivered by (own/supplier/collaboration)',
  },
  mapAtRowColumn: { sv: 'Rad {row}, kolumn {column}: ', en: 'Row {row}, column {column}: ' },
  mapAtRow: { sv: 'Rad {row}: ', en: 'Row {row}: ' },
  mapAtColumn: { sv: 'Kolumn {column}: ', en: 'Column {column}: ' },
  mapErrUnreadable: { sv: 'filen kunde inte läsas: {why}', en: 'the file could not be read: {why}' },
  mapErrJson: {
    sv: 'förmågekartan läses in från CSV-mallen; spara filen som ”CSV UTF-8”, ”CSV (semikolonavgränsad)” eller ”Excel-arbetsbok (.xlsx)”',
    en: 'the capability map is imported from the CSV template; save the file as “CSV UTF-8”, “CSV (comma delimited)” or “Excel Workbook (.xlsx)”',
  },
  mapErrNotTable: {
    sv: 'filen kan inte läsas, varken som CSV eller som Excel-arbetsbok (.xlsx); öppna den i Excel och spara den som ”Excel-arbetsbok (.xlsx)” eller ”CSV UTF-8”',
    en: 'the file cannot be read, neither as CSV nor as an Excel workbook (.xlsx); open it in Excel and save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”',
  },
  mapErrXls: {
    sv: 'filen är i Excels äldre format (.xls); spara den som ”Excel-arbetsbok (.xlsx)” eller ”CSV UTF-8”',
    en: 'the file is in Excel’s older format (.xls); save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”',
  },
  mapErrColumns: {
    sv: 'kolumnerna {columns} saknas; behåll mallens rubrikrad',
    en: 'the columns {columns} are missing; keep the template’s header row',
  },
  mapErrNoRows: { sv: 'filen har bara en rubrikrad och inga rader', en: 'the file has only a header row and no rows' },
  mapErrTooMany: { sv: 'för många rader ({n}, högst {max})', en: 'too many rows ({n}, at most {max})' },
  mapErrQuotes: {
    sv: 'citattecknen stämmer inte (ett fält öppnas med " men stängs aldrig); inget i filen läses in',
    en: 'the quotes do not match (a field opens with " but never closes); nothing in the file is imported',
  },
  mapErrExtra: {
    sv: 'raden har fler fält än rubrikraden; kontrollera avgränsare och citattecken',
    en: 'the row has more fields than the header row; check the delimiter and quotes',
  },
  mapErrEmpty: { sv: 'värde saknas', en: 'value missing' },
  mapErrUnknownCode: { sv: 'okänd kommunkod ”{value}”', en: 'unknown municipality code “{value}”' },
  mapErrNotMember: {
    sv: '{name} ({value}) är inte med i scenariot; lägg till kommunen först',
    en: '{name} ({value}) is not in the scenario; add the municipality first',
  },
  mapErrUnknownCapability: {
    sv: 'okänd förmåga ”{value}” (använd Förmåga-id från mallen)',
    en: 'unknown capability “{value}” (use the Capability id from the template)',
  },
  mapErrLevel: {
    sv: '”{value}” är ingen nivå: skriv 0, 1, 2 eller 3 (eller saknas, sårbar, etablerad, stark)',
    en: '“{value}” is not a level: write 0, 1, 2 or 3 (or missing, vulnerable, established, strong)',
  },
  mapErrBy: {
    sv: '”{value}” är inget leveranssätt: skriv egen, leverantör eller samverkan',
    en: '“{value}” is not a way of delivery: write own, supplier or collaboration',
  },
  mapErrByMissing: {
    sv: 'nivån är ifylld men inte vem som levererar (egen, leverantör eller samverkan)',
    en: 'the level is filled in but not who delivers (own, supplier or collaboration)',
  },
  mapErrRepeated: {
    sv: 'samma kommun och förmåga som rad {other}; ingen av raderna läses in',
    en: 'the same municipality and capability as row {other}; neither row is imported',
  },
  mapErrRepeatedFile: {
    sv: 'samma kommun och förmåga som rad {other} i {otherFile}; ingen av raderna läses in',
    en: 'the same municipality and capability as row {other} of {otherFile}; neither row is imported',
  },
} satisfies Record<string, Entry>;
