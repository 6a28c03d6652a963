import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG, type AgentConfig } from '../core/config/agent-config.js';
import { changeNamesFor } from '../core/naming/change-names.js';
import type { ModelProvider } from '../generation/model-provider.js';
import type { MirrorStores } from '../pipeline/mirror/mirror-stores-for-config.js';
import { prepareChange } from '../pipeline/implement/prepare-change.js';
import { checkLocalRepository } from './check-local-repository.js';
import { checkOutFolder } from './check-out-folder.js';
import { BranchCheckedOutError, commitToLocalBranch } from './commit-to-local-branch.js';
import { createLocalRepository } from './create-local-repository.js';
import { findBranchCheckout } from './find-branch-checkout.js';
import { ensureCloneId, newCloneId } from './ensure-clone-id.js';
import { localBaseReader } from './local-base-reader.js';
import { localTaskLife } from './local-task-life.js';
import { withAttemptTrailers } from '../core/naming/attempt-trailers.js';
import { openLocalRunOutputs } from './local-run-outputs.js';
import { readRequestFile } from './read-request-file.js';

export type LocalTaskResult =
  | {
      /** `unchanged`: the branch already held exactly this output, so no commit was made. */
      readonly status: 'committed' | 'unchanged';
      readonly branch: string;
      readonly commit: string;
      readonly repoDir: string;
      readonly outDir: string;
    }
  /** The request's problems, or validation that still failed after repair (exit code 1). */
  | { readonly status: 'invalid_request' | 'failed'; readonly outDir: string; readonly message: string }
  /**
   * Nothing ran: the invocation cannot work as given (exit code 2). An out folder an earlier run
   * left has its outputs removed and `status.json` saying `refused` with the message, so nothing
   * stale describes this run; none is created.
   */
  | { readonly status: 'refused'; readonly message: string };

const STEPS = 5;

/**
 * The whole pipeline on a laptop: checks → request file → validation → generation with repair →
 * gates → a commit on `implementation/local-<slug>` in `repoDir`, with the PR body, validation
 * report and status in `outDir`. Everything that can refuse the invocation (out folder, repository,
 * request file, a checked-out branch) is checked before anything is generated.
 */
export async function runLocalTask(params: {
  requestFile: string;
  repoDir: string;
  outDir: string;
  /** Create the repository when `repoDir` is not one (the CLI's `--init`). */
  init: boolean;
  provider: ModelProvider;
  config?: AgentConfig;
  /** The AWS mirrors the config names (`mirrorStoresForConfig`); the out folder's stores are always written. */
  mirror?: MirrorStores;
  /** One line per step, e.g. `[3/5] Generating with offline (attempt 1)`. */
  progress: (line: string) => void;
}): Promise<LocalTaskResult> {
  const config = params.config ?? DEFAULT_CONFIG;
  const step = (n: number, line: string) => params.progress(`[${n}/${STEPS}] ${line}`);
  // An out folder that cannot be used gets nothing written, not even a refused status.
  const outProblem = await checkOutFolder({ outDir: params.outDir, repoDir: params.repoDir });
  if (outProblem !== undefined) return { status: 'refused', message: outProblem };
  // A refusal creates no out folder, but one an earlier run left must not describe this run.
  const refused = async (message: string) => {
    if (await isFolder(params.outDir)) {
      const outputs = openLocalRunOutputs(params.outDir);
      await outputs.clear();
      await outputs.writeStatus({ status: 'refused', message });
    }
    return { status: 'refused', message } as const;
  };
  const check = await checkLocalRepository({ repoDir: params.repoDir, init: params.init });
  if (!check.ok) return await refused(check.message);

  step(1, `Reading ${params.requestFile}`);
  const read = await readRequestFile(params.requestFile);
  if (read.kind === 'unreadable') return await refused(read.message);
  const outputs = openLocalRunOutputs(params.outDir);
  if (read.kind === 'invalid') {
    await outputs.clear();
    await outputs.write('request-errors.md', read.message);
    await outputs.writeStatus({
      status: 'invalid_request',
      message: 'The request is not valid; see request-errors.md.',
    });
    return { status: 'invalid_request', outDir: outputs.dir, message: read.message };
  }
  const { request } = read;
  const exec = request.execution_request;
  step(
    2,
    `Request valid: ${exec.task_type} "${exec.task_name}" (${exec.execution_mode}, ${exec.target_environment})`,
  );

  const { branch } = await changeNamesFor({ request });
  const { repository } = check;
  if (repository.kind === 'existing') {
    const checkout = await findBranchCheckout({ repoDir: repository.dir, branch });
    if (checkout !== undefined) return await refused(new BranchCheckedOutError(branch, checkout).message);
  }

  await outputs.clear();
  const repoName = path.basename(path.resolve(params.repoDir));
  // A repository still to create gets its clone id once created (below).
  const cloneId =
    repository.kind === 'existing' ? await ensureCloneId({ repoDir: repository.dir }) : newCloneId();
  const life = localTaskLife({
    outDir: outputs.dir,
    repoName,
    branch,
    cloneId,
    request,
    ...(params.mirror === undefined ? {} : { mirror: params.mirror }),
    ...(repository.kind === 'existing' ? { repoDir: repository.dir } : {}),
    warn: (line) => params.progress(`      ⚠ ${line}`),
  });
  try {
    const started = Date.now();
    await life.started();
    const prepared = await prepareChange({
      provider: params.provider,
      request,
      config,
      context: { owner: 'local', repo: repoName },
      channel: 'local',
      // The branch is reviewed against the checkout it is made from; a repository still to create has none.
      ...(repository.kind === 'existing'
        ? { readBase: localBaseReader({ repoDir: repository.dir, ref: 'HEAD' }) }
        : {}),
      onAttempt: (attempt) => step(3, `Generating with ${params.provider.name} (attempt ${attempt})`),
    });
    if (!prepared.ok) {
      await life.failed(prepared);
      const message = `${prepared.summary} The last problems found:\n${prepared.findings}`;
      await outputs.write('validation-report.md', message + '\n');
      await outputs.writeStatus({
        status: 'failed',
        message: prepared.summary,
        attempts: prepared.generation.attempts,
        usage: prepared.generation.usage,
      });
      return { status: 'failed', outDir: outputs.dir, message };
    }
    const { generation, names } = prepared;
    const gates = generation.report.results.map((result) => result.gate).join(', ');
    step(
      4,
      `Validation gates passed (${gates}) for ${generation.bundle.files.length} files in ${seconds(started)}`,
    );

    if (repository.kind === 'to-create') {
      await createLocalRepository(repository.dir);
      await ensureCloneId({ repoDir: repository.dir, proposed: cloneId });
      params.progress(`      Created git repository ${repository.dir} (--init)`);
    }
    const { commit, changed, retired, keptEdited } = await commitToLocalBranch({
      repoDir: repository.dir,
      branch: names.branch,
      files: generation.bundle.files,
      // The branch says which attempt of which task made it, for a run whose out folder was cleared.
      message: withAttemptTrailers(names.commitMessage, life.taskId, life.attempt),
      // Files the task generated before and no longer does leave its service folder.
      taskId: life.taskId,
    });
    step(
      5,
      changed
        ? `Committed ${commit.slice(0, 7)} on branch ${names.branch} in ${repository.dir}`
        : `No change: branch ${names.branch} in ${repository.dir} already holds this output at ${commit.slice(0, 7)}`,
    );
    if (retired.length > 0)
      params.progress(
        `      Removed ${retired.length} file(s) the previous generation wrote and this one does not`,
      );
    // A person's change is theirs: kept, and named so they can delete it themselves.
    if (keptEdited.length > 0)
      params.progress(
        `      ⚠ Kept ${keptEdited.length} file(s) the previous generation wrote and this one does not, changed on the branch since: ${keptEdited.join(', ')}`,
      );

    // The record reaches committed once the branch holds the change (the same commit when unchanged).
    await life.committed({ prepared, commit, changed });
    const status = changed ? 'committed' : 'unchanged';
    await outputs.write('pr-body.md', prepared.body);
    await outputs.write('validation-report.json', JSON.stringify(generation.report, null, 2) + '\n');
    await outputs.writeStatus({
      status,
      branch: names.branch,
      commit,
      repository: path.resolve(repository.dir),
      model: generation.model,
      attempts: generation.attempts,
      usage: generation.usage,
      files: generation.bundle.files.map((file) => file.path),
    });
    return { status, branch: names.branch, commit, repoDir: repository.dir, outDir: outputs.dir };
  } catch (error) {
    // The status must never describe an earlier run: record that this one stopped, then report it.
    const message = error instanceof Error ? error.message : String(error);
    await life.crashed(`The run stopped on an error: ${message}`);
    await outputs
      .writeStatus({ status: 'failed', message: `The run stopped on an error: ${message}` })
      .catch(() => {});
    throw error;
  }
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
