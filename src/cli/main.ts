// Node entry of the CLI: `npm run -s sim -- <command>`.

import { runCli } from './cli';
import { readFileCapped } from './input';

process.exitCode = runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  readFile: readFileCapped,
});
