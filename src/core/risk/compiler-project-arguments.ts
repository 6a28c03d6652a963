import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseJsonc } from '../untrusted/parse-jsonc.js';
import { insideRepository } from './lockfile-sources.js';

/** How many scripts of one manifest, and how many characters of one script, are read. */
const MAX_SCRIPTS = 256;
const MAX_SCRIPT_LENGTH = 10_000;

/**
 * Shell operators that end one command of a script and start the next (npm runs a script with
 * `sh -c`, npm Docs, "scripts"; @npmcli/run-script's `scriptShell`): `&&`, `||`, `;`, `|`, `&`,
 * a line break, and a subshell's parentheses.
 */
const COMMAND_SEPARATOR = /&&|\|\||[;|&\n()]/;

/**
 * A configuration file a script of a `package.json` points the TypeScript compiler or esbuild at,
 * as a repository path; `where` is `<manifest>#scripts.<name>`.
 */
export interface CompilerProjectArgument {
  readonly path: string;
  readonly where: string;
}

/**
 * Every configuration the `scripts` of the manifest at `path` name to the compiler: `tsc -p <file>`,
 * `tsc --project <file>` (also written `--project=<file>`), and each project after `tsc -b` /
 * `tsc --build` (TypeScript Handbook, "tsc CLI Options": `--project`, `-p`; "Project References":
 * `tsc --build` takes one or more projects), and esbuild's `--tsconfig=<file>` (esbuild API,
 * "tsconfig"). The command is found by its last path part (`npx tsc`, `node_modules/.bin/tsc`) in
 * each command of a script (`COMMAND_SEPARATOR`), with quotes taken off its arguments. A path is read
 * from the manifest's folder, where npm runs its scripts; one leaving the repository names nothing
 * of the change, and is left out. A manifest that does not parse names nothing here (its own rule
 * says so, `packageManifestRisks`). Bounded (`MAX_SCRIPTS`, `MAX_SCRIPT_LENGTH`); pure; never throws.
 */
export function compilerProjectArguments(params: {
  path: string;
  content: string;
}): CompilerProjectArgument[] {
  const parsed = parseJsonc(params.content);
  if (!parsed.ok || !isPlainObject(parsed.value)) return [];
  const scripts = parsed.value['scripts'];
  if (!isPlainObject(scripts)) return [];
  const folder = params.path.split('/').slice(0, -1);
  const found: CompilerProjectArgument[] = [];
  for (const [name, script] of Object.entries(scripts).slice(0, MAX_SCRIPTS)) {
    if (typeof script !== 'string') continue;
    for (const command of script.slice(0, MAX_SCRIPT_LENGTH).split(COMMAND_SEPARATOR))
      for (const argument of projectsOf(command.trim().split(/\s+/).map(unquoted)))
        if (argument !== '' && insideRepository(folder, argument)) {
          const path = pathFromFolder(folder, argument);
          if (path !== '') found.push({ path, where: `${params.path}#scripts.${name}` });
        }
  }
  return found;
}

/** The configuration arguments of one command's words, when it starts tsc or esbuild. */
function projectsOf(words: readonly string[]): string[] {
  const start = words.findIndex((word) => /^(tsc|esbuild)$/.test(word.slice(word.lastIndexOf('/') + 1)));
  if (start < 0) return [];
  const program = words[start]?.endsWith('esbuild') ? 'esbuild' : 'tsc';
  const rest = words.slice(start + 1);
  const found: string[] = [];
  for (const [index, word] of rest.entries()) {
    const [written = '', inline] = word.split(/=(.*)/s);
    // tsc reads its options in any case (`--Project`); esbuild's are read the same way, failing closed.
    const flag = written.toLowerCase();
    const next = inline ?? rest[index + 1] ?? '';
    if (program === 'esbuild' && flag === '--tsconfig') found.push(next);
    if (program === 'tsc' && (flag === '-p' || flag === '--project')) found.push(next);
    // `tsc -b` builds every project named after it, its own flags (`--verbose`, `--force`) among them.
    if (program === 'tsc' && (flag === '-b' || flag === '--build'))
      found.push(...rest.slice(index + 1).filter((project) => !project.startsWith('-')));
  }
  return found;
}

/** A shell word without the quotes around it (`"tsconfig.app.json"` → `tsconfig.app.json`). */
function unquoted(word: string): string {
  return word.replace(/^(["'])(.*)\1$/s, '$2');
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
