// One worker of the explore pool: it runs the shard it is asked for in slices, posting progress and
// its part, and rests while the page holds it.

import { runShard } from './runShard';
import { Hold, threadBreak } from './slices';
import type { ShardReply, WorkerMessage } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  postMessage(m: ShardReply): void;
};

const now = () => performance.now();
const hold = new Hold(now);
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

scope.onmessage = ({ data: m }) => {
  if (m.kind === 'hold') hold.hold();
  else if (m.kind === 'release') hold.release();
  else void runShard(m, (r) => scope.postMessage(r), { now, ...threadBreak(hold, pause) });
};
