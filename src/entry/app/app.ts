import type { ApplicationFunction, Context } from 'probot';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { MarkerKeys } from '../../core/state/marker-keys.js';
import type { ModelProvider } from '../../generation/model-provider.js';
import { providerForConfig } from '../../generation/provider-for-config.js';
import { statusTrust } from '../../github/status-trust.js';
import { handleTaskEvent } from '../../pipeline/handle-task-event.js';
import { appBotLogin } from './app-bot-login.js';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.js';

const TASK_EVENTS = [
  'issues.opened',
  'issues.labeled',
  'issue_comment.created',
  'repository_dispatch',
] as const;

export interface AppOptions {
  readonly queue?: KeyedQueue;
  readonly providerFor?: (config: AgentConfig) => ModelProvider;
  /**
   * The app's bot login (`<app-slug>[bot]`), when start-up already asked GitHub; otherwise it is
   * asked once (`GET /app`) on the first event that reads a task's status.
   */
  readonly login?: string;
  /** The keys state markers are signed with, derived from the webhook secret (`markerKeysFrom`). */
  readonly markerKeys?: MarkerKeys;
}

/**
 * The Probot app: each event is queued under its issue and the webhook answered at once; the
 * shared pipeline does the work. Without `markerKeys` its markers are unsigned and trusted on the
 * app's identity alone (no other account can write as `<app-slug>[bot]`); `startServer` always
 * passes keys derived from the webhook secret.
 */
export function implementationAgentApp(options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const queue =
      options.queue ?? createKeyedQueue((error, key) => app.log.error({ err: error, key }, 'task failed'));
    const providerFor = options.providerFor ?? providerForConfig;
    const { login } = options;
    const trust = statusTrust({
      identity: login ? async () => login : async () => appBotLogin((await app.auth()).rest),
      keys: options.markerKeys,
    });
    app.on([...TASK_EVENTS], (context: Context<(typeof TASK_EVENTS)[number]>) => {
      queue.push(queueKey(context), async () => {
        const outcome = await handleTaskEvent(
          { client: context.octokit.rest, providerFor, trust, log: (line) => context.log.info(line) },
          { name: context.name, payload: context.payload },
        );
        context.log.info({ outcome }, `implementation-agent: ${outcome.status}`);
      });
    });
  };
}

function queueKey(context: Context<(typeof TASK_EVENTS)[number]>): string {
  const { payload } = context;
  const repository = payload.repository?.full_name ?? 'unknown';
  return 'issue' in payload
    ? `${repository}#${payload.issue.number}`
    : `${repository}:dispatch:${context.id}`;
}
