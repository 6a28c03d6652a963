import { z } from 'zod';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createAwsClient } from '../../aws/create-aws-client.js';
import { lockStoreForConfig } from '../../aws/dynamodb/lock-store-for-config.js';
import { CONFIG_PATH } from '../../core/config/agent-config.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import { CONTROL_DISPATCH_TYPE, controlRequestSchema } from '../../core/deploy/control-request.js';
import { controlKeysFrom } from '../../core/deploy/control-request-signature.js';
import { judgeControlRequest } from '../../core/deploy/judge-control-request.js';
import { deployRunAuthority } from '../../core/deploy/deploy-run-authority.js';
import { DEPLOY_RUN_IDENTITY } from '../../core/deploy/is-agent-deployment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { readAgentConfig } from '../../github/read-agent-config.js';
import { readLargeRepositoryFile } from '../../github/read-large-repository-file.js';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../core/gates/check-template.js';
import type { TaskClient } from '../../github/task-client.js';
import { answerOnCrash } from '../../pipeline/task/answer-on-crash.js';
import { runControlRequest, type ControlOutcome } from '../../pipeline/deploy-run/run-control-request.js';
import { postComment } from '../../github/post-comment.js';

const controlEventSchema = z.object({
  action: z.literal(CONTROL_DISPATCH_TYPE),
  client_payload: controlRequestSchema,
  repository: z.object({
    id: z.number().int().positive(),
    name: z.string(),
    owner: z.object({ login: z.string() }),
    default_branch: z.string(),
  }),
});

/**
 * A `/cancel <env>` or `/unlock <env>` handed over by the command handler, carried out with AWS
 * access, and always answered on the issue it was written on (a bad config or a crash included).
 * With a marker key, only a request the agent signed for this repository within the last
 * `CONTROL_REQUEST_MAX_AGE_MS` is carried out: a forged one is refused without a word on the
 * issue it names (its sender chose that issue), a stale one is answered there.
 */
export async function mainControl(params: {
  client: TaskClient;
  event: { name: string; payload: unknown };
  /** The App's logins (`agent-login`): with the run's identity, whose deployments `/cancel` may stop. */
  agentLogins: readonly string[];
  trust?: StatusTrust | undefined;
  /** Milliseconds since the epoch; the clock a signed request's age is judged by. */
  now?: () => number;
  log?: (line: string) => void;
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
  const judgement = judgeControlRequest({
    request,
    repository: `${owner}/${repo}`,
    keys: controlKeysFrom(params.trust?.keys),
    now: (params.now ?? Date.now)(),
  });
  if (judgement.trust === 'refused') {
    return {
      status: 'failed',
      message: `Refused the control request: ${judgement.reason}; nothing was done.`,
    };
  }
  if (judgement.trust === 'stale') {
    await postComment({
      client: params.client,
      owner,
      repo,
      issueNumber: request.issue_number,
      body: `\`/${request.command} ${request.environment}\` was not carried out: ${judgement.reason}. Give the command again.`,
    });
    return { status: 'failed', message: `Refused the control request: ${judgement.reason}.` };
  }
  if (judgement.trust === 'unsigned')
    params.log?.(`The control request is carried out unverified: ${judgement.reason}; set marker-secret.`);
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
        repositoryId: repository.id,
      });
      return runControlRequest({
        authority,
        client: params.client,
        repository: repositoryRef,
        request,
        cloudFormationFor: (region) => createAwsClient(CloudFormationClient, { region }),
        // To tell the running deployment's NoEcho parameters, whose values its answer withholds.
        readTemplate: (payload) =>
          readLargeRepositoryFile({
            client: params.client,
            owner,
            repo,
            path: payload.template_path,
            ref: payload.checked_sha,
            maxBytes: TEMPLATE_URL_LIMIT_BYTES,
          }),
        ...(lockStore === undefined ? {} : { lockStore }),
        now: () => Date.now(),
      });
    },
  );
}
