/**
 * The Monte Carlo of PARTNER.SIMULATE run a slice of trials at a time, so that the task pane can
 * show progress and stop it. Used inside the simulation worker, and on the page itself where
 * workers are not available. The engine does every draw and every figure.
 */
import { isEngineError } from "../../../engine/error";
import { type Cells, type SimulationResult, simulation, simulationResult } from "../../../engine/pnl";

export interface SimulationRequest {
  /** Rows as PARTNER.SIMULATE's `assumptions`. */
  readonly assumptions: Cells;
  /** Rows as PARTNER.SIMULATE's `uncertainty`. */
  readonly uncertainty: Cells;
  readonly trials: number;
  readonly seed: number;
}

/** What a run reports, in order: progress after each slice, then its result or why it failed. */
export type SimulationMessage =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "result"; readonly result: SimulationResult }
  | { readonly type: "error"; readonly message: string };

/** Trials per slice: small enough for frequent progress, large enough that reporting costs nothing. */
export const SLICE = 1000;

/**
 * Runs the request slice by slice, reporting after each. `between` is awaited between slices and
 * stops the run when it answers false (the page's own loop yields there; the worker does not
 * need to, it is stopped by terminating it).
 */
export async function runInSlices(request: SimulationRequest, report: (message: SimulationMessage) => void, between?: () => Promise<boolean>): Promise<void> {
  const run = simulation(request.assumptions, request.uncertainty, request.trials, request.seed);
  if (isEngineError(run)) {
    report({ type: "error", message: run.message });
    return;
  }
  report({ type: "progress", done: 0, total: run.trials });
  while (run.run(SLICE)) {
    report({ type: "progress", done: run.done, total: run.trials });
    if (between && !(await between())) return;
  }
  const result = simulationResult(run);
  if (isEngineError(result)) report({ type: "error", message: result.message });
  else {
    report({ type: "progress", done: run.done, total: run.trials });
    report({ type: "result", result });
  }
}
