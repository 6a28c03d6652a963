import { DEFAULT_REGION, type AgentConfig } from '../../core/config/agent-config.js';
import { findEnvironment } from '../../core/config/find-environment.js';
import type { ControlRequest } from '../../core/deploy/control-request.js';
import { controlKeysFrom, signControlRequest } from '../../core/deploy/control-request-signature.js';
import { sendControlRequest } from '../../github/send-control-request.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { ChatCommandEvent } from '../events/handle-chat-command.js';

const WHAT: Readonly<Record<'cancel' | 'unlock', string>> = {
  cancel: 'stop the deploy running there (CloudFormation rolls the update back)',
  unlock: 'release its deploy lock',
};

/**
 * `/cancel <env>` and `/unlock <env>`: handed to the deploy workflow, which has the AWS credentials.
 * With a marker key the request is signed for this repository with its issue time, so the workflow
 * can tell it from a dispatch any other token sent (`judgeControlRequest`).
 */
export async function sendToDeployWorkflow(params: {
  deps: TaskEventDependencies;
  event: ChatCommandEvent;
  config: AgentConfig;
  command: 'cancel' | 'unlock';
  environment: string;
  answer: (body: string) => Promise<TaskOutcome>;
}): Promise<TaskOutcome> {
  const { deps, event, command, environment } = params;
  const { owner, repo } = event.repository;
  const request: ControlRequest = {
    version: 1,
    command,
    environment,
    issue_number: event.issueNumber,
    requested_by: event.author,
    region: findEnvironment(params.config.environments, environment)?.config.region ?? DEFAULT_REGION,
    issued_at: (deps.now?.() ?? new Date()).toISOString(),
  };
  const keys = controlKeysFrom(deps.trust.keys);
  await sendControlRequest({
    client: deps.client,
    owner,
    repo,
    request:
      keys === undefined
        ? request
        : signControlRequest({ request, repository: `${owner}/${repo}`, key: keys.current }),
  });
  return params.answer(
    `⏹️ Asked the deploy workflow to ${WHAT[command]} for **${environment}**; it answers here when done.`,
  );
}
