import type { ShellWord } from './shell-commands.js';

/**
 * The options by which a program runs the rest of its command in another folder, without `cd`:
 * `withFolder` takes the folder as its value (`-C conf`, `--dir=conf`); `elsewhere` runs it in
 * folders the text does not name (a workspace's, each package's). Sources: GNU coreutils `env`
 * ("-C dir, --chdir=dir: change the working directory to dir"; `-S`/`--split-string` makes one
 * word a command of its own); pnpm CLI ("-C <path>, --dir <path>: run as if pnpm was started in
 * <path>"; `-w`/`--workspace-root`, `-r`/`--recursive`, `--filter`/`-F`); npm Docs, "config":
 * `prefix` ("if set on the command line, then it forces non-global commands to run in the specified
 * folder", shorthand `-C`), `workspace`/`-w`, `workspaces`/`-ws`, `global`/`-g` (npx is `npm exec`
 * and takes npm's config); Yarn 1 CLI ("yarn --cwd <dir> <command>"), and `yarn workspace(s)`;
 * Bun CLI (`bun --cwd <dir>`, `--filter`).
 */
const FOLDER_OPTIONS: Readonly<Record<string, { withFolder: string[]; elsewhere: string[] }>> = {
  env: { withFolder: ['-C', '--chdir'], elsewhere: ['-S', '--split-string'] },
  npm: {
    withFolder: ['-C', '--prefix'],
    elsewhere: ['-w', '--workspace', '-ws', '--workspaces', '-g', '--global'],
  },
  npx: {
    withFolder: ['-C', '--prefix'],
    elsewhere: ['-w', '--workspace', '-ws', '--workspaces', '-g', '--global'],
  },
  pnpm: {
    withFolder: ['-C', '--dir'],
    elsewhere: ['-w', '--workspace-root', '-r', '--recursive', '-F', '--filter'],
  },
  yarn: { withFolder: ['--cwd'], elsewhere: ['workspace', 'workspaces'] },
  bun: { withFolder: ['--cwd'], elsewhere: ['--filter'] },
};

/**
 * The folder (relative to where the command starts) a command's runner (`FOLDER_OPTIONS`: `env`,
 * `npm`, `npx`, `pnpm`, `yarn`, `bun`, found anywhere in the command) runs the rest in, and the
 * command without that option; or why it cannot be followed: a folder the shell expands, absolute,
 * from home (`~`) or missing, or an option running it elsewhere. `env`'s options end at its first
 * other word; a package manager's may follow its command (`npm exec --prefix conf`) up to `--`.
 * `runner` names the program (`env`, `pnpm`, …); each runner of the command is tried in turn
 * (`env A=1 pnpm -C conf exec tsc`). `undefined` when the command changes no folder. Pure.
 */
export function commandFolder(words: readonly ShellWord[]): MovedCommand | undefined {
  for (const [runner, word] of words.entries()) {
    const name = baseName(word.text);
    if (word.expands || !Object.hasOwn(FOLDER_OPTIONS, name)) continue;
    const moved = runnerFolder(words, runner, name);
    if (moved !== undefined) return moved;
  }
  return undefined;
}

/** A command moved to `folder` by `runner` (its `words` without the option), or why it cannot be followed. */
type MovedCommand =
  | { folder: string; runner: string; words: ShellWord[]; why?: undefined }
  | { folder?: undefined; runner?: undefined; words?: undefined; why: string };

/** `commandFolder` for the runner `name` at `runner` (an index of `words`). */
function runnerFolder(words: readonly ShellWord[], runner: number, name: string): MovedCommand | undefined {
  const options = FOLDER_OPTIONS[name];
  if (options === undefined) return undefined;
  for (let at = runner + 1; at < words.length; at++) {
    const word = words[at];
    if (word === undefined) break;
    const text = word.text;
    if (text === '--' || (name === 'env' && !text.startsWith('-') && !/^[A-Za-z_]\w*=/.test(text))) break;
    const shown = JSON.stringify(`${name} ${text}`.slice(0, 80));
    if (options.elsewhere.includes(text) || options.elsewhere.some((flag) => text.startsWith(`${flag}=`)))
      return { why: `it runs a command in folders the text does not name (${shown})` };
    const flag = options.withFolder.find(
      (each) => text === each || text.startsWith(`${each}=`) || (/^-\w$/.test(each) && text.startsWith(each)),
    );
    if (flag === undefined) continue;
    const attached = text === flag ? undefined : text.slice(flag.length).replace(/^=/, '');
    const value = attached === undefined ? words[at + 1] : { ...word, text: attached };
    if (value === undefined || value.expands || value.text === '' || /^[~/-]/.test(value.text))
      return { why: `it runs a command in a folder the text cannot follow (${shown})` };
    const rest = [...words.slice(0, at), ...words.slice(at + (attached === undefined ? 2 : 1))];
    return { folder: value.text, runner: name, words: rest };
  }
  return undefined;
}

/** A path's last part (`node_modules/.bin/pnpm` → `pnpm`). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
