/**
 * One argument of a build the classifier can read: plain characters (no shell operators,
 * substitutions or quotes), naming nothing outside the service's folder: no `..`, no absolute path
 * (an argument, a response file's `@` name, or the value after a `=` or `:`, starting with `/`) and
 * no Windows drive (`C:` there), which could write over or read in any file the runner's user can
 * reach (`--outfile=/home/runner/.npmrc`, `--inject:/…`, `tsc @/tmp/x.rsp`). `\\` and `~` are
 * outside the allowed characters already.
 */
const PLAIN_ARGUMENT = String.raw`(?![^ ]*\.\.)(?!@?(\/|[A-Za-z]:))(?![^ ]*[=:](\/|[A-Za-z]:))[\w@*./=:,+-]+`;

/**
 * A build the classifier can read: esbuild or tsc with `PLAIN_ARGUMENT`s, as the blueprints write
 * it (`src/generation/offline/project/project-files.ts`). A tsc response file it names
 * (`tsc @build.rsp`) is judged where it is read (`compilerConfigRisks`).
 */
export const PLAIN_BUILD = new RegExp(`^(esbuild|tsc)( ${PLAIN_ARGUMENT})*$`);

const ONE_PLAIN_ARGUMENT = new RegExp(`^${PLAIN_ARGUMENT}$`);

/** One argument as `PLAIN_BUILD` allows it (a tsc response file's arguments are judged so). */
export function isPlainBuildArgument(argument: string): boolean {
  return ONE_PLAIN_ARGUMENT.test(argument);
}
