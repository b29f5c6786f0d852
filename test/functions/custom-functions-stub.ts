/**
 * Calling the custom functions' modules directly in Node (not through the built bundle): a stand-in
 * for Office's `CustomFunctions` global, which the modules read only when a call fails, and a call's
 * outcome as a value or as the Excel error it raised.
 */
import { beforeAll } from "vitest";

export class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Installs the stand-in before the file's tests run. */
export function stubCustomFunctions(): void {
  beforeAll(() => {
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: ExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    };
  });
}

/** What a call gave: `{ value }`, or `{ error: { code, message } }` for the Excel error it raised. */
export function outcome(call: () => unknown): { value: unknown } | { error: { code: string; message?: string } } {
  try {
    return { value: call() };
  } catch (thrown) {
    if (thrown instanceof ExcelError) return { error: { code: thrown.code, message: thrown.message } };
    throw thrown;
  }
}
