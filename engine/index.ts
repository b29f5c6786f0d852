/**
 * PartnerFit's calculation engine: pure TypeScript models with no Office, DOM or Node
 * dependency. Every model returns its result or an EngineError value.
 */
export { EngineError, isEngineError, type ErrorCode } from "./error";
export * as input from "./input";
export { createRandom, type Random } from "./random";
export * from "./audit";
export * as excel from "./excel";
export * as pnl from "./pnl";
export * from "./tier";
export * from "./scorecard";
export * from "./segment";
export * from "./plan";
export * from "./plan/realism";
export * from "./plan/proposition";
export * from "./plan/actuals";
export * from "./funnel";
export * from "./funds";
export * from "./accounts";
export * from "./match";
