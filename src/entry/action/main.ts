import type { AgentConfig } from '../../core/config/agent-config.js';
import { providerForConfig } from '../../generation/provider-for-config.js';
import type { StatusTrust } from '../../github/status-trust.js';
import type { GraphqlClient } from '../../github/graphql-client.js';
import type { TaskClient } from '../../github/task-client.js';
import { handleTaskEvent } from '../../pipeline/events/handle-task-event.js';
import { createMirrorCache } from '../../pipeline/mirror/mirror-cache.js';
import { settleWithin } from '../../pipeline/task/connected-status-board.js';
import type { TaskOutcome } from '../../pipeline/task/task-outcome.js';
import type { ImplementInputs } from './action-io.js';

/**
 * `mode: implement`: 1. take the triggering event; 2. let the shared pipeline validate, generate,
 * and open or update the PR, moving the task record and writing the mirrors the repository's
 * config names (AWS credentials and endpoint from the environment, as the SDK reads them); 3. hand
 * the outcome back to the runner.
 */
export async function main(params: {
  inputs: ImplementInputs;
  client: TaskClient;
  /** `octokit.graphql`, for automated mode's auto-merge. */
  graphql?: GraphqlClient;
  event: { name: string; payload: unknown };
  log: (line: string) => void;
  /** Who the token writes as and the keys from `marker-secret`. */
  trust: StatusTrust;
  /** `GITHUB_REPOSITORY_ID`: every status read is judged by it; absent, the event's `repository.id`. */
  repositoryId?: number | undefined;
}): Promise<TaskOutcome> {
  const mirrors = createMirrorCache();
  try {
    return await handleTaskEvent(
      {
        client: params.client,
        ...(params.graphql ? { graphql: params.graphql } : {}),
        trust: params.trust,
        providerFor: (config) => providerForConfig(withInputOverrides(config, params.inputs)),
        log: params.log,
        mirrors,
        // Pending runs of one task are cancelled by the concurrency group: each run catches up.
        catchUpFeedback: true,
        // A `/cancel` is written by another workflow run: a run reads its status back before each step.
        readCancelBack: true,
        repositoryId: params.repositoryId,
        settle: settleWithin(params.inputs['poll-interval-ms']),
      },
      params.event,
    );
  } finally {
    mirrors.close();
  }
}

/** Inputs set on the workflow step win over the repository config. */
function withInputOverrides(config: AgentConfig, inputs: ImplementInputs): AgentConfig {
  return {
    ...config,
    provider: inputs.provider ?? config.provider,
    model: {
      ...config.model,
      id: inputs.model ?? config.model.id,
      region: inputs.region ?? config.model.region,
    },
  };
}
