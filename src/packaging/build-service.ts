import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_LOCKFILE_NAMES } from '../core/risk/reviewed-base-file.js';
import type { CommandRunner } from './command-runner.js';

/**
 * Install flags: no audit or funding requests, and no install scripts (`--ignore-scripts`, npm Docs,
 * "config": ignore-scripts) of the service or any dependency, which would run with the deploy run's
 * AWS credentials. What the blueprints install needs none: esbuild's postinstall only checks and
 * copies the binary its platform package (`@esbuild/<platform>`, an optional dependency) already
 * brings, and `bin/esbuild` runs that package's binary without it (esbuild 0.28, npm 11, Node 20).
 * `npm run build` still runs; its `prebuild`/`postbuild` are judged by `packageManifestRisks`.
 */
const INSTALL_FLAGS = ['--no-audit', '--no-fund', '--ignore-scripts'];

/**
 * Builds a generated service the way its README says: installs its dependencies without their
 * install scripts (`INSTALL_FLAGS`; `npm ci` when it has a lockfile, `NPM_LOCKFILE_NAMES`, else
 * `npm install`) and runs `npm run build`, which writes `dist/`. Any `dist/` already there is
 * removed first (a link itself, not its target), so only what this build wrote is packaged: an
 * earlier step of the job or a cache restore may have left files there. Returns the `dist/` folder. Throws naming the step and with the end of its output when one fails.
 */
export async function buildService(params: {
  dir: string;
  run: CommandRunner;
  log: (line: string) => void;
}): Promise<string> {
  const install = NPM_LOCKFILE_NAMES.some((name) => existsSync(join(params.dir, name)))
    ? ['ci', ...INSTALL_FLAGS]
    : ['install', ...INSTALL_FLAGS, '--no-package-lock'];
  const dist = join(params.dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  for (const args of [install, ['run', 'build']]) {
    params.log(`Building the code: npm ${args.join(' ')} in ${params.dir}`);
    const result = await params.run('npm', args, { cwd: params.dir });
    if (result.code !== 0)
      throw new Error(
        `npm ${args.join(' ')} failed (exit ${result.code}) in ${params.dir}:\n${result.output.slice(-4000)}`,
      );
  }
  if (!existsSync(dist)) throw new Error(`npm run build wrote no dist/ in ${params.dir}`);
  return dist;
}
