/**
 * The partner performance audit's default criteria: four areas applied to every channel. The task
 * pane's audit form and the README's reference are built from this list.
 */
export type AreaId = "ability" | "sweetspot" | "territory" | "revenue";

export interface Criterion {
  readonly id: string;
  readonly label: string;
}

export interface AuditArea {
  readonly id: AreaId;
  readonly name: string;
  readonly question: string;
  readonly criteria: readonly Criterion[];
}

export const AUDIT_AREAS: readonly AuditArea[] = [
  {
    id: "ability",
    name: "Ability to deliver",
    question: "Can the partner deliver, and are our enablement efforts working?",
    criteria: [
      { id: "scale", label: "Scale of the organisation" },
      { id: "interest", label: "Interest in the relationship" },
      { id: "energy", label: "Energy invested" },
      { id: "trust", label: "Trust and transparency" },
      { id: "value", label: "Teams understand and communicate the partnership value" },
    ],
  },
  {
    id: "sweetspot",
    name: "Focus on sweet spot",
    question: "How closely does the partner align with our target segment?",
    criteria: [
      { id: "alignment", label: "Alignment with the target segment" },
      { id: "customers", label: "Customer base in the segment" },
      { id: "marketing", label: "Marketing plans to grow in the segment" },
    ],
  },
  {
    id: "territory",
    name: "Territory alignment",
    question: "What coverage does the partner give of the territory we must cover?",
    criteria: [
      { id: "coverage", label: "Coverage of the territory" },
      { id: "language", label: "Language skills" },
      { id: "location", label: "Location" },
    ],
  },
  {
    id: "revenue",
    name: "Revenue potential",
    question: "What joint revenue will the partnership deliver?",
    criteria: [
      { id: "quarter", label: "Revenue this quarter" },
      { id: "year", label: "Revenue this year" },
      { id: "scale", label: "Scale of the organisation" },
    ],
  },
];

/** The rating scale of the audit form (1 = poor … 5 = excellent). */
export const AUDIT_SCALE_MAX = 5;
