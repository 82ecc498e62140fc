// The engine's entry point: code outside src/sim imports the engine from this file and from no
// other (a lint rule enforces it), so the files behind it can move without touching the app, the
// worker, the CLI or the tests. Inside src/sim, files import each other directly.

// Running a scenario, and what a run found.
export { createEngine } from './engine';
export { MODEL_VERSION } from './modelVersion';
export type { Engine, EngineOptions, Snapshot } from './engine';
export { CHOICE_KINDS } from './core/choice';
export type { ChoiceKind } from './core/choice';
export { decodeChoices, encodeChoices } from './core/choiceList';
export { explore, exploreShard, exploreShardSteps, mergeExplore, LIVENESS } from './explore';
export type { Counterexample, Deviation, ExploreOptions, ExplorePart, ExploreProgress, ExploreResult, Shard, Steps } from './explore';
export { buildReport, handovers } from './report';
export type { Handover, Report } from './report';
export { firstDivergence } from './divergence';

// The scenario the engine runs.
export { MUTATION_IDS, POLICY_IDS, POLICY_OP_PARTIES, receiverLabel } from './model/scenario';
export type { MutationId, OpName, PolicyId, PolicyOp, Scenario, ScriptOp } from './model/scenario';
export type { CustomPolicy, StepSpec } from './model/scenario';

// The engine's state, for read-only views: records, page-mode bits, event numbers, the scratch page.
export { EVENT_NUMBERS, O, R, SCRATCH_PFN, V, W, X } from './model/state';
export type { Counters, EventName, LogRecord, OpRecord, Page, SimState, Txn, TxnPhase, Violation, ViolationPath } from './model/state';

// Catalogues and descriptions for display.
export { INVARIANTS, INVARIANT_BY_NUMBER } from './invariants/catalog';
export type { InvariantNumber } from './invariants/catalog';
export { POLICIES } from './policies';
export { MUTATION_NOTES } from './policies/mutations';
export { presetAsCustom, POLICY_OPS, type PresetConversion } from './policies/toCustom';
export { describeCmd } from './smmu/commandQueue';
