import { z } from 'zod';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createAwsClient } from '../../aws/create-aws-client.js';
import { lockStoreForConfig } from '../../aws/dynamodb/lock-store-for-config.js';
import { CONFIG_PATH } from '../../core/config/agent-config.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { CONTROL_DISPATCH_TYPE, controlRequestSchema } from '../../core/deploy/control-request.js';
import { deployRunAuthority } from '../../core/deploy/deploy-run-authority.js';
import { DEPLOY_RUN_IDENTITY } from '../../core/deploy/is-agent-deployment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import type { TaskClient } from '../../github/task-client.js';
import { answerOnCrash } from '../../pipeline/task/answer-on-crash.js';
import { runControlRequest, type ControlOutcome } from '../../pipeline/deploy-run/run-control-request.js';
import { postComment } from '../../github/post-comment.js';

const controlEventSchema = z.object({
  action: z.literal(CONTROL_DISPATCH_TYPE),
  client_payload: controlRequestSchema,
  repository: z.object({
    name: z.string(),
    owner: z.object({ login: z.string() }),
    default_branch: z.string(),
  }),
});

/**
 * A `/cancel <env>` or `/unlock <env>` handed over by the command handler, carried out with AWS
 * access, and always answered on the issue it was written on (a bad config or a crash included).
 */
export async function mainControl(params: {
  client: TaskClient;
  event: { name: string; payload: unknown };
  /** The App's logins (`agent-login`): with the run's identity, whose deployments `/cancel` may stop. */
  agentLogins: readonly string[];
  trust?: StatusTrust | undefined;
}): Promise<ControlOutcome | { status: 'invalid_config' | 'failed'; message: string }> {
  const parsed = controlEventSchema.safeParse(params.event.payload);
  if (!parsed.success) {
    return {
      status: 'failed',
      message: `Not an ${CONTROL_DISPATCH_TYPE} dispatch: ${z.prettifyError(parsed.error)}`,
    };
  }
  const { repository, client_payload: request } = parsed.data;
  const repositoryRef = {
    owner: repository.owner.login,
    repo: repository.name,
    defaultBranch: repository.default_branch,
  };
  const { owner, repo } = repositoryRef;
  // Whatever happens, the person who wrote the command hears back on the issue they wrote it on.
  return answerOnCrash(
    {
      client: params.client,
      owner,
      repo,
      issueNumber: request.issue_number,
      request: `\`/${request.command} ${request.environment}\``,
      author: request.requested_by,
    },
    async () => {
      const configResult = await readAgentConfig({ client: params.client, owner, repo });
      if (!configResult.ok) {
        const message = formatConfigProblems(configResult.problems);
        await postComment({
          client: params.client,
          owner,
          repo,
          issueNumber: request.issue_number,
          body: [
            `\`/${request.command} ${request.environment}\` was not carried out: \`${CONFIG_PATH}\` on the default branch cannot be used.`,
            '',
            ...configResult.problems.map((problem) => `- ${problem}`),
          ].join('\n'),
        });
        return { status: 'invalid_config' as const, message };
      }
      const lockStore = lockStoreForConfig(configResult.config);
      const { trust } = params;
      const authority = deployRunAuthority({
        identity: trust === undefined ? DEPLOY_RUN_IDENTITY : await trust.identity(),
        agentLogins: params.agentLogins,
        markerKeys: trust?.keys,
      });
      return runControlRequest({
        authority,
        client: params.client,
        repository: repositoryRef,
        request,
        cloudFormationFor: (region) => createAwsClient(CloudFormationClient, { region }),
        ...(lockStore === undefined ? {} : { lockStore }),
        now: () => Date.now(),
      });
    },
  );
}
