/**
 * The case lifecycle as a pure state machine (no React, Next or Prisma): the vocabulary, the
 * transition table (the only place that knows a transition), the planner and the wording.
 * Commands that carry a transition out live in lib/cases/transitions.
 */
export * from "./vocabulary";
export * from "./transitions";
export * from "./plan";
export * from "./wording";
