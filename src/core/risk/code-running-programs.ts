import type { ShellWord } from './shell-commands.js';

/**
 * Programs that run code of the repository given on their command line (a file, or text with
 * `-e`), which may start tsc or esbuild with any configuration (esbuild's JavaScript API takes
 * `tsconfig`, tsc's API any project): Node.js, and the TypeScript runners and runtimes around it
 * (tsx, ts-node, Bun, Deno, babel-node, …).
 */
const CODE_RUNNERS: ReadonlySet<string> = new Set([
  'node',
  'nodejs',
  'tsx',
  'ts-node',
  'ts-node-esm',
  'ts-node-transpile-only',
  'bun',
  'deno',
  'babel-node',
  'esno',
  'esr',
  'jiti',
  'vite-node',
  'sucrase-node',
  'swc-node',
  'zx',
]);

/**
 * Build tools that load a configuration file that is code (`rollup -c` → `rollup.config.js`,
 * `vite build` → `vite.config.ts`, `webpack` → `webpack.config.js`, `tsup` → `tsup.config.ts`),
 * found by name where the text does not show it, and that run esbuild or tsc (or plugins that do)
 * with the TypeScript configuration it chooses.
 */
const CONFIG_CODE_TOOLS: ReadonlySet<string> = new Set([
  'rollup',
  'vite',
  'webpack',
  'webpack-cli',
  'tsup',
  'tsdown',
  'parcel',
  'rspack',
  'rsbuild',
  'unbuild',
  'microbundle',
  'ncc',
  'pkgroll',
  'gulp',
  'grunt',
]);

/** Node.js options whose value is code it runs or loads (Node.js CLI docs). */
const NODE_CODE_OPTIONS = /^(-e|--eval|-p|--print|-r|--require|--import|--loader|--experimental-loader)(=|$)/;

/**
 * Why a command runs code the script text does not show, which may start the compiler with any
 * configuration: a `CODE_RUNNERS` program (anywhere in the command: `npx tsx build.ts`) running
 * anything but a file of tsc or esbuild (`node node_modules/typescript/lib/tsc.js` is read as tsc;
 * `isCompiler` says which), or a `CONFIG_CODE_TOOLS` tool. `undefined` for any other command. Pure.
 */
export function codeRunningProgram(
  words: readonly ShellWord[],
  isCompiler: (word: ShellWord) => boolean,
): string | undefined {
  const at = words.findIndex((word) => {
    const name = baseName(word.text);
    return CODE_RUNNERS.has(name) || CONFIG_CODE_TOOLS.has(name);
  });
  const program = words[at];
  if (program === undefined) return undefined;
  const name = baseName(program.text);
  const shown = JSON.stringify(
    words
      .slice(at, at + 3)
      .map((word) => word.raw)
      .join(' ')
      .slice(0, 80),
  );
  if (CONFIG_CODE_TOOLS.has(name))
    return `it runs ${name} (${shown}), whose configuration file is code that may run the compiler with any configuration`;
  const rest = words.slice(at + 1);
  const fileAt = rest.findIndex((word) => !word.text.startsWith('-'));
  const file = rest[fileAt];
  // Node's own options come before the file it runs; those after it are the file's.
  const runsCode = rest
    .slice(0, fileAt < 0 ? rest.length : fileAt)
    .some((word) => NODE_CODE_OPTIONS.test(word.text));
  if (name === 'node' && !runsCode && file !== undefined && isCompiler(file)) return undefined;
  return `it runs code with ${name} (${shown}), which may run the compiler with any configuration`;
}

/** A path's last part (`node_modules/.bin/tsx` → `tsx`). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
