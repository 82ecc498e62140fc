// Node entry of the CLI: `npm run -s sim -- <command>`.

import { readFileSync } from 'node:fs';
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  readFile: (p) => readFileSync(p, 'utf8'),
});
