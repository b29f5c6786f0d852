/**
 * Importing exports from CRM, PRM and ERP systems into the partner tables: read the file, map its
 * columns, resolve partner names, preview, then save the preview's changes in one validated write.
 */
export { type Dialect, type Encoding, type ExportGrid, ExportReadError, type Separator, decodeExport, readDelimited, readExport } from "./read";
export { type ColumnChoice, type ColumnReading, type DateOrder, type NumberForm, parseDateValue, parseNumberText, readingOf, typedValue, valueKindOf } from "./values";
export { type Mapping, choiceOf, columnNames, mappingChanges, normaliseHeader, rememberedMapping, suggestMapping } from "./mapping";
export { type PartnerAlias, type PartnerName, type PartnerSuggestion, type Resolution, aliasChange, aliasesOf, partnerResolver, resolvePartner } from "./partners";
export { type ExportRows, type ImportOptions, type ImportPreview, type ImportQuestion, type ImportRow, type RejectedRow, type UnknownPartner, previewImport } from "./preview";
