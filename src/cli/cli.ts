// The CLI as a function (argv in, text out, exit status back) so tests run it in-process.

import { parseArgs, USAGE } from './args';
import { loadScenario } from './load';
import { compare, exploreReport, runReport, writtenReport, type SearchEcho } from './commands';
import { searchHere, searchInWorkers, shardHere, type SearchOptions } from './search';
import { mergeParts, partFile } from './parts';
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

/**
 * The exit status: 0 when the command ran, 2 on bad input, 1 when a search's worker thread
 * failed. A search in worker threads gives its status as a promise; every other command, at once.
 */
export function runCli(argv: string[], given: Io): number | Promise<number> {
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
      const search: SearchEcho = {
        policy: s.policy.id,
        mutations: s.policy.mutations,
        horizon: cmd.horizon ?? defaultHorizon(s),
        maxDeviations: cmd.deviations,
        budget: cmd.budget,
        mode: cmd.random === undefined ? 'systematic' : 'random',
        ...(cmd.random === undefined ? {} : { samples: cmd.random, seed: cmd.seed ?? 1 }),
      };
      const options: SearchOptions = {
        horizon: search.horizon,
        maxDeviations: search.maxDeviations,
        budget: search.budget,
        mode: search.mode,
        samples: search.samples,
        seed: search.seed,
      };
      // The wall-clock budget is kept here: the engine and the explorer have no clock.
      const deadline = cmd.budgetS === undefined ? null : Date.now() + cmd.budgetS * 1000;
      if (cmd.shard !== undefined) {
        io.out(formatJson(partFile(search, shardHere(s, options, cmd.shard, deadline))));
        return 0;
      }
      if (cmd.workers === 1) {
        io.out(formatJson(exploreReport(searchHere(s, options, deadline), search)));
        return 0;
      }
      // Worker threads answer later: only this command's status is a promise.
      return searchInWorkers(s, options, cmd.workers, deadline).then((r) => {
        if ('error' in r) {
          io.err(`sim: explore: ${r.error}`);
          return 1;
        }
        io.out(formatJson(exploreReport(r, search)));
        return 0;
      });
    }
    case 'explore-merge': {
      const merged = mergeParts(cmd.files, io.readFile);
      if (typeof merged === 'string') {
        io.err(`sim: explore-merge: ${merged}`);
        return 2;
      }
      io.out(formatJson(exploreReport(merged.result, merged.search)));
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
      const text = writtenReport(s, cmd.until ?? defaultHorizon(s), cmd.format, { base: cmd.base, galleryId }, cmd.choices);
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
