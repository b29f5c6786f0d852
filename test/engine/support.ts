// Shared by the engine tests: unwrap a result that must not be an EngineError, or the error that must be.
import { EngineError } from "../../engine/error";

/** A non-error result, or a failed test. */
export function ok<T>(value: T | EngineError): T {
  if (value instanceof EngineError) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value;
}

/** The EngineError a call must give. */
export function failure(value: unknown): EngineError {
  if (!(value instanceof EngineError)) throw new Error(`expected an EngineError, got ${JSON.stringify(value)}`);
  return value;
}
