/**
 * One Monte Carlo run at a time for a view: starts it off the page's thread, follows its progress,
 * stops it on Cancel (or when the view goes away), and keeps the request its result answers.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SimulationResult } from "../../../engine/pnl";
import { type SimulationRequest, runSimulation } from "../simulation/run";

export type SimulationState =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly request: SimulationRequest; readonly done: number; readonly total: number }
  | { readonly status: "done"; readonly request: SimulationRequest; readonly result: SimulationResult }
  | { readonly status: "cancelled"; readonly request: SimulationRequest; readonly done: number; readonly total: number }
  | { readonly status: "failed"; readonly request: SimulationRequest; readonly message: string };

export function useSimulation(): { state: SimulationState; run(request: SimulationRequest): void; cancel(): void } {
  const [state, setState] = useState<SimulationState>({ status: "idle" });
  const current = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => current.current?.abort(), []);

  const run = useCallback((request: SimulationRequest) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setState({ status: "running", request, done: 0, total: request.trials });
    void runSimulation(request, {
      signal: controller.signal,
      onProgress: (done, total) => {
        if (!controller.signal.aborted) setState((s) => (s.status === "running" && s.request === request ? { ...s, done, total } : s));
      },
    }).then((outcome) => {
      if (current.current !== controller) return; // a newer run replaced this one
      current.current = undefined;
      if (outcome.status === "done") setState({ status: "done", request, result: outcome.result });
      else if (outcome.status === "failed") setState({ status: "failed", request, message: outcome.message });
      else setState({ status: "cancelled", request, done: outcome.done, total: request.trials });
    });
  }, []);

  const cancel = useCallback(() => current.current?.abort(), []);
  return { state, run, cancel };
}
