import type { ShellWord } from './shell-commands.js';

/**
 * Shell text `shellCommands` does not read as the shell does, so the commands after it may be
 * read wrong (bash Reference Manual 3.6.6 "Here Documents": a `<<` heredoc's body is text, not
 * commands, and no quote in it pairs; 3.1.2.4 "ANSI-C Quoting": `$'…'` takes `\'` as a quote).
 * A here-string `<<<` reads one word and is left alone.
 */
const UNMODELLED_TEXT: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /(^|[^<])<<(?!<)/, why: 'a heredoc (<<), whose body the reader does not take apart' },
  { pattern: /\$'/, why: "bash's $'…' quoting" },
];

/**
 * Programs that run another command given as their arguments or built at run time, which the
 * reader does not follow: `xargs` (the command's last arguments come from its input),
 * `find -exec`/`-execdir`/`-ok`/`-okdir` (`{}` is a path found at run time), `concurrently`,
 * `npm-run-all`'s `run-p`/`run-s` and GNU `parallel` (each argument a command line of its own).
 */
const UNMODELLED_PROGRAMS = new Set(['xargs', 'concurrently', 'parallel', 'run-p', 'run-s', 'npm-run-all']);
const UNMODELLED_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/** Why a script's text holds a form the shell reader does not model (`UNMODELLED_TEXT`), or undefined. Pure. */
export function unmodelledShellText(script: string): string | undefined {
  const found = UNMODELLED_TEXT.find(({ pattern }) => pattern.test(script));
  return found === undefined ? undefined : `it uses ${found.why}`;
}

/**
 * Why a command runs another command the reader does not follow (`UNMODELLED_PROGRAMS` by its
 * path's last part anywhere in the command, or a `find` action in `UNMODELLED_ACTIONS`), or
 * undefined. A word such as `echo xargs` counts too: failing closed costs a review. Pure.
 */
export function unmodelledCommand(words: readonly ShellWord[]): string | undefined {
  const word = words.find((each) => {
    const name = each.text.slice(each.text.lastIndexOf('/') + 1);
    return UNMODELLED_PROGRAMS.has(name) || UNMODELLED_ACTIONS.has(each.text);
  });
  return word === undefined
    ? undefined
    : `it runs commands through ${JSON.stringify(word.text.slice(0, 40))}, whose commands are not read`;
}
