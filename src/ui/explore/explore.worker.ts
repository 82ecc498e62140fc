// One worker of the explore pool: it runs the shard it is asked for and posts progress and its part.

import { runShard } from './runShard';
import type { ShardReply, ShardRequest } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ShardRequest>) => void) | null;
  postMessage(m: ShardReply): void;
};

scope.onmessage = (e) => runShard(e.data, (m) => scope.postMessage(m));
