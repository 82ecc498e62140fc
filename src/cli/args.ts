// The command line of the README, parsed into a command or a one-line error.

import { MUTATION_IDS, POLICY_IDS, decodeChoices, type MutationId, type PolicyId } from '../sim';

export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  | {
      kind: 'run';
      source: string;
      policy?: PolicyId;
      mutations?: MutationId[];
      until?: number;
      events: boolean;
      /** Deviations from the default choices (an explorer's counterexample). */
      choices?: Map<number, number>;
    }
  | { kind: 'compare'; source: string; until?: number }
  | {
      kind: 'explore';
      source: string;
      policy?: PolicyId;
      mutations?: MutationId[];
      /** The most deviations from the default choices a schedule takes. */
      deviations: number;
      horizon?: number;
      /** The most schedules to run. */
      budget: number;
      /** Seconds of wall clock after which the search stops. */
      budgetS?: number;
      /** Worker threads, each running one shard of the search; the result is the same for any number. */
      workers: number;
      /** Run only this shard and print its part, for explore-merge. */
      shard?: { index: number; count: number };
      /** Random mode: this many sampled schedules, drawn from `seed`. */
      random?: number;
      seed?: number;
    }
  | { kind: 'explore-merge'; files: string[] }
  | {
      kind: 'report';
      source: string;
      policy?: PolicyId;
      mutations?: MutationId[];
      until?: number;
      /** The file to write; standard output when absent. */
      out?: string;
      format: 'md' | 'html';
      /** The app's address, before the links' fragments. */
      base?: string;
      /** Deviations from the default choices (an explorer's counterexample). */
      choices?: Map<number, number>;
    };

export const USAGE = `DMA Handoff — headless runner

  npm run -s sim -- list                                   gallery ids, one a line
  npm run -s sim -- run <file.json | gallery:ID> [--policy P3] [--mutation skip-sync ...]
                        [--until T] [--events] [--choices LIST]
                                                           one JSON report on stdout
  npm run -s sim -- compare <file.json | gallery:ID> [--until T]
                                                           policies × invariants matrix (JSON)
  npm run -s sim -- report <file.json | gallery:ID> [--policy P3] [--mutation skip-sync ...]
                        [--until T] [--choices LIST] [--out report.md | report.html] [--html]
                        [--base URL]
                                                           the run's report for a design document
  npm run -s sim -- explore <file.json | gallery:ID> [--policy P3] [--mutation skip-sync ...]
                        [--deviations K] [--horizon T] [--budget N] [--budget-s S]
                        [--workers W | --shard i/N] [--random N [--seed S]]
                                                           searches the choice points (JSON)
  npm run -s sim -- explore-merge <part.json> ...          merges the parts of --shard i/N runs

--until T   run to tick T; by default to the last scripted operation or caption + 400 ticks
            (at least 600) — the same end the app's timeline shows.
--mutation  may be repeated; replaces the scenario's own mutations.
--choices   replays deviations from the default choices: an explorer's link fragment without &x=
            (run, report).
--out       write the report to a file (HTML when it ends in .html, or with --html); by default
            Markdown on stdout.
--base URL  the app's address, to which the report's links are appended (https://…/).
explore     runs schedules with up to K deviations from the default choices (default 2; delays,
            acknowledgements, evictions, operation windows) to tick T (default as --until), at most
            N schedules (default 2000) and S seconds; per invariant a counterexample with its link
            fragment (&x=…) or "none found" with the coverage.
--workers W runs the search in W worker threads (default 1); the report is the same for every W.
--shard i/N runs only shard i (0 ≤ i < N) of the search and prints its part; explore-merge of all
            N parts prints the report one machine gives. --budget-s makes a run's result depend on
            the machine's speed.
--random N  samples N random schedules from seed S (default 1) instead of the systematic search:
            the report gives what was sampled, not coverage.
Exit status: 0 when the run happened (violations are results), 2 on bad input, 1 when a search's
worker thread failed.`;

export function parseArgs(argv: string[]): Command | string {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return 'no command: expected list, run, compare, report, explore or explore-merge (see --help)';
  if (cmd === 'help' || cmd === '--help' || cmd === '-h') return { kind: 'help' };
  if (cmd === 'list') return rest.length === 0 ? { kind: 'list' } : `list takes no arguments, got "${rest[0]}"`;
  if (cmd === 'explore-merge') return parseMerge(rest);
  if (cmd !== 'run' && cmd !== 'compare' && cmd !== 'report' && cmd !== 'explore')
    return `unknown command "${cmd}": expected list, run, compare, report, explore or explore-merge`;

  let source: string | undefined;
  let policy: PolicyId | undefined;
  let mutations: MutationId[] | undefined;
  let until: number | undefined;
  let events = false;
  let out: string | undefined;
  let html = false;
  let base: string | undefined;
  let deviations = 2;
  let budget = 2000;
  let budgetS: number | undefined;
  let choices: Map<number, number> | undefined;
  let workers = 1;
  let shard: { index: number; count: number } | undefined;
  let random: number | undefined;
  let seed: number | undefined;
  const whole = (name: string, v: string, max: number): number | string =>
    /^\d+$/.test(v) && Number(v) <= max ? Number(v) : `${name}: expected a whole number ≤ ${max}, got "${v}"`;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--policy' && cmd !== 'compare') {
        const p = value();
        if (!(POLICY_IDS as readonly string[]).includes(p)) return `--policy: unknown policy "${p}" (expected ${POLICY_IDS.join(', ')})`;
        policy = p as PolicyId;
      } else if (a === '--mutation' && cmd !== 'compare') {
        const m = value();
        if (!(MUTATION_IDS as readonly string[]).includes(m))
          return `--mutation: unknown mutation "${m}" (expected one of ${MUTATION_IDS.join(', ')})`;
        mutations = [...(mutations ?? []), m as MutationId].filter((x, k, all) => all.indexOf(x) === k);
      } else if (cmd === 'explore' && (a === '--deviations' || a === '--horizon' || a === '--budget' || a === '--budget-s')) {
        const n = whole(a, value(), a === '--horizon' ? 1e9 : a === '--deviations' ? 8 : 1e7);
        if (typeof n === 'string') return n;
        if (a === '--deviations') deviations = n;
        else if (a === '--horizon') until = n;
        else if (a === '--budget') budget = Math.max(1, n);
        else budgetS = n;
      } else if (cmd === 'explore' && (a === '--workers' || a === '--random' || a === '--seed')) {
        const n = whole(a, value(), a === '--workers' ? MAX_WORKERS : a === '--random' ? 1e7 : 0xffffffff);
        if (typeof n === 'string') return n;
        if (a === '--workers') {
          if (n < 1) return `--workers: expected at least 1 worker, got ${n}`;
          workers = n;
        } else if (a === '--random') {
          if (n < 1) return `--random: expected at least 1 sample, got ${n}`;
          random = n;
        } else seed = n;
      } else if (cmd === 'explore' && a === '--shard') {
        const v = value();
        const m = /^(\d{1,4})\/(\d{1,4})$/.exec(v);
        if (m === null || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2]))
          return `--shard: expected i/N, shard i of N with 0 ≤ i < N (0/4 … 3/4), got "${v}"`;
        shard = { index: Number(m[1]), count: Number(m[2]) };
      } else if (a === '--until' && cmd !== 'explore') {
        const t = value();
        if (!/^\d+$/.test(t) || Number(t) > 1e9) return `--until: expected a tick (a whole number ≤ 1000000000), got "${t}"`;
        until = Number(t);
      } else if (a === '--events' && cmd === 'run') events = true;
      else if (a === '--choices' && (cmd === 'run' || cmd === 'report')) {
        const d = decodeChoices(value());
        if (!d.ok) return `--choices: ${d.message}`;
        choices = d.deviations;
      } else if (a === '--out' && cmd === 'report') out = value();
      else if (a === '--html' && cmd === 'report') html = true;
      else if (a === '--base' && cmd === 'report') {
        base = value();
        if (!/^https?:\/\/[^\s#]+$/.test(base)) return `--base: expected the app's address (http:// or https://, no #), got "${base}"`;
      } else if (a.startsWith('--')) return `${cmd}: unknown option "${a}"`;
      else if (source === undefined) source = a;
      else return `${cmd}: unexpected argument "${a}" (one scenario at a time)`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (source === undefined) return `${cmd}: which scenario? Give a file.json or gallery:ID`;
  if (cmd === 'report')
    return { kind: 'report', source, policy, mutations, until, out, format: html || out?.endsWith('.html') ? 'html' : 'md', base, choices };
  if (cmd === 'explore') {
    if (shard !== undefined && workers > 1) return 'explore: --shard runs one shard in this process; give --workers or --shard, not both';
    if (seed !== undefined && random === undefined) return 'explore: --seed chooses the random samples; it needs --random N';
    return { kind: 'explore', source, policy, mutations, deviations, horizon: until, budget, budgetS, workers, shard, random, seed };
  }
  return cmd === 'run' ? { kind: 'run', source, policy, mutations, until, events, choices } : { kind: 'compare', source, until };
}

/** The most worker threads: more than a machine's cores only slows the search down. */
export const MAX_WORKERS = 256;

function parseMerge(files: string[]): Command | string {
  const option = files.find((f) => f.startsWith('--'));
  if (option !== undefined) return `explore-merge: unknown option "${option}"`;
  if (files.length === 0) return 'explore-merge: which parts? Give the files that explore --shard i/N wrote';
  return { kind: 'explore-merge', files };
}
