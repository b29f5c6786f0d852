/** The file cannot be opened as a workbook; the message is for the person who chose the file. */
export class WorkbookOpenError extends Error {
  override readonly name = "WorkbookOpenError";
}
