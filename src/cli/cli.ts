// The CLI as a function (argv in, text out, exit status back) so tests run it in-process.

import { parseArgs, USAGE } from './args';
import { loadScenario } from './load';
import { compare, exploreReport, runReport, writtenReport } from './commands';
import { defaultHorizon } from '../scenario/horizon';
import { GALLERY } from '../scenario/gallery';
import { formatJson } from './json';
import { oneLine } from './line';
import type { ReadFile } from './input';

export interface Io {
  out(text: string): void;
  /** A message: written as one plain line (line.ts), whatever it echoes from the input. */
  err(text: string): void;
  readFile: ReadFile;
  /** Writes a file whole; an error names why it could not. */
  writeFile(path: string, text: string): string | null;
}

export function runCli(argv: string[], given: Io): number {
  // Every message leaves through this io, so each one is a single plain line.
  const io: Io = { ...given, err: (text) => given.err(oneLine(text)) };
  const cmd = parseArgs(argv);
  if (typeof cmd === 'string') {
    io.err(`sim: ${cmd}`);
    return 2;
  }
  switch (cmd.kind) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'list':
      io.out(GALLERY.map((g) => g.id).join('\n'));
      return 0;
    case 'run':
    case 'compare': {
      const loaded = loadScenario(cmd.source, io.readFile);
      if (typeof loaded === 'string') {
        io.err(`sim: ${loaded}`);
        return 2;
      }
      let s = loaded;
      if (cmd.kind === 'run' && (cmd.policy !== undefined || cmd.mutations !== undefined))
        s = { ...s, policy: { ...s.policy, id: cmd.policy ?? s.policy.id, mutations: cmd.mutations ?? s.policy.mutations } };
      // By default, as far as the app's timeline shows the run.
      const until = cmd.until ?? defaultHorizon(s);
      const result = cmd.kind === 'run' ? runReport(s, until, cmd.events, cmd.choices) : compare(s, until);
      io.out(formatJson(result));
      return 0;
    }
    case 'explore': {
      const loaded = loadScenario(cmd.source, io.readFile);
      if (typeof loaded === 'string') {
        io.err(`sim: ${loaded}`);
        return 2;
      }
      const s = {
        ...loaded,
        policy: { ...loaded.policy, id: cmd.policy ?? loaded.policy.id, mutations: cmd.mutations ?? loaded.policy.mutations },
      };
      // The wall-clock budget is kept here: the engine and the explorer have no clock.
      const end = cmd.budgetS === undefined ? Infinity : Date.now() + cmd.budgetS * 1000;
      const result = exploreReport(s, {
        horizon: cmd.horizon ?? defaultHorizon(s),
        maxDeviations: cmd.deviations,
        budget: cmd.budget,
        stop: () => Date.now() >= end,
      });
      io.out(formatJson(result));
      return 0;
    }
    case 'report': {
      const loaded = loadScenario(cmd.source, io.readFile);
      if (typeof loaded === 'string') {
        io.err(`sim: ${loaded}`);
        return 2;
      }
      const edited = cmd.policy !== undefined || cmd.mutations !== undefined;
      const s = edited
        ? {
            ...loaded,
            policy: { ...loaded.policy, id: cmd.policy ?? loaded.policy.id, mutations: cmd.mutations ?? loaded.policy.mutations },
          }
        : loaded;
      // A gallery scenario as it stands is linked by its id; anything else carries the document.
      const galleryId = cmd.source.startsWith('gallery:') && !edited ? cmd.source.slice('gallery:'.length) : null;
      const text = writtenReport(s, cmd.until ?? defaultHorizon(s), cmd.format, { base: cmd.base, galleryId });
      if (cmd.out === undefined) {
        io.out(text);
        return 0;
      }
      const failed = io.writeFile(cmd.out, text);
      if (failed !== null) {
        io.err(`sim: cannot write ${cmd.out}: ${failed}`);
        return 2;
      }
      return 0;
    }
  }
}
