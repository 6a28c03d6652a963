import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Gives a test run one temporary folder of its own and removes it when the run's process exits.
 * `TMPDIR` points into it, so every `mkdtemp(tmpdir())` of a test, of the CLI and of the Action
 * bundle the tests spawn (they inherit the environment) lands there: without it each `npm test`
 * left thousands of folders in the machine's temporary folder. Called from the jest
 * configuration, which jest evaluates once in its main process before any test starts.
 *
 * @returns {string} the folder, under the temporary folder the process started with
 */
export function useOwnTemporaryFolder() {
  const folder = mkdtempSync(path.join(tmpdir(), 'implementation-agent-tests-'));
  process.env.TMPDIR = folder;
  process.once('exit', () => rmSync(folder, { recursive: true, force: true, maxRetries: 3 }));
  return folder;
}
