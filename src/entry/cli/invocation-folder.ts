/**
 * The folder the user's relative paths mean. `npm run cli` runs the script in the package's folder
 * whatever folder npm was typed in, and npm records that folder in `INIT_CWD` ("npm run-script":
 * scripts run from the package root; INIT_CWD holds the directory npm was invoked from). Run
 * directly (`node dist/cli`), or as another script such as `npm run demo` whose paths are the
 * package's own, the current folder stands.
 */
export function invocationFolder(params: { env: NodeJS.ProcessEnv; cwd: string }): string {
  const { env } = params;
  const initCwd = env['INIT_CWD'];
  return env['npm_lifecycle_event'] === 'cli' && initCwd !== undefined && initCwd !== ''
    ? initCwd
    : params.cwd;
}
