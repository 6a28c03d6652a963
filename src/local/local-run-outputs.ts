import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactJsonStrings } from '../core/secrets/redact-json-strings.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../core/secrets/secret-markers.js';

/** Every file a run may leave in the out folder; each run starts by removing the previous run's. */
const RUN_OUTPUTS = [
  'status.json',
  'pr-body.md',
  'validation-report.json',
  'validation-report.md',
  'request-errors.md',
] as const;

export type RunOutputName = (typeof RUN_OUTPUTS)[number];

/** What `status.json` says happened; `committed`/`unchanged` always name the branch and commit. */
export type LocalRunStatus =
  | { readonly status: 'committed' | 'unchanged'; readonly branch: string; readonly commit: string }
  | { readonly status: 'invalid_request' | 'failed' | 'refused'; readonly message: string };

export interface LocalRunOutputs {
  readonly dir: string;
  /** Removes the previous run's outputs (and only those), so nothing stale sits beside the new status. */
  clear(): Promise<void>;
  write(name: Exclude<RunOutputName, 'status.json'>, text: string): Promise<void>;
  writeStatus(status: LocalRunStatus & Record<string, unknown>): Promise<void>;
}

/**
 * The CLI's out folder (created when absent): the PR body, validation report and status of one
 * run. Every file goes out behind the shared redaction (`redactSecrets`, by the file's name;
 * `status.json`'s strings by `redactJsonStrings`), as the app's sinks do (issue #10): a request's
 * values and error messages reach these files. A text the scanner fails on is written as
 * NOT_SCANNED_MARKER (a status keeps its `status`), never as it was.
 */
export function openLocalRunOutputs(dir: string): LocalRunOutputs {
  const put = async (name: RunOutputName, text: string) => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), text);
  };
  return {
    dir,
    async clear() {
      await Promise.all(RUN_OUTPUTS.map((name) => rm(path.join(dir, name), { force: true })));
    },
    write: async (name, text) => put(name, await redactSecrets(text, name).catch(() => NOT_SCANNED_MARKER)),
    writeStatus: async (status) => {
      const shown = await redactJsonStrings(status).catch(() => ({
        status: status.status,
        message: NOT_SCANNED_MARKER,
      }));
      await put(
        'status.json',
        JSON.stringify({ ...shown, updated_at: new Date().toISOString() }, null, 2) + '\n',
      );
    },
  };
}
