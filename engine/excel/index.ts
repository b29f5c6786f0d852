/** Excel-compatible primitives the models build on, one module per family of Excel functions. */
export * from "./date";
export * from "./financial";
export * from "./statistical";
