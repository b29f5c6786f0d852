/**
 * Joint account planning with partners' sales teams: account mapping (overlap of account lists,
 * in the clear or hashed), channel conflict between registered deals, lead follow-up against an
 * SLA, and the partner's credit for won revenue.
 */
export * from "./domain";
export * from "./sha256";
export * from "./overlap";
export * from "./conflict";
export * from "./leads";
export * from "./attribution";
