/**
 * A stand-in for Excel's custom-functions host. It loads the *built* dist/functions.js with a
 * `CustomFunctions` global, records what the bundle associates, and calls functions exactly as
 * Excel does: one argument per declared parameter (`null` for an omitted optional), ranges as 2-D
 * arrays, and the invocation object last.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
  options?: Record<string, boolean>;
}

export interface ExcelError {
  code: string;
  message?: string;
}

export type Outcome =
  | { kind: "value"; value: unknown }
  | { kind: "error"; error: ExcelError }
  | { kind: "exception"; exception: unknown };

/** The error codes of Office's CustomFunctions.ErrorCode. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  busy: "#BUSY!",
  calc: "#CALC!",
  connect: "#CONNECT!",
  spill: "#SPILL!",
} as const;

// import.meta.url rather than __dirname, so that the benchmarks (plain ES modules) can load it too.
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");

export class ExcelHost {
  readonly metadata: FunctionMetadata[];
  readonly associated = new Map<string, (...args: unknown[]) => unknown>();
  private readonly ErrorClass: new (code: string, message?: string) => ExcelError;

  /**
   * `options.now` fixes the bundle's clock (milliseconds since 1970), so that functions whose
   * default is "today" give the same answer on every day the tests run.
   */
  constructor(dist = DIST, options: { now?: number } = {}) {
    this.metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions;
    const associated = this.associated;
    class CustomFunctionsError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {
        if (!Object.values(ERROR_CODES).includes(code as never)) throw new TypeError(`Unknown error code ${code}`);
      }
    }
    this.ErrorClass = CustomFunctionsError;
    const CustomFunctions = {
      Error: CustomFunctionsError,
      ErrorCode: ERROR_CODES,
      associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
        const entries = typeof idOrMap === "string" ? [[idOrMap, fn!] as const] : Object.entries(idOrMap);
        for (const [id, f] of entries) {
          if (typeof f !== "function") throw new TypeError(`associate(${id}) without a function`);
          associated.set(id.toUpperCase(), f);
        }
      },
    };
    const context = vm.createContext({ CustomFunctions, console });
    vm.runInContext("this.self = this; this.window = this;", context);
    if (options.now !== undefined) vm.runInContext(`Date.now = () => ${Number(options.now)};`, context);
    vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  }

  get ids(): string[] {
    return this.metadata.map((f) => f.id);
  }

  meta(id: string): FunctionMetadata {
    const found = this.metadata.find((f) => f.id === id);
    if (!found) throw new Error(`No function ${id} in functions.json`);
    return found;
  }

  /** Calls PARTNER.<id> as Excel would; `args` may be shorter than the parameter list (omitted → null). */
  call(id: string, ...args: unknown[]): Outcome {
    const meta = this.meta(id);
    const fn = this.associated.get(id);
    if (!fn) throw new Error(`${id} is in functions.json but was not associated`);
    if (args.length > meta.parameters.length) throw new Error(`${id} takes ${meta.parameters.length} arguments`);
    const full = meta.parameters.map((_, i) => (i < args.length && args[i] !== undefined ? args[i] : null));
    const invocation = { address: "Sheet1!A1", functionName: `PARTNER.${id}` };
    try {
      return { kind: "value", value: toHostRealm(fn(...full, invocation)) };
    } catch (thrown) {
      if (thrown instanceof this.ErrorClass) return { kind: "error", error: { code: thrown.code, message: thrown.message } };
      return { kind: "exception", exception: thrown };
    }
  }

  /** The value of a call that must succeed. */
  value(id: string, ...args: unknown[]): unknown {
    const outcome = this.call(id, ...args);
    if (outcome.kind === "value") return outcome.value;
    throw new Error(`PARTNER.${id} did not return a value: ${JSON.stringify(outcome.kind === "error" ? outcome.error : String(outcome.exception))}`);
  }

  /** The one value of a call that must succeed with a 1×1 result (a function that spills one result per cell of a range, given one cell). */
  cell(id: string, ...args: unknown[]): unknown {
    const value = this.value(id, ...args);
    if (!Array.isArray(value) || value.length !== 1 || !Array.isArray(value[0]) || value[0].length !== 1) {
      throw new Error(`PARTNER.${id} did not return one cell: ${JSON.stringify(value)}`);
    }
    return value[0][0];
  }

  /** The Excel error of a call that must fail. */
  error(id: string, ...args: unknown[]): ExcelError {
    const outcome = this.call(id, ...args);
    if (outcome.kind === "error") return outcome.error;
    throw new Error(`PARTNER.${id} did not return an Excel error: ${outcome.kind === "value" ? JSON.stringify(outcome.value) : String(outcome.exception)}`);
  }
}

/** Copies a result out of the bundle's realm (arrays included) without changing any value. */
function toHostRealm(value: unknown): unknown {
  return Array.isArray(value) ? value.map(toHostRealm) : value;
}

let shared: ExcelHost | undefined;
/** One host per test file: loading the bundle is the expensive part. */
export function excelHost(): ExcelHost {
  shared ??= new ExcelHost();
  return shared;
}

/** The three ways Excel clients pass an empty cell. */
export const BLANKS = [null, 0, ""] as const;

/** Replaces every `undefined` (a marked blank cell) in an argument list by `blank`. */
export function withBlanks(args: unknown[], blank: unknown): unknown[] {
  const fill = (v: unknown): unknown => (Array.isArray(v) ? v.map(fill) : v === undefined ? blank : v);
  return args.map((a) => (Array.isArray(a) ? fill(a) : a));
}
