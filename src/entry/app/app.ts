import type { ApplicationFunction, Context } from 'probot';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { MarkerKeys } from '../../core/state/marker-keys.js';
import { dispatchRequestId } from '../../core/idempotency/dispatch-request-id.js';
import { issueNumberFromBranch } from '../../core/naming/issue-number-from-branch.js';
import type { ModelProvider } from '../../generation/model-provider.js';
import { providerForConfig } from '../../generation/provider-for-config.js';
import { statusTrust } from '../../github/status-trust.js';
import type { DeliveryLog } from '../../pipeline/events/delivery-log.js';
import { createMirrorCache, type MirrorCache } from '../../pipeline/mirror/mirror-cache.js';
import { handleTaskEvent } from '../../pipeline/events/handle-task-event.js';
import { createTaskMutex } from '../../pipeline/events/task-mutex.js';
import { createCancelSignals } from '../../pipeline/control/cancel-signals.js';
import { parseCommand } from '../../core/commands/parse-command.js';
import { redactJsonStrings } from '../../core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import { redactingLog } from '../../core/secrets/redacting-log.js';
import { NOT_SCANNED_MARKER } from '../../core/secrets/secret-markers.js';
import { appBotLogin } from './app-bot-login.js';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.js';
import { createMemoryDeliveryLog } from './memory-delivery-log.js';

const TASK_EVENTS = [
  'issues.opened',
  'issues.labeled',
  // A rewritten issue body is recorded on its task: a later run of it is its editor's text too.
  'issues.edited',
  'issue_comment.created',
  'repository_dispatch',
  // Guided mode: reviews approve, merges and closes end the task, reopening brings it back.
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.closed',
  'pull_request.reopened',
  // Only a new base moves a task (an automated one falls back to guided); other edits are ignored.
  'pull_request.edited',
  'pull_request_review.submitted',
  'pull_request_review.dismissed',
  'pull_request_review_comment.created',
  // Automated mode's merge-when-green, where the repository does not allow auto-merge.
  'check_suite.completed',
  'status',
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
  /** Deliveries already taken in; in memory by default (`createMemoryDeliveryLog`). */
  readonly deliveries?: DeliveryLog;
  /** The mirrors each repository's config names; by default the AWS ones (`createMirrorCache`), none when not configured. */
  readonly mirrors?: MirrorCache;
  /** Waits before a status write is read back the second time; a `SETTLE_MS` timer by default (`connectedStatusBoard`). */
  readonly settle?: () => Promise<void>;
}

/**
 * The Probot app: each event is queued under its issue (a dispatch under its request id) and the
 * webhook answered at once; the shared pipeline does the work. A delivery taken in before (a
 * redelivery keeps its `X-GitHub-Delivery` id) is answered and dropped; one whose handling failed
 * is forgotten, so redelivering it tries again. Without `markerKeys` its markers are unsigned and
 * trusted on the app's identity alone (no other account can write as `<app-slug>[bot]`);
 * `startServer` always passes keys derived from the webhook secret.
 */
export function implementationAgentApp(options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const queue =
      options.queue ??
      createKeyedQueue((error, key) => {
        // The error's text (an SDK's message can echo a request's values) goes out redacted.
        void redactedErrorText(error).then((text) => app.log.error({ key, error: text }, 'task failed'));
      });
    const providerFor = options.providerFor ?? providerForConfig;
    const { login } = options;
    const trust = statusTrust({
      identity: login ? async () => login : async () => appBotLogin((await app.auth()).rest),
      keys: options.markerKeys,
    });
    const deliveries = options.deliveries ?? createMemoryDeliveryLog();
    const tasks = createTaskMutex();
    const cancelSignals = createCancelSignals();
    const mirrors = options.mirrors ?? createMirrorCache();
    app.on([...TASK_EVENTS], async (context: Context<(typeof TASK_EVENTS)[number]>) => {
      if (!(await deliveries.claim(context.id))) {
        context.log.info(`implementation-agent: delivery ${context.id} was already taken in; skipped`);
        return;
      }
      queue.push(queueKey(context), async () => {
        // Every line this event's work logs goes out redacted, once, at this sink.
        const redacting = redactingLog((line) => context.log.info(line));
        try {
          const outcome = await handleTaskEvent(
            {
              client: context.octokit.rest,
              graphql: (query, variables) => context.octokit.graphql(query, variables),
              providerFor,
              trust,
              log: redacting.log,
              tasks,
              mirrors,
              cancelSignals,
              ...(options.settle === undefined ? {} : { settle: options.settle }),
            },
            { name: context.name, payload: context.payload },
          );
          const shown = await redactJsonStrings(outcome).catch(() => NOT_SCANNED_MARKER);
          await redacting.flush();
          context.log.info({ outcome: shown }, `implementation-agent: ${outcome.status}`);
        } catch (error) {
          await redacting.flush();
          await deliveries.release(context.id);
          throw error;
        }
      });
    });
  };
}

/**
 * One issue's events in order, its pull request's with them (the PR's branch names the issue); the
 * same dispatched request (retried, redelivered) in order too.
 */
function queueKey(context: Context<(typeof TASK_EVENTS)[number]>): string {
  const { payload } = context;
  const repository = payload.repository?.full_name ?? 'unknown';
  // CI on a commit: merge-when-green takes each task's own lock for the pull requests it heads.
  if ('check_suite' in payload) return `${repository}:checks:${payload.check_suite.head_sha}`;
  if (context.name === 'status' && 'sha' in payload) return `${repository}:checks:${payload.sha}`;
  if ('pull_request' in payload) {
    const issue = issueNumberFromBranch(payload.pull_request.head.ref);
    return issue === undefined
      ? `${repository}:pull:${payload.pull_request.number}`
      : `${repository}#${issue}`;
  }
  // `/cancel` must not wait behind the run it stops: it has its own lane (DESIGN §14, one process).
  if ('comment' in payload && 'issue' in payload && cancelsTask(payload.comment.body)) {
    return `${repository}#${payload.issue.number}:cancel`;
  }
  return 'issue' in payload
    ? `${repository}#${payload.issue.number}`
    : `${repository}:dispatch:${dispatchRequestId({ name: context.name, payload })}`;
}

/** `/cancel` without an environment: the one command a task's queue must not hold back. */
function cancelsTask(body: string | null | undefined): boolean {
  const parsed = parseCommand({ body: body ?? '', environments: [] });
  return (
    parsed.kind === 'command' && parsed.command.kind === 'cancel' && parsed.command.environment === undefined
  );
}

/** A failed job's error as text for the log (its stack, which begins with its message), redacted. */
function redactedErrorText(error: unknown): Promise<string> {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return redactSecrets(text).catch(() => NOT_SCANNED_MARKER);
}
