/** Performance to plan, task tracking and the plan approval workflow. */
export * from "./approval";
export * from "./performance";
export * from "./period";
export * from "./tasks";
export * from "./proposition";
export * from "./realism";
