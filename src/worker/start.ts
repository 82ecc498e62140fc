// The engine's worker, started before anything else is evaluated: main.tsx imports this module
// first, so the worker loads and compiles its script while the main thread is still evaluating
// React and the app — the first view is ready sooner.

import { workerClient } from './client';

export const firstClient = workerClient();
