// A search worker thread's bootstrap: the CLI runs its TypeScript sources under tsx, and a worker
// thread does not inherit the loader, so it registers tsx before loading the shard runner.

import { register } from 'tsx/esm/api';

register();
await import('./searchWorker.ts');
