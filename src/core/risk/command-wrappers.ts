import type { ShellWord } from './shell-commands.js';

/**
 * Commands that run the command after them: `exec`, `time` (bash Reference Manual 4.1 "Bourne Shell
 * Builtins", 3.2.3 "Pipelines"), POSIX `env` and `nohup`, the cross-env package, and POSIX
 * `command` ("command [-p] command_name [argument...]": runs it skipping functions; `-p` only
 * changes the PATH searched) and bash's `builtin` (runs a shell builtin: `builtin cd conf`,
 * `builtin source env.sh`). Each takes the options named here; `time -p` and `command -p` keep the
 * command, `command -v`/`-V` only print how a name would be found and run nothing.
 */
const WRAPPER_OPTIONS: Readonly<Record<string, { keeps: RegExp; runsNothing?: RegExp }>> = {
  exec: { keeps: /^$/ },
  env: { keeps: /^$/ },
  'cross-env': { keeps: /^$/ },
  time: { keeps: /^-p$/ },
  nohup: { keeps: /^$/ },
  command: { keeps: /^-p$/, runsNothing: /^-p?[vV][pvV]*$/ },
  builtin: { keeps: /^$/ },
};

/** `--` ends a wrapper's options for these (POSIX "Utility Syntax Guidelines", guideline 10; bash builtins). */
const ENDS_OPTIONS: ReadonlySet<string> = new Set(['command', 'builtin', 'nohup', 'exec']);

/** What a command runs once its wrappers are taken off (`wrappedCommand`). */
export type WrappedCommand =
  | { readonly runs: 'command'; readonly words: readonly ShellWord[] }
  | { readonly runs: 'unknown'; readonly why: string }
  | { readonly runs: 'nothing' };

/**
 * The command a wrapper runs (`WRAPPER_OPTIONS`: `exec ./build.sh`, `command -p ./build.sh`,
 * `builtin cd conf`, `env A=1 tsc`; wrappers in a row, `command exec x`), as its words (environment
 * assignments after `env`/`cross-env` dropped); `words` as given when the first is no wrapper. `runsNothing` for `command -v x`; `why` when a wrapper is given an option
 * not read (`env -i`, `exec -a name`), or its name is expanded by the shell. `words` start after any
 * leading assignments. Pure.
 */
export function wrappedCommand(words: readonly ShellWord[]): WrappedCommand {
  let rest = words;
  for (;;) {
    const program = rest[0];
    if (program === undefined || program.expands || !Object.hasOwn(WRAPPER_OPTIONS, program.text))
      return { runs: 'command', words: rest };
    const options = WRAPPER_OPTIONS[program.text] ?? { keeps: /^$/ };
    let at = 1;
    for (; at < rest.length; at++) {
      const word = rest[at];
      // `env -` (an empty environment) is an option too.
      if (word === undefined || !word.text.startsWith('-')) break;
      if (word.text === '--' && ENDS_OPTIONS.has(program.text)) {
        at += 1;
        break;
      }
      if (options.runsNothing?.test(word.text) === true) return { runs: 'nothing' };
      if (!options.keeps.test(word.text))
        return {
          runs: 'unknown',
          why: `it runs ${JSON.stringify(program.raw.slice(0, 80))} with ${JSON.stringify(word.raw.slice(0, 80))}, which is not read`,
        };
    }
    rest = rest.slice(at);
    // `env A=1 cmd`: the assignments are the command's environment, not its program.
    while (rest[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0].raw)) rest = rest.slice(1);
  }
}
