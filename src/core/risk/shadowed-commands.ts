/**
 * Commands the deploy run's `npm run build` starts by name, which npm looks up on a `PATH` with
 * `node_modules/.bin` first (npm Docs, "scripts", "path"), each with the packages whose own
 * command it is: the build (`esbuild`, `tsc`: `PLAIN_BUILD` of plain-build-arguments), the `node`
 * their `#!/usr/bin/env node` starts, the shell scripts run in (`sh`, `bash`: @npmcli/run-script's
 * `scriptShell`), and `node-gyp`, `npm`, `npx`. A lockfile entry's `bin` (`npmLockfileRisks`) or a dependency's
 * own name (`packageManifestRisks`: npm links a package's `bin` under its name) under one of these
 * names, for a package not its own, runs that package's code for the build's command.
 */
export const SHADOWED_COMMANDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['esbuild', ['esbuild']],
  ['tsc', ['typescript']],
  ['node', []],
  ['sh', []],
  ['bash', []],
  ['node-gyp', ['node-gyp']],
  ['npm', ['npm']],
  ['npx', ['npm']],
]);
