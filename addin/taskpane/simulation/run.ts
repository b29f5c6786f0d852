/**
 * Runs a Monte Carlo for the task pane without freezing it: in a Web Worker (bundled by webpack as
 * its own file), or where workers are not available, on the page in slices that yield between them.
 * Either way, aborting the signal really stops the run, and the figures are PARTNER.SIMULATE's.
 */
import type { SimulationResult } from "../../../engine/pnl";
import { type SimulationMessage, type SimulationRequest, runInSlices } from "./slices";

export type { SimulationRequest } from "./slices";

export type SimulationOutcome =
  | { readonly status: "done"; readonly result: SimulationResult }
  | { readonly status: "cancelled"; readonly done: number }
  | { readonly status: "failed"; readonly message: string };

export interface RunOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Run on the page even where workers exist (tests). */
  onPage?: boolean;
}

export function runSimulation(request: SimulationRequest, options: RunOptions = {}): Promise<SimulationOutcome> {
  if (!options.onPage && typeof Worker !== "undefined") {
    let worker: Worker | undefined;
    try {
      worker = new Worker(new URL(/* webpackChunkName: "simulation" */ "./worker.ts", import.meta.url), { name: "PartnerFit simulation" });
    } catch {
      worker = undefined; // a page that may not start workers: run on the page instead
    }
    if (worker) return inWorker(worker, request, options);
  }
  return onPage(request, options);
}

function inWorker(worker: Worker, request: SimulationRequest, { onProgress, signal }: RunOptions): Promise<SimulationOutcome> {
  return new Promise((resolve) => {
    let done = 0;
    const finish = (outcome: SimulationOutcome) => {
      worker.terminate();
      signal?.removeEventListener("abort", abort);
      resolve(outcome);
    };
    const abort = () => finish({ status: "cancelled", done });
    if (signal?.aborted) return abort();
    signal?.addEventListener("abort", abort);
    worker.onmessage = (event: MessageEvent<SimulationMessage>) => {
      const message = event.data;
      if (message.type === "progress") {
        done = message.done;
        onProgress?.(message.done, message.total);
      } else if (message.type === "result") finish({ status: "done", result: message.result });
      else finish({ status: "failed", message: message.message });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ status: "failed", message: event.message || "the simulation stopped unexpectedly" });
    };
    worker.postMessage(request);
  });
}

/** Lets the page paint and handle input between two slices. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function onPage(request: SimulationRequest, { onProgress, signal }: RunOptions): Promise<SimulationOutcome> {
  let outcome: SimulationOutcome | undefined;
  let done = 0;
  await runInSlices(
    request,
    (message) => {
      if (message.type === "progress") {
        done = message.done;
        onProgress?.(message.done, message.total);
      } else if (message.type === "result") outcome = { status: "done", result: message.result };
      else outcome = { status: "failed", message: message.message };
    },
    async () => {
      await yieldToPage();
      return !signal?.aborted;
    },
  );
  return outcome ?? { status: "cancelled", done };
}
