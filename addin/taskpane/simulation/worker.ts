/// <reference lib="webworker" />
/**
 * The simulation worker: runs one Monte Carlo request off the page's thread and posts its progress
 * and result. The page stops a run by terminating the worker.
 */
import { type SimulationMessage, type SimulationRequest, runInSlices } from "./slices";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  void runInSlices(event.data, (message: SimulationMessage) => scope.postMessage(message));
};
