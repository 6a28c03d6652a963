import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ATTEMPT_TRAILER,
  TASK_TRAILER,
  assertWritableAttempt,
  parseAttempt,
} from '../core/naming/attempt-trailers.js';
import { runGit } from './run-git.js';

/** Where in the clone's git directory a task's highest attempt is kept (never committed, never pushed). */
const ATTEMPTS_FOLDER = path.join('implementation-agent', 'attempts');

/** `started` found its attempt claimed already: another run of the task started it at the same time. */
export class AttemptTakenError extends Error {
  constructor(readonly attempt: number) {
    super(`Attempt ${attempt} of this task was started by another run at the same time.`);
    this.name = 'AttemptTakenError';
  }
}

/** The task's attempts as the git repository keeps them, beside the out folder that may be cleared. */
export interface RepositoryAttempts {
  /** The highest attempt the repository shows for the task; 0 when none (or unreadable). */
  highest(): Promise<number>;
  /**
   * Keeps `attempt` as started, so a later run goes past it even when it leaves no commit. The
   * attempt is claimed first with a file created exclusively (`<mark>.<attempt>`, O_EXCL): of two
   * runs starting the same attempt at once, the second gets an `AttemptTakenError`. Throws a
   * `RangeError` for an attempt that would not read back (`assertWritableAttempt`).
   */
  started(attempt: number): Promise<void>;
}

/**
 * A CLI task's attempts in the clone at `repoDir`, which survive the out folder being cleared
 * (`git clean -xdf`): the `Implementation-Attempt` trailers of the commits on `branch` whose
 * `Implementation-Task` trailer is `taskId` (`withAttemptTrailers`), and, for attempts that
 * committed nothing (validation failed), a file per task in the git directory
 * (`<git common dir>/implementation-agent/attempts/<sha256 of the task id>`, as the clone id is
 * kept, beside a claim file `<that>.<attempt>` per attempt started). Reads never throw (a repository that cannot be read shows 0); `started` throws what the
 * file system throws.
 */
export function repositoryAttempts(params: {
  repoDir: string;
  branch: string;
  taskId: string;
}): RepositoryAttempts {
  const markFile = async () => {
    const common = await runGit({ cwd: params.repoDir, args: ['rev-parse', '--git-common-dir'] });
    const name = createHash('sha256').update(params.taskId).digest('hex').slice(0, 32);
    return path.resolve(params.repoDir, common, ATTEMPTS_FOLDER, name);
  };
  const marked = async () => {
    const file = await markFile();
    const claimed = (await readdir(path.dirname(file)).catch(() => [] as string[]))
      .filter((entry) => entry.startsWith(`${path.basename(file)}.`))
      .map((entry) => parseAttempt(entry.slice(path.basename(file).length + 1)));
    return Math.max(parseAttempt(await readFile(file, 'utf8').catch(() => '')), ...claimed);
  };
  const committed = async () => {
    const ref = `refs/heads/${params.branch}`;
    const exists = await runGit({ cwd: params.repoDir, args: ['rev-parse', '--verify', '--quiet', ref] })
      .then(() => true)
      .catch(() => false);
    if (!exists) return 0;
    const format = `%(trailers:key=${TASK_TRAILER},valueonly,separator=%x20)%x00%(trailers:key=${ATTEMPT_TRAILER},valueonly,separator=%x20)%x1e`;
    const log = await runGit({
      cwd: params.repoDir,
      args: ['log', '-F', `--grep=${TASK_TRAILER}: ${params.taskId}`, `--format=${format}`, ref, '--'],
    });
    return Math.max(
      0,
      ...log.split('\x1e').map((entry) => {
        const [task = '', attempt = ''] = entry.split('\0');
        return task.trim() === params.taskId ? parseAttempt(attempt) : 0;
      }),
    );
  };
  return {
    async highest() {
      const [fromCommits, fromMark] = await Promise.all([
        committed().catch(() => 0),
        marked().catch(() => 0),
      ]);
      return Math.max(fromCommits, fromMark);
    },
    async started(attempt) {
      assertWritableAttempt(attempt);
      const file = await markFile();
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.${attempt}`, '', { flag: 'wx' }).catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? new AttemptTakenError(attempt) : error;
      });
      if ((await marked().catch(() => 0)) > attempt) return;
      await writeFile(file, `${attempt}\n`);
    },
  };
}
