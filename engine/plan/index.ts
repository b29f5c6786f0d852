/** Performance to plan, task tracking and the plan approval workflow. */
export * from "./approval";
export * from "./performance";
export * from "./period";
export * from "./tasks";
// The realism check (./realism) and the value proposition check (./proposition) are imported by
// their own paths (and from the engine's root): re-exported here, every view importing the plan
// model would carry them in the task pane's first download.
