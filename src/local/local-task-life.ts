import { attemptAfter } from '../core/naming/attempt-trailers.js';
import type { RequestPayload } from '../core/request/execution-request.js';
import { canTransition } from '../core/state/task-state.js';
import { localTaskId } from '../core/task/local-task-id.js';
import type { TaskEventBody } from '../core/task/task-event.js';
import { summarizeOutcome } from '../core/outcome/outcome-summary.js';
import { filesystemStores } from '../filesystem/filesystem-stores.js';
import type { MirrorStores } from '../pipeline/mirror/mirror-stores-for-config.js';
import { storeAttemptArtifacts } from '../pipeline/mirror/store-attempt-artifacts.js';
import { syncArtifactMirror } from '../pipeline/mirror/sync-artifact-mirror.js';
import { openTaskJournal } from '../pipeline/mirror/task-journal.js';
import { continueFromMirror } from './continue-from-mirror.js';
import { AttemptTakenError, repositoryAttempts } from './repository-attempts.js';

/** Attempts tried in turn when other runs of the task claim them at the same time. */
const MAX_CLAIM_TRIES = 8;
import type { PreparedChange } from '../pipeline/implement/prepare-change.js';

type Step = TaskEventBody extends infer E ? (E extends unknown ? Omit<E, 'task_id' | 'at'> : never) : never;

/** Validation ran (with repair) and the attempt's model usage: how every finished attempt begins. */
function validated({ generation }: PreparedChange): Step[] {
  return [
    { type: 'state_changed', to: 'validating' },
    {
      type: 'usage_recorded',
      model: generation.model,
      input_tokens: generation.usage.inputTokens,
      output_tokens: generation.usage.outputTokens,
      cache_read_tokens: generation.usage.cacheReadTokens,
      cache_write_tokens: generation.usage.cacheWriteTokens,
      cost_usd: generation.usage.costUsd,
    },
  ];
}

/**
 * The CLI's task record (DESIGN §3 embedded default): kept in the out folder's stores (`tasks/`,
 * `artifacts/`), and mirrored to the AWS mirrors the repository's config names. The task is
 * `local/<repo folder>#<branch's last segment>@<clone id>` (`localTaskId`: long names shortened
 * with a hash), so a request run again in the same clone continues its record — from the shared
 * mirror's when the out folder was cleared (`continueFromMirror`), and past the attempts the
 * repository at `repoDir` shows (`repositoryAttempts`: the branch's commit trailers, a mark in
 * the git directory) when no mirror holds the task either, so attempts never restart (`started`
 * throws, starting nothing, when the record shows more than `MAX_ATTEMPT` attempts). A
 * local change ends in `committed` with its `branch` and `commit` and no pull request (none exists
 * locally); a run again starts from there. Recording never stops the run: a failure is a warning line.
 */
export function localTaskLife(params: {
  outDir: string;
  repoName: string;
  branch: string;
  /** The clone's id (`ensureCloneId`), so two clones' tasks stay two in a shared mirror. */
  cloneId: string;
  request: RequestPayload;
  mirror?: MirrorStores;
  /** The existing git repository the run commits to; absent when it is still to be created. */
  repoDir?: string;
  warn: (line: string) => void;
  now?: () => Date;
}) {
  const { repo, taskId } = localTaskId({
    repoName: params.repoName,
    branch: params.branch,
    cloneId: params.cloneId,
  });
  const stores = filesystemStores(params.outDir);
  const journal = openTaskJournal({
    taskId,
    log: stores,
    ...(params.mirror === undefined ? {} : { mirror: params.mirror }),
  });
  const now = params.now ?? (() => new Date());
  const record = async (steps: readonly Step[]) => {
    const at = now().toISOString();
    try {
      // A step with the task id and time is an event body; TypeScript cannot see that through the union.
      const result = await journal.record(
        steps.map((step) => ({ ...step, task_id: taskId, at }) as TaskEventBody),
      );
      if (result.warning !== undefined) params.warn(result.warning);
      return result.record;
    } catch (error) {
      params.warn(
        `The task record could not be written: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  };
  const kept =
    params.repoDir === undefined
      ? undefined
      : repositoryAttempts({ repoDir: params.repoDir, branch: params.branch, taskId });
  let attempt = 1;
  return {
    taskId,
    /** The attempt this run makes (known once `started`). */
    get attempt(): number {
      return attempt;
    },
    /** Received (again, after a failure) → attempt started → generating. */
    async started(): Promise<void> {
      // The log's record (migrated first), or the shared mirror's when the out folder's is behind it.
      await journal.current().catch(() => undefined);
      const current = await continueFromMirror({
        taskId,
        log: stores.tasks,
        mirror: params.mirror?.tasks,
        // A tasks table that cannot be read: the mirror's artifacts say which attempts are taken.
        artifacts: params.mirror?.artifacts,
        repo,
        warn: params.warn,
      });
      const exec = params.request.execution_request;
      const received =
        current === undefined || (current.status !== 'received' && canTransition(current.status, 'received'));
      const recorded = current?.attempt ?? 0;
      let shown = (await kept?.highest()) ?? 0;
      if (shown > recorded)
        params.warn(
          `The out folder's record is behind the repository, which shows attempt ${shown} of this task; this run is attempt ${shown + 1}.`,
        );
      // Past MAX_ATTEMPT the run stops (throws) rather than write a number that could repeat. A run
      // of the same task starting the same attempt at once (AttemptTakenError) sends this one past it.
      for (let tries = 1; ; tries += 1) {
        attempt = attemptAfter(Math.max(recorded, shown));
        const outcome = await kept?.started(attempt).then(
          () => 'kept' as const,
          (error: unknown) => error,
        );
        if (outcome instanceof AttemptTakenError && tries < MAX_CLAIM_TRIES) {
          shown = Math.max(attempt, (await kept?.highest()) ?? 0);
          continue;
        }
        if (outcome !== undefined && outcome !== 'kept')
          params.warn(
            `The attempt could not be kept in the git directory: ${outcome instanceof Error ? outcome.message : String(outcome)}`,
          );
        break;
      }
      await record([
        ...(received
          ? [
              {
                type: 'task_received' as const,
                repo,
                task_name: exec.task_name,
                task_type: exec.task_type,
                execution_mode: exec.execution_mode,
              },
            ]
          : []),
        { type: 'attempt_started', attempt },
        { type: 'state_changed', to: 'generating' },
      ]);
    },
    /** The attempt's artifacts; then validating → usage → `committed` with the branch and the commit on it, and its outcome. */
    async committed(done: {
      prepared: Extract<PreparedChange, { ok: true }>;
      commit: string;
      /** Whether the commit is new (`false`: the branch already held this output). */
      changed: boolean;
    }): Promise<void> {
      const { prepared, commit, changed } = done;
      const branch = prepared.names.branch;
      await this.artifacts(prepared);
      // The run's own outcome, so the record's last outcome is never an earlier run's failure.
      const message = changed
        ? `Committed ${commit.slice(0, 7)} on branch ${branch}.`
        : `No change: branch ${branch} already holds this output at ${commit.slice(0, 7)}.`;
      await record([
        ...validated(prepared),
        { type: 'state_changed', to: 'committed', branch, commit },
        {
          type: 'outcome_recorded',
          outcome: summarizeOutcome({ status: 'committed', taskId, branch, commit, changed, message }),
        },
      ]);
    },
    /** Validating → usage → `failed` with its outcome; then the attempt's artifacts. */
    async failed(prepared: Extract<PreparedChange, { ok: false }>): Promise<void> {
      await this.artifacts(prepared);
      await record([
        ...validated(prepared),
        { type: 'state_changed', to: 'failed' },
        {
          type: 'outcome_recorded',
          outcome: summarizeOutcome({ status: 'failed', taskId, message: prepared.summary }),
        },
      ]);
    },
    async artifacts(prepared: PreparedChange): Promise<void> {
      const where = { repo, taskId, attempt };
      try {
        await storeAttemptArtifacts({
          store: stores.artifacts,
          ...where,
          provider: prepared.generation.model,
          request: params.request,
          context: { owner: 'local', repo: params.repoName },
          prepared,
        });
      } catch (error) {
        params.warn(
          `The attempt's artifacts could not be stored: ${error instanceof Error ? error.message : String(error)}`,
        );
        return;
      }
      if (params.mirror?.artifacts === undefined) return;
      const synced = await syncArtifactMirror({
        source: stores.artifacts,
        mirror: params.mirror.artifacts,
        repo,
        taskId,
      });
      if (synced.status === 'behind') params.warn(synced.warning);
    },
    /**
     * The run stopped on an error: the task is failed, with the error as its outcome. Past the
     * commit (writing the out folder failed) the branch holds the change, so the record stays
     * `committed` and keeps the error as its outcome only.
     */
    async crashed(message: string): Promise<void> {
      // The log's record (migrated first), or the shared mirror's when the out folder's is behind it.
      await journal.current().catch(() => undefined);
      const current = await continueFromMirror({ taskId, log: stores.tasks, mirror: params.mirror?.tasks });
      const outcome: Step = {
        type: 'outcome_recorded',
        outcome: summarizeOutcome({ status: 'failed', taskId, message }),
      };
      await record(
        current?.status === 'committed' ? [outcome] : [{ type: 'state_changed', to: 'failed' }, outcome],
      );
    },
  };
}
