import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseJsonc } from '../untrusted/parse-jsonc.js';
import { insideRepository } from './lockfile-sources.js';
import { codeRunningProgram } from './code-running-programs.js';
import { wrappedCommand } from './command-wrappers.js';
import { DEPLOY_RUN_SCRIPTS } from './deploy-run-scripts.js';
import { npmRunAllTasks } from './npm-run-all-tasks.js';
import { commandFolder } from './runner-folder-options.js';
import { type ShellWord, shellCommands, substitutionScripts } from './shell-commands.js';
import { responseFileArguments } from './tsc-response-file.js';
import { unmodelledCommand, unmodelledShellText } from './unmodelled-shell-forms.js';

/** How many scripts one manifest may have, and how many characters one script, to be read (past either: unknown). */
const MAX_SCRIPTS = 256;
const MAX_SCRIPT_LENGTH = 10_000;
/** How deep `sh -c`, `eval` and `npm run <script>` are followed, and how many commands one manifest reads in all. */
const MAX_NESTING = 8;
const MAX_COMMANDS = 4_096;
/** How many folders a script may be in after its `cd`s before the rest counts as unknown. */
const MAX_FOLDERS = 16;
/** A shell script file longer than this is not read (unknown); and how many one manifest's scripts may run. */
export const MAX_SHELL_FILE_LENGTH = 100_000;
const MAX_SHELL_FILES = 32;

/**
 * The programs by the last part of their path: TypeScript's compiler as its `bin` (`tsc`,
 * `node_modules/.bin/tsc`, `npx tsc`) or its files run by node (`typescript/bin/tsc`,
 * `typescript/lib/tsc.js`, `typescript/lib/_tsc.js` since 5.5), and esbuild's (`esbuild`,
 * `esbuild/bin/esbuild`, `esbuild.exe`).
 */
const TSC = /^_?tsc(\.[cm]?js)?$/;
const ESBUILD = /^esbuild(\.exe|\.[cm]?js)?$/;
/** tsup and tsdown, esbuild and rolldown wrappers that take `--tsconfig <file>` (tsup docs, "CLI"). */
const TSUP = /^(tsup|tsdown)(\.[cm]?js)?$/;
/** Shells whose `-c` runs its next word as a script (`sh -c`, `bash -ec`). */
const SHELL = /^(sh|bash|dash|zsh|ksh|ash)$/;
/** npm's commands that run a script of the manifest (npm Docs, "npm run-script" and its aliases; "npm test", "npm start", …). */
const NPM_RUN = new Set(['run', 'run-script', 'rum', 'urn']);
const NPM_SCRIPT_COMMANDS = new Set(['test', 't', 'tst', 'start', 'stop', 'restart']);

/**
 * A configuration file a script of a `package.json` points the TypeScript compiler or esbuild at,
 * as a repository path; `where` is `<manifest>#scripts.<name>`.
 */
export interface CompilerProjectArgument {
  readonly path: string;
  readonly where: string;
}

/** A script whose compiler configuration cannot be known from its text, and why. */
export interface UnknownCompilerProject {
  readonly where: string;
  readonly why: string;
}

/**
 * Every configuration the scripts the deploy run starts (`DEPLOY_RUN_SCRIPTS`: the install's
 * life-cycle scripts, `prebuild`, `build`, `postbuild`; and every script those run, by `npm run x`,
 * `yarn x`, `pnpm x` or npm-run-all's `run-s`/`run-p` patterns, `npmRunAllTasks`, with its own pre and
 * post scripts, `readNamedScript`) of the manifest at `path` name to the compiler (`projects`); a
 * script nothing of the deploy run starts (`start`, `test`, `lint`) runs nowhere the change reaches
 * and is not read:
 * `tsc -p <file>`, `tsc --project <file>` (also written `--project=<file>`), and each project after
 * `tsc -b` / `tsc --build` (each after one dash or two, `--p`, `-project`, `-build`, in any case; TypeScript Handbook, "tsc CLI Options": `--project`, `-p`; "Project
 * References": `tsc --build` takes one or more projects), and esbuild's `--tsconfig=<file>` (esbuild
 * API, "tsconfig"). A script is read as the shell npm runs it with reads it (`shellCommands`: npm
 * Docs, "scripts"), and in each of its commands the compiler is found by its path's last part
 * (`TSC`, `ESBUILD`: `npx tsc`, `node node_modules/typescript/lib/tsc.js`); the script of a shell's
 * `-c` (`sh -c 'tsc -p x'`) and of `eval` is read the same way, and `npm run <script> -- <args>`
 * (also `npm test`, `pnpm <script>`, `yarn <script>`, `$npm_execpath run`) reads that script with
 * the arguments appended, as npm does (@npmcli/run-script), up to `MAX_NESTING` levels. A path is
 * read from the manifest's folder, where npm runs its scripts, and from each folder a `cd` of the
 * script may have entered (`cd conf && tsc -p build.json`; a `cd` it cannot follow is unknown), or a
 * runner's folder option moves one command to (`commandFolder`: `env -C conf tsc …`, `pnpm --dir
 * conf exec tsc …`); one leaving the repository names nothing of the change, and is left out. The
 * arguments of a tsc response file (`tsc @build.rsp`, `readResponseFiles`) are read as tsc's own,
 * and the files named listed in `responseFiles`; tsup's `--tsconfig` is read as esbuild's. What cannot be known from the text is `unknown` with why:
 * a compiler argument the shell expands (`tsc -p $npm_package_config_tsconfig`, `tsc $FLAGS`,
 * `tsc -b packages/*`), a program or script name it expands, a shell script file it runs
 * (`sh build.sh`, `bash scripts/build.sh`, `./build.sh`, `. env.sh`) that `shellFiles` does not
 * hold, is too large, or runs with another interpreter (`readShellFile`: one it holds is read as
 * the script's own commands, from the folder it is run in), a shell reading its input
 * (`curl … | sh`), a program running code the text does not show (`codeRunningProgram`: `node
 * build.mjs`, `tsx`, `rollup -c`, `vite build`), or nesting and commands past the bounds; the commands inside `$(…)` and
 * backticks are read too. A manifest that does not parse names nothing here (its own rule says so,
 * `packageManifestRisks`). Bounded (`MAX_SCRIPTS`, `MAX_SCRIPT_LENGTH`, `MAX_COMMANDS`: past them,
 * unknown); pure; never throws.
 */
export function compilerProjectArguments(params: {
  path: string;
  content: string;
  /**
   * The text of the shell script files the scripts may run, by repository path (the change's files,
   * and the reviewed base's it does not write): a file run that is not here is unknown, and listed
   * in `unreadShellFiles`.
   */
  shellFiles?: ReadonlyMap<string, string>;
}): {
  projects: CompilerProjectArgument[];
  unknown: UnknownCompilerProject[];
  /**
   * The repository paths of shell script files the scripts run, and of tsc response files they
   * name, that `shellFiles` does not hold.
   */
  unreadShellFiles: string[];
  /** The tsc response files the scripts name (`tsc @build.rsp`), by repository path, and whether `shellFiles` held them. */
  responseFiles: { path: string; read: boolean }[];
} {
  const parsed = parseJsonc(params.content);
  const projects: CompilerProjectArgument[] = [];
  const unknown: UnknownCompilerProject[] = [];
  const wanted = new Set<string>();
  const none = { projects, unknown, unreadShellFiles: [], responseFiles: [] };
  if (!parsed.ok || !isPlainObject(parsed.value)) return none;
  const scripts = parsed.value['scripts'];
  if (!isPlainObject(scripts)) return none;
  const entries = Object.entries(scripts);
  if (entries.length > MAX_SCRIPTS) {
    unknown.push({ where: `${params.path}#scripts`, why: `it has more than ${MAX_SCRIPTS} scripts to read` });
    return none;
  }
  const texts = new Map(
    entries.flatMap(([name, script]) => (typeof script === 'string' ? [[name, script] as const] : [])),
  );
  const folder = params.path.split('/').slice(0, -1);
  const budget = { commands: MAX_COMMANDS, shellFiles: MAX_SHELL_FILES };
  const responses = new Map<string, boolean>();
  const files: ShellFiles = { folder, texts: params.shellFiles ?? new Map(), wanted, responses };
  // Only what the deploy run starts runs; the scripts those run are read where they are run.
  for (const name of DEPLOY_RUN_SCRIPTS) {
    const script = texts.get(name);
    if (script === undefined) continue;
    const where = `${params.path}#scripts.${name}`;
    const found = readScript({ script, scripts: texts, depth: 0, budget, files });
    for (const argument of found.arguments)
      if (argument !== '' && insideRepository(folder, argument)) {
        const path = pathFromFolder(folder, argument);
        if (path !== '') projects.push({ path, where });
      }
    for (const why of found.unknown) unknown.push({ where, why });
  }
  return {
    projects,
    unknown,
    unreadShellFiles: [...wanted],
    responseFiles: [...responses].map(([path, read]) => ({ path, read })),
  };
}

/**
 * The manifest's folder (path segments), the shell script and response files' texts known, those
 * wanted but not known, and the tsc response files named (whether read).
 */
interface ShellFiles {
  readonly folder: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
  readonly wanted: Set<string>;
  readonly responses: Map<string, boolean>;
}

/** What a script may spend: commands read, shell script files read. */
interface ReadingBudget {
  commands: number;
  shellFiles: number;
}

/** What one script's commands name to the compiler, and what of them cannot be known. */
interface ScriptReading {
  arguments: string[];
  unknown: string[];
}

/**
 * Reads `script`'s commands (`readCommand`), counting them against `budget`, in `folders` (relative
 * to the manifest's; `['']` by default). A `cd <folder>` (or `pushd`) adds the folder it enters to
 * the folders the next commands may run in: a subshell's `(cd conf; …)` ends, a `cd` may fail, so
 * the folders before it stay too, and a compiler argument is read from each. A `cd` the text cannot
 * follow (`cd`, `cd -`, `cd ~`, `cd $DIR`, an absolute path) leaves the rest unknown.
 */
function readScript(params: {
  script: string;
  scripts: ReadonlyMap<string, string>;
  depth: number;
  budget: ReadingBudget;
  files: ShellFiles;
  folders?: readonly string[];
}): ScriptReading {
  const reading: ScriptReading = { arguments: [], unknown: [] };
  if (params.depth > MAX_NESTING) {
    reading.unknown.push(`scripts nest more than ${MAX_NESTING} levels deep`);
    return reading;
  }
  if (params.script.length > MAX_SCRIPT_LENGTH) {
    reading.unknown.push(`a script is longer than ${MAX_SCRIPT_LENGTH} characters`);
    return reading;
  }
  const unmodelled = unmodelledShellText(params.script);
  if (unmodelled !== undefined) {
    reading.unknown.push(unmodelled);
    return reading;
  }
  let folders = params.folders ?? [''];
  for (const words of shellCommands(params.script)) {
    if (--params.budget.commands < 0) {
      reading.unknown.push(`more than ${MAX_COMMANDS} commands to read`);
      return reading;
    }
    const entered = enteredFolder(words);
    if (entered !== undefined) {
      if (entered.why !== undefined) {
        reading.unknown.push(entered.why);
        return reading;
      }
      const target = entered.folder;
      folders = [...new Set([...folders, ...folders.map((folder) => joined(folder, target))])];
      if (folders.length > MAX_FOLDERS) {
        reading.unknown.push(`it changes folder into more than ${MAX_FOLDERS} folders`);
        return reading;
      }
      continue;
    }
    const found = readCommand({ ...params, words, folders });
    reading.arguments.push(...found.arguments);
    reading.unknown.push(...found.unknown);
    // `$(…)` and backticks run commands of their own, in the same folder.
    for (const inner of words.flatMap((word) => (word.expands ? substitutionScripts(word.raw) : []))) {
      const nested = readScript({ ...params, script: inner, depth: params.depth + 1, folders });
      reading.arguments.push(...nested.arguments);
      reading.unknown.push(...nested.unknown);
    }
  }
  return reading;
}

/**
 * The folder a `cd`/`pushd` command enters (relative), or why it cannot be followed; undefined for
 * any other command.
 */
function enteredFolder(
  all: readonly ShellWord[],
): { folder: string; why?: undefined } | { folder?: undefined; why: string } | undefined {
  const first = all.findIndex((word) => !isAssignment(word));
  // `command cd conf`, `builtin cd conf` enter it too.
  const wrapped = wrappedCommand(first < 0 ? [] : all.slice(first));
  const words = wrapped.runs === 'command' ? wrapped.words : [];
  const program = words[0];
  if (program === undefined || !['cd', 'pushd'].includes(program.text)) return undefined;
  const target = words.slice(1).find((word) => !/^-[LPe@]+$/.test(word.text) && word.text !== '--');
  const shown = target === undefined ? quoted(program.raw) : quoted(`${program.raw} ${target.raw}`);
  if (target === undefined || target.expands || target.text === '-' || /^[~/]/.test(target.text))
    return { why: `it changes folder where the text cannot follow (${shown})` };
  return { folder: target.text };
}

/** `relative` read from `folder` (both relative to the manifest's folder; `..` kept once at the top). */
function joined(folder: string, relative: string): string {
  return folder === '' ? relative : `${folder}/${relative}`;
}

/** One command: a shell's `-c` script, `eval`, a package manager running a script, or tsc/esbuild. */
function readCommand(params: {
  words: readonly ShellWord[];
  scripts: ReadonlyMap<string, string>;
  depth: number;
  budget: ReadingBudget;
  files: ShellFiles;
  folders: readonly string[];
}): ScriptReading {
  const first = params.words.findIndex((word) => !isAssignment(word));
  const words = first < 0 ? [] : params.words.slice(first);
  const nested = (script: string): ScriptReading =>
    readScript({ ...params, script, depth: params.depth + 1 });
  const program = words[0];
  if (program === undefined) return { arguments: [], unknown: [] };
  const moved = commandFolder(words);
  if (moved !== undefined) return readMovedCommand({ ...params, moved });
  // `exec`, `env`, `time`, `nohup`, `command`, `builtin`: read as the command they run.
  const wrapped = wrappedCommand(words);
  if (wrapped.runs === 'nothing') return { arguments: [], unknown: [] };
  if (wrapped.runs === 'unknown') return { arguments: [], unknown: [wrapped.why] };
  if (wrapped.words !== words) return readCommand({ ...params, words: wrapped.words });
  const runAll = npmRunAllTasks(words, [...params.scripts.keys()]);
  if (runAll !== undefined)
    return runAll.why !== undefined
      ? { arguments: [], unknown: [runAll.why] }
      : merged(runAll.tasks.map((task) => readNamedScript({ ...params, ...task })));
  const through = unmodelledCommand(words);
  if (through !== undefined) return { arguments: [], unknown: [through] };
  if (program.expands && !isExecPath(program) && /[$`]/.test(baseName(program.text)))
    return { arguments: [], unknown: [`it runs a command the shell expands (${quoted(program.raw)})`] };
  const shell = words.findIndex((word) => SHELL.test(baseName(word.text)));
  const dashC = words.findIndex((word, index) => index > shell && /^-[a-z]*c[a-z]*$/i.test(word.text));
  if (shell >= 0 && dashC > shell) return nested(words[dashC + 1]?.text ?? '');
  const run = shellFileRun(words, shell);
  if (run !== undefined) return readShellFile({ ...params, ...run });
  if (baseName(program.text) === 'eval')
    return nested(
      words
        .slice(1)
        .map((word) => word.text)
        .join(' '),
    );
  const scriptOf = scriptRun(words, params.scripts);
  if (scriptOf !== undefined) {
    if (scriptOf.name.expands)
      return {
        arguments: [],
        unknown: [`it runs a script whose name the shell expands (${quoted(scriptOf.name.raw)})`],
      };
    return readNamedScript({ ...params, name: scriptOf.name.text, forwarded: scriptOf.forwarded });
  }
  const found = compilerArguments(words);
  const responses = readResponseFiles({ ...params, names: found.responseFiles });
  const runsCode = codeRunningProgram(words, isCompiler);
  return {
    unknown: [...found.unknown, ...responses.unknown, ...(runsCode === undefined ? [] : [runsCode])],
    arguments: [...found.arguments, ...responses.arguments].flatMap((argument) =>
      argument === '' || argument.startsWith('/')
        ? [argument]
        : params.folders.map((folder) => joined(folder, argument)),
    ),
  };
}

/**
 * The script `name` as a package manager runs it (`npm run <name> -- <args>`, npm-run-all's tasks):
 * `pre<name>`, the script with `forwarded` appended, then `post<name>` (npm Docs, "scripts", "Pre &
 * Post Scripts": npm runs them for any script; yarn 1 does too, and pnpm when
 * `enable-pre-post-scripts` is set, so they are read whoever runs it), each in the manifest's folder,
 * wherever it was called from (@npmcli/run-script runs a script in the package's folder). A name
 * the manifest does not hold runs nothing here (the package manager fails, or runs a bin,
 * `codeRunningProgram`'s concern).
 */
function readNamedScript(params: {
  name: string;
  forwarded: string;
  scripts: ReadonlyMap<string, string>;
  depth: number;
  budget: ReadingBudget;
  files: ShellFiles;
}): ScriptReading {
  const run = [`pre${params.name}`, params.name, `post${params.name}`].flatMap((name) => {
    const script = params.scripts.get(name);
    if (script === undefined) return [];
    return [name === params.name ? `${script} ${params.forwarded}` : script];
  });
  return merged(
    run.map((script) => readScript({ ...params, script, depth: params.depth + 1, folders: [''] })),
  );
}

/** The readings of several scripts as one. */
function merged(readings: readonly ScriptReading[]): ScriptReading {
  return {
    arguments: readings.flatMap((each) => each.arguments),
    unknown: readings.flatMap((each) => each.unknown),
  };
}

/**
 * A command a runner runs in another folder (`commandFolder`: `env -C conf tsc -p build.json`,
 * `pnpm --dir conf exec tsc …`), read in that folder as well as the ones before it (failing closed);
 * one it cannot follow is unknown. A package manager moved there runs that folder's manifest, its
 * scripts and bins (`yarn --cwd conf build`), which are not read: unknown unless it runs tsc or
 * esbuild by name (`yarn --cwd conf tsc …`).
 */
function readMovedCommand(params: {
  moved: NonNullable<ReturnType<typeof commandFolder>>;
  scripts: ReadonlyMap<string, string>;
  depth: number;
  budget: ReadingBudget;
  files: ShellFiles;
  folders: readonly string[];
}): ScriptReading {
  const { moved } = params;
  if (moved.why !== undefined) return { arguments: [], unknown: [moved.why] };
  const folder = moved.folder;
  if (moved.runner !== 'env' && !moved.words.some(isCompiler))
    return {
      arguments: [],
      unknown: [`it runs ${moved.runner} in ${quoted(folder)}, whose manifest's scripts are not read`],
    };
  const folders = [...new Set([...params.folders, ...params.folders.map((each) => joined(each, folder))])];
  if (folders.length > MAX_FOLDERS)
    return { arguments: [], unknown: [`it changes folder into more than ${MAX_FOLDERS} folders`] };
  return readCommand({ ...params, words: moved.words, folders });
}

/** How many response files deep tsc's `@file` arguments are followed (a response file may name another). */
const MAX_RESPONSE_DEPTH = 4;

/**
 * The compiler arguments of the tsc response files `names` (`tsc @build.rsp`; TypeScript's
 * commandLineParser reads the file from the folder tsc runs in, its arguments as if on the command
 * line, `@` names within too): each file's repository path from each of `folders`, its text from
 * `files.texts` (one not there is wanted, and unknown), bounded as shell script files are
 * (`MAX_SHELL_FILE_LENGTH`, the `MAX_SHELL_FILES` budget), `MAX_RESPONSE_DEPTH` deep; one outside the
 * repository is unknown. Each path named is recorded in `files.responses` for its arguments to be
 * judged (`compilerConfigRisks`). The arguments returned are relative to the folder tsc runs in.
 */
function readResponseFiles(params: {
  names: readonly string[];
  files: ShellFiles;
  budget: ReadingBudget;
  folders: readonly string[];
  level?: number;
}): ScriptReading {
  const reading: ScriptReading = { arguments: [], unknown: [] };
  const { files } = params;
  const level = params.level ?? 0;
  for (const name of params.names)
    for (const folder of params.folders) {
      const relative = joined(folder, name);
      if (!insideRepository(files.folder, relative)) {
        reading.unknown.push(`tsc reads the response file ${quoted(name)}, outside the repository`);
        continue;
      }
      const path = pathFromFolder(files.folder, relative);
      if (level >= MAX_RESPONSE_DEPTH || --params.budget.shellFiles < 0) {
        reading.unknown.push(`tsc reads response file ${quoted(path)} past the bounds`);
        continue;
      }
      const text = files.texts.get(path);
      files.responses.set(path, text !== undefined || files.responses.get(path) === true);
      if (text === undefined) {
        files.wanted.add(path);
        reading.unknown.push(`tsc reads the response file ${quoted(path)}, which was not read`);
        continue;
      }
      if (text.length > MAX_SHELL_FILE_LENGTH) {
        reading.unknown.push(`the response file ${quoted(path)} tsc reads is too large to read`);
        continue;
      }
      const words = ['tsc', ...responseFileArguments(text)].map((each) => ({
        text: each,
        raw: each,
        expands: false,
      }));
      const found = compilerArguments(words);
      const nested = readResponseFiles({
        ...params,
        names: found.responseFiles,
        folders: [folder],
        level: level + 1,
      });
      reading.arguments.push(...found.arguments, ...nested.arguments);
      reading.unknown.push(...found.unknown, ...nested.unknown);
    }
  return reading;
}

/** A word that runs tsc, esbuild or tsup by its path's last part. */
function isCompiler(word: ShellWord): boolean {
  const name = baseName(word.text);
  return TSC.test(name) || ESBUILD.test(name) || TSUP.test(name);
}

/**
 * The shell script file a command runs, and whether a shell is named to run it (its `#!` line then
 * does not count): a shell given a file (`sh build.sh`, `bash -e scripts/build.sh`), the shell's
 * `.`/`source` builtins (`. ./env.sh`), or a file run by its path (`./build.sh`, `../x`,
 * `script/build`: any name with a slash, any `*.sh`/`*.bash`) that is no program known by name. A shell given neither `-c` nor a file reads
 * its commands from its input (`curl … | sh`): `file` undefined. `undefined` for any other command.
 */
function shellFileRun(
  words: readonly ShellWord[],
  shell: number,
): { file: ShellWord | undefined; byShell: boolean } | undefined {
  const program = words[0];
  if (program === undefined) return undefined;
  if (shell >= 0) {
    const file = shellOperand(words.slice(shell + 1));
    // A word `sh` among another program's arguments (`echo sh`) runs no shell.
    return file === undefined && shell > 0 ? undefined : { file, byShell: true };
  }
  if (program.text === '.' || program.text === 'source') return { file: words[1], byShell: true };
  const name = baseName(program.text);
  const known = isCompiler({ ...program, text: name });
  // The shell runs a name holding a slash as a path (POSIX 2.9.1.1 "Command Search and Execution").
  if (!known && (/\.(sh|bash)$/.test(program.text) || program.text.includes('/')))
    return { file: program, byShell: false };
  return undefined;
}

/**
 * Shell options that take the next word as their value (POSIX `sh`: `-o option`/`+o option`; bash:
 * `-O shopt`/`+O shopt`, `--rcfile file`, `--init-file file`), so it is no script file.
 */
const SHELL_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set([
  '-o',
  '+o',
  '-O',
  '+O',
  '--rcfile',
  '--init-file',
]);

/** The first word after a shell's options (`-e`, `+x`, `-o pipefail`): the script file it runs. */
function shellOperand(words: readonly ShellWord[]): ShellWord | undefined {
  for (let at = 0; at < words.length; at++) {
    const text = words[at]?.text ?? '';
    if (text === '--') return words[at + 1];
    if (SHELL_OPTIONS_WITH_VALUE.has(text)) at += 1;
    else if (!/^[-+]/.test(text)) return words[at];
  }
  return undefined;
}

/** `#!` lines naming a shell whose commands read as `shellCommands` reads them. */
const SHELL_SHEBANG = /^#!\s*(\/usr)?\/bin\/(env\s+)?(sh|bash|dash|zsh|ksh|ash)(\s|$)/;

/**
 * The commands of a shell script file a command runs (`shellFileRun`), read as a script in the
 * folders the command runs in (a script runs in its caller's folder, whatever its own): the file's
 * repository path from each such folder, its text from `files.texts` (one not there is wanted, and
 * unknown), up to `MAX_SHELL_FILE_LENGTH` characters and `MAX_SHELL_FILES` files a manifest, one run
 * by its path whose `#!` line names no shell unknown (`#!/usr/bin/env node`), nesting as `npm run`
 * does (`MAX_NESTING`). A name the shell expands, or one outside the repository, is unknown.
 */
function readShellFile(params: {
  file: ShellWord | undefined;
  byShell: boolean;
  scripts: ReadonlyMap<string, string>;
  depth: number;
  budget: ReadingBudget;
  files: ShellFiles;
  folders: readonly string[];
}): ScriptReading {
  const { file, files } = params;
  const unknown = (why: string): ScriptReading => ({ arguments: [], unknown: [why] });
  if (file === undefined) return unknown('it runs a shell that reads its commands from its input');
  const shown = quoted(file.raw);
  if (file.expands) return unknown(`it runs a shell script file whose name the shell expands (${shown})`);
  const reading: ScriptReading = { arguments: [], unknown: [] };
  for (const folder of params.folders) {
    const relative = joined(folder, file.text);
    if (!insideRepository(files.folder, relative))
      return unknown(`it runs the shell script file ${shown}, outside the repository`);
    const path = pathFromFolder(files.folder, relative);
    if (--params.budget.shellFiles < 0)
      return unknown(`it runs more than ${MAX_SHELL_FILES} shell script files`);
    const text = files.texts.get(path);
    if (text === undefined) {
      files.wanted.add(path);
      reading.unknown.push(`it runs the shell script file ${quoted(path)}, which was not read`);
      continue;
    }
    if (text.length > MAX_SHELL_FILE_LENGTH) {
      reading.unknown.push(`the shell script file ${quoted(path)} it runs is too large to read`);
      continue;
    }
    const shebang = /^#![^\n]*/.exec(text)?.[0];
    if (!params.byShell && shebang !== undefined && !SHELL_SHEBANG.test(shebang)) {
      reading.unknown.push(`it runs ${quoted(path)} with ${quoted(shebang)}, whose code is not read`);
      continue;
    }
    const nested = readScript({ ...params, script: text, depth: params.depth + 1 });
    reading.arguments.push(...nested.arguments);
    reading.unknown.push(...nested.unknown);
  }
  return reading;
}

/**
 * The script a package manager's command runs, and its arguments as npm appends them to the
 * script's text (each single-quoted; one the shell expands as written): `npm run X -- a`,
 * `npm test -- a`, `pnpm [run] X a`, `yarn [run] X a`; `--` dropped. `undefined` when it runs none.
 */
function scriptRun(
  words: readonly ShellWord[],
  scripts: ReadonlyMap<string, string>,
): { name: ShellWord; forwarded: string } | undefined {
  const index = words.findIndex(
    (word) => isExecPath(word) || ['npm', 'pnpm', 'yarn'].includes(baseName(word.text)),
  );
  const found = words[index];
  const manager = found === undefined ? undefined : isExecPath(found) ? 'npm' : baseName(found.text);
  const command = words[index + 1];
  if (manager === undefined || command === undefined) return undefined;
  const afterFlags = (from: number): number => {
    let at = from;
    while (words[at]?.text.startsWith('-') === true) at += 1;
    return at;
  };
  let name: ShellWord | undefined;
  let rest = index + 2;
  if (manager === 'npm' && NPM_SCRIPT_COMMANDS.has(command.text))
    name = { ...command, text: canonical(command.text) };
  else if (NPM_RUN.has(command.text)) {
    rest = afterFlags(index + 2) + 1;
    name = words[rest - 1];
  } else if (manager !== 'npm' && (command.expands || scripts.has(command.text))) name = command;
  if (name === undefined) return undefined;
  const forwarded = words
    .slice(rest)
    .filter((each) => each.text !== '--')
    .map((each) => (each.expands ? each.raw : `'${each.text.replaceAll("'", `'\\''`)}'`))
    .join(' ');
  return { name, forwarded };
}

/** npm's aliases of `test` (`t`, `tst`) as the script they run. */
function canonical(command: string): string {
  return command === 't' || command === 'tst' ? 'test' : command;
}

/**
 * The configuration arguments of a command that runs tsc or esbuild (`TSC`, `ESBUILD`, anywhere in
 * the command: `npx tsc`, `node …/tsc.js`); an argument the shell expands where a project may be
 * named (after `-p`/`--project`/`-b`/`--tsconfig`, or a word that is an expansion from its start,
 * which may stand for those flags) is unknown.
 */
function compilerArguments(words: readonly ShellWord[]): ScriptReading & { responseFiles: string[] } {
  const start = words.findIndex(isCompiler);
  const reading = { arguments: [] as string[], unknown: [] as string[], responseFiles: [] as string[] };
  if (start < 0) return reading;
  const name = baseName(words[start]?.text ?? '');
  const program = ESBUILD.test(name) ? 'esbuild' : TSUP.test(name) ? 'tsup' : 'tsc';
  const rest = words.slice(start + 1);
  let building = false;
  for (const [index, word] of rest.entries()) {
    // `@<file>`: tsc reads more arguments from that file (commandLineParser, `parseResponseFile`).
    if (program === 'tsc' && word.text.startsWith('@')) {
      if (word.expands) reading.unknown.push(`tsc is given ${quoted(word.raw)}, which the shell expands`);
      else reading.responseFiles.push(word.text.slice(1));
      continue;
    }
    const [written = '', inline] = word.text.split(/=(.*)/s);
    // tsc reads its options in any case (`--Project`); esbuild's are read the same way, failing closed.
    const flag = written.toLowerCase();
    const previous = rest[index - 1]?.text.toLowerCase() ?? '';
    const takesProject = building || isProjectFlag(program, previous);
    if (
      word.expands &&
      (takesProject || /^[$`]/.test(word.text) || (inline !== undefined && isProjectFlag(program, flag)))
    ) {
      reading.unknown.push(`${program} is given ${quoted(word.raw)}, which the shell expands`);
      continue;
    }
    const next = inline ?? (rest[index + 1]?.expands === true ? '' : (rest[index + 1]?.text ?? ''));
    if (isProjectFlag(program, flag)) reading.arguments.push(next);
    // `tsc -b` builds every project named after it, its own flags (`--verbose`, `--force`) among them.
    if (program === 'tsc' && isBuildFlag(flag)) building = true;
    else if (building && !word.text.startsWith('-')) reading.arguments.push(word.text);
  }
  return reading;
}

/**
 * tsc's `--project` for tsc, esbuild's `--tsconfig` (lower-cased). tsc takes an option after one
 * dash or two, by its long or short name (TypeScript's commandLineParser: `--p`, `-project`;
 * checked with `tsc --p build.json --showConfig`); esbuild's spellings are read the same way,
 * failing closed.
 */
function isProjectFlag(program: 'tsc' | 'esbuild' | 'tsup', flag: string): boolean {
  const name = optionName(flag);
  return program === 'tsc' ? name === 'p' || name === 'project' : name === 'tsconfig';
}

/** tsc's build mode, `-b`/`--build` spelled as `isProjectFlag` says (`-build`, `--b`). */
function isBuildFlag(flag: string): boolean {
  const name = optionName(flag);
  return name === 'b' || name === 'build';
}

/** An option's name after its one or two dashes; undefined for a word that is no option. */
function optionName(flag: string): string | undefined {
  return /^--?([a-z][a-z0-9-]*)$/.exec(flag)?.[1];
}

/** `NAME=value` before a command: an environment variable for it, not its program. */
function isAssignment(word: ShellWord): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.raw);
}

/** `$npm_execpath` (the package manager running the script, npm Docs "scripts"), read as npm. */
function isExecPath(word: ShellWord): boolean {
  return /^"?\$(npm_execpath|\{npm_execpath\})"?$/.test(word.raw);
}

/** A path's last part (`node_modules/.bin/tsc` → `tsc`). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Shell text for a message, bounded. */
function quoted(raw: string): string {
  return JSON.stringify(raw.slice(0, 80));
}

/**
 * `relative` read from `folder` (path segments) as a repository path: `.` and empty segments
 * dropped, `..` climbing one folder. The caller has checked it stays inside the repository
 * (`insideRepository`). Pure.
 */
export function pathFromFolder(folder: readonly string[], relative: string): string {
  const parts = [...folder];
  for (const part of relative.split('/'))
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  return parts.join('/');
}
