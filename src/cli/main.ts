// Node entry of the CLI: `npm run -s sim -- <command>`.

import { writeFileSync } from 'node:fs';
import { runCli } from './cli';
import { readFileCapped } from './input';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  readFile: readFileCapped,
  writeFile: (path, text) => {
    try {
      writeFileSync(path, text);
      return null;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  },
});
