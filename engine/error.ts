/**
 * The one error type of the engine. Engine functions return it as a value (never throw it to
 * their caller), in the spirit of spreadsheet error values: the custom-function layer turns it
 * into the matching Excel error, the task pane shows its message.
 */
export type ErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

export class EngineError extends Error {
  override readonly name = "EngineError";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}

/** Stops the current engine computation; `guard` turns it back into a returned value. */
export function fail(code: ErrorCode, message: string): never {
  throw new EngineError(code, message);
}

/**
 * Wraps an engine function written with `fail(...)` so that it returns its EngineError instead
 * of throwing it. Any other exception is a bug and propagates unchanged.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | EngineError {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof EngineError) return error;
      throw error;
    }
  };
}

/** An engine result, or `null` where it is an error (for views that show "not available"). */
export function valueOrNull<T>(result: T | EngineError): Exclude<T, EngineError> | null {
  return result instanceof EngineError ? null : (result as Exclude<T, EngineError>);
}
