// A search worker thread: runs the one shard it is given and posts back its part.

import { parentPort, workerData } from 'node:worker_threads';
import { shardHere, type ShardJob } from './search';

const job = workerData as ShardJob;
parentPort!.postMessage(shardHere(job.scenario, job.options, job.shard, job.deadline));
