/**
 * The add-in's identity as its manifest gives it (`manifest/manifest.xml`: `<Id>`, `<Version>`),
 * for the files the .xlsx adapter writes: a workbook that uses PARTNER.* functions names the
 * add-in it needs. A test keeps these equal to the manifest's.
 */
export const ADDIN_ID = "2640e3c7-a8e4-4dd0-a934-493b4c0d5a84";
export const ADDIN_VERSION = "0.1.0.0";
