import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandRunner } from './command-runner.js';

/**
 * Builds a generated service the way its README says: installs its dependencies (`npm ci` when it
 * has a lockfile, else `npm install`) and runs `npm run build`, which writes `dist/`. Returns the
 * `dist/` folder. Throws naming the step and with the end of its output when one fails.
 */
export async function buildService(params: {
  dir: string;
  run: CommandRunner;
  log: (line: string) => void;
}): Promise<string> {
  const install = existsSync(join(params.dir, 'package-lock.json'))
    ? ['ci', '--no-audit', '--no-fund']
    : ['install', '--no-audit', '--no-fund', '--no-package-lock'];
  for (const args of [install, ['run', 'build']]) {
    params.log(`Building the code: npm ${args.join(' ')} in ${params.dir}`);
    const result = await params.run('npm', args, { cwd: params.dir });
    if (result.code !== 0)
      throw new Error(
        `npm ${args.join(' ')} failed (exit ${result.code}) in ${params.dir}:\n${result.output.slice(-4000)}`,
      );
  }
  const dist = join(params.dir, 'dist');
  if (!existsSync(dist)) throw new Error(`npm run build wrote no dist/ in ${params.dir}`);
  return dist;
}
