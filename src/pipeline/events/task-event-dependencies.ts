import type { AgentConfig } from '../../core/config/agent-config.js';
import type { ModelProvider } from '../../generation/model-provider.js';
import type { GraphqlClient } from '../../github/graphql-client.js';
import type { StatusTrust } from '../../github/status-trust.js';
import type { TaskClient } from '../../github/task-client.js';
import type { CancelSignals } from '../control/cancel-signals.js';
import type { MirrorCache } from '../mirror/mirror-cache.js';
import type { TaskMutex } from './task-mutex.js';

/** What every event handler is given by its runtime (the Probot app, the Action). */
export interface TaskEventDependencies {
  readonly client: TaskClient;
  /** `octokit.graphql`, for automated mode's auto-merge; absent, the PR waits for merge-when-green. */
  readonly graphql?: GraphqlClient;
  /** Chooses the model provider once the repository's config is known. */
  readonly providerFor: (config: AgentConfig) => ModelProvider;
  /** Who the agent writes as and the keys its state markers are signed with. */
  readonly trust: StatusTrust;
  readonly log: (line: string) => void;
  readonly now?: () => Date;
  /** Serializes work on one task within the process (the app); the Action runs one event per process. */
  readonly tasks?: TaskMutex;
  /**
   * Every review event catches up on review feedback, an approval's too (the Action: GitHub cancels
   * pending runs of a concurrency group, so the run that survives must take in what the cancelled
   * ones carried). Off (the app), only events that may carry feedback do: the app drops no event.
   */
  readonly catchUpFeedback?: boolean;
  /** The mirrors each repository's config names (`createMirrorCache`); absent: none, whatever the config says. */
  readonly mirrors?: MirrorCache;
  /** The app's in-process `/cancel` signals (`createCancelSignals`), seen by a run at its next step. */
  readonly cancelSignals?: CancelSignals;
  /**
   * Whether a run reads its task's status back before each step to see a `/cancel` another
   * process wrote (the Action: a later workflow run); costs one API call per step.
   */
  readonly readCancelBack?: boolean;
  /**
   * Waits before a status board reads its write back the second time (`connectedStatusBoard`);
   * absent, a timer of `SETTLE_MS`. Tests pass one that resolves at once.
   */
  readonly settle?: () => Promise<void>;
  /**
   * GitHub's id of the event's repository (`repository.id` of the payload, or what the runtime
   * knows: `GITHUB_REPOSITORY_ID` in a workflow; bound by `handleTaskEvent`). Every status read is
   * judged by it (`readTaskStatus`), so a marker of a repository deleted and created again under
   * the same name is never this task's; boards write it into the marker, so a rename or transfer
   * keeps the task.
   */
  readonly repositoryId: number;
}

/** What a runtime gives `handleTaskEvent`: the repository id when it knows it, else read from the event. */
export type TaskEventRuntime = Omit<TaskEventDependencies, 'repositoryId'> & {
  readonly repositoryId?: number | undefined;
};
