import type { ShellWord } from './shell-commands.js';

/** npm-run-all's programs (npm-run-all README: `npm-run-all`, and its shorthands `run-s` and `run-p`). */
const RUNNERS: ReadonlySet<string> = new Set(['npm-run-all', 'run-s', 'run-p']);

/**
 * Options that change only how the tasks run, not which (npm-run-all docs, "npm-run-all", "run-s",
 * "run-p"): order, labels, errors, silence. `--max-parallel` takes a number. Any other option
 * (`--npm-path`, which swaps the program that runs the tasks, or `--`, whose arguments fill `{1}`
 * placeholders) is not read.
 */
const FLAGS: ReadonlySet<string> = new Set([
  '-s',
  '--sequential',
  '--serial',
  '-p',
  '--parallel',
  '-c',
  '--continue-on-error',
  '-l',
  '--print-label',
  '-n',
  '--print-name',
  '-r',
  '--race',
  '--silent',
  '--aggregate-output',
]);
const FLAGS_WITH_VALUE: ReadonlySet<string> = new Set(['--max-parallel']);

/** One script a runner runs, with the arguments it appends (shell text), as `npm run <name> -- <args>` does. */
export interface RunAllTask {
  readonly name: string;
  readonly forwarded: string;
}

/**
 * The scripts of `scripts` an npm-run-all command (`RUNNERS` as its program; `words` without
 * leading assignments) runs, each by `npm run <name>` with its pre and post scripts (npm-run-all
 * README: "npm-run-all clean lint build:*"): each task word is a script name or a glob of names,
 * with `:` as the separator (npm-run-all docs, "Glob-like pattern matching for script names":
 * `*` matches within one `:` segment, `**` across), optionally followed by arguments (`"build --
 * --watch"`, appended). A pattern the shell may glob first (unquoted `*`, `?`) matches across
 * segments too, a superset of what the shell could hand on. `why` when it cannot be read: an
 * option not in `FLAGS`, a word the shell expands by `$` or a backtick, a pattern using other glob
 * syntax (`{a,b}`, `[ab]`, `!x`) or an argument placeholder (`{1}`). `undefined` when the command
 * is no npm-run-all runner. Pure.
 */
export function npmRunAllTasks(
  words: readonly ShellWord[],
  scripts: readonly string[],
): { tasks: RunAllTask[]; why?: undefined } | { tasks?: undefined; why: string } | undefined {
  const program = words[0];
  if (program === undefined || program.expands || !RUNNERS.has(baseName(program.text))) return undefined;
  const tasks: RunAllTask[] = [];
  const rest = words.slice(1);
  for (let at = 0; at < rest.length; at++) {
    const word = rest[at];
    if (word === undefined) break;
    const shown = JSON.stringify(`${program.text} ${word.raw}`.slice(0, 80));
    if (FLAGS_WITH_VALUE.has(word.text)) {
      at += 1;
      continue;
    }
    if (FLAGS.has(word.text) || /^--max-parallel=\d+$/.test(word.text)) continue;
    if (word.text.startsWith('-')) return { why: `it runs ${shown}, whose option is not read` };
    if (/[$`]/.test(word.raw)) return { why: `it runs ${shown}, which the shell expands` };
    const [pattern = '', ...args] = word.text.trim().split(/\s+/);
    if (/[{}[\]!()+@]/.test(word.text))
      return { why: `it runs ${shown}, whose pattern or placeholder is not read` };
    const matches = patternOf(pattern, word.expands);
    const forwarded = args
      .filter((each) => each !== '--')
      .map((each) => `'${each.replaceAll("'", `'\\''`)}'`)
      .join(' ');
    for (const name of scripts) if (matches.test(name)) tasks.push({ name, forwarded });
  }
  return { tasks };
}

/** A task pattern as a regular expression over script names (`*` within a `:` segment unless `loose`). */
function patternOf(pattern: string, loose: boolean): RegExp {
  const source = pattern
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === '**' || (loose && part === '*')
        ? '.*'
        : part === '*'
          ? '[^:]*'
          : part === '?'
            ? loose
              ? '.'
              : '[^:]'
            : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 's');
}

/** A path's last part (`node_modules/.bin/run-s` → `run-s`). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
