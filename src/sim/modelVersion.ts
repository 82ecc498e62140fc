// The engine's model version: it changes whenever a change to the model's rules changes a run's
// trace. Links record it with a fingerprint of the run they showed, so a link opened by another
// version of the model says whether the run it shows is still that run. The gallery's trace
// hashes for this version are held by src/scenario/gallery/traces.test.ts: a change that moves one
// fails there until the version is raised and the hashes are recorded again.
export const MODEL_VERSION = 1;
