/** Excel-compatible primitives, one module per family of Excel functions. */
export * from "./date";
export * from "./statistical";
