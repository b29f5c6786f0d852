/** Excel-compatible primitives the models build on, one module per family of Excel functions. */
export * from "./financial";
