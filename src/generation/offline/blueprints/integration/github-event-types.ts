import type { DeliveryWhere, ProviderEventType } from './provider-event-types.js';
import { forms } from './word-forms.js';

const event = (deliveryType: string, ...words: string[][]): ProviderEventType => ({ deliveryType, words });

/** GitHub's webhook events, as `X-GitHub-Event` names them (https://docs.github.com/en/webhooks/webhook-events-and-payloads). */
const GITHUB_EVENTS = [
  'push',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'issues',
  'issue_comment',
  'release',
  'create',
  'delete',
  'branch_protection_rule',
  'fork',
  'star',
  'watch',
  'workflow_run',
  'workflow_job',
  'workflow_dispatch',
  'check_run',
  'check_suite',
  'deployment',
  'deployment_status',
  'repository',
  'repository_dispatch',
  'member',
  'label',
  'milestone',
  'status',
  'discussion',
  'discussion_comment',
  'merge_group',
  'package',
  'registry_package',
  'code_scanning_alert',
  'secret_scanning_alert',
  'dependabot_alert',
  'installation',
  'ping',
];

/**
 * GitHub's events by their words, with the Events API's spelling too (`PushEvent`, `IssuesEvent`):
 * `push` asks for push; `pull request` for pull_request; `issue` for issues.
 */
const GITHUB: readonly ProviderEventType[] = GITHUB_EVENTS.map((name) => {
  const parts = name.split('_');
  // `when code is pushed`: the one event named by a verb a request conjugates.
  if (name === 'push') return event(name, [...forms('push'), 'pushes', 'pushevent']);
  return event(
    name,
    ...parts.map((part, index) => {
      const singular = part.endsWith('s') && part !== 'status' ? part.slice(0, -1) : part;
      return index === parts.length - 1
        ? [...new Set([part, singular, `${singular}s`, `${singular}event`, `${part}event`])]
        : [...new Set([part, singular, `${singular}s`])];
    }),
  );
});

/**
 * GitHub's events that carry an `action` (the payload's `action` field names what happened), so a
 * request for one thing that happened must filter on it (https://docs.github.com/en/webhooks/webhook-events-and-payloads).
 */
export const GITHUB_ACTION_EVENTS: ReadonlySet<string> = new Set([
  'branch_protection_rule',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'issues',
  'issue_comment',
  'release',
  'workflow_run',
  'workflow_job',
  'check_run',
  'check_suite',
  'discussion',
  'discussion_comment',
  'label',
  'milestone',
  'member',
  'repository',
  'installation',
  'package',
  'registry_package',
  'code_scanning_alert',
  'secret_scanning_alert',
  'dependabot_alert',
  'merge_group',
  'star',
  'watch',
]);

/**
 * A GitHub event narrowed to one action (and payload fields), asked for by the event's words and the
 * action's, and by words the text must negate (`closed without being merged`).
 */
function githubAction(
  name: string,
  eventName: string,
  action: string,
  forms: readonly string[] | readonly (readonly string[])[],
  where?: DeliveryWhere,
  negated?: readonly (readonly string[])[],
): ProviderEventType {
  const words = GITHUB.find((type) => type.deliveryType === eventName)?.words ?? [];
  // One word's forms, or several words each with its forms (`closed as completed`).
  const actionWords = forms.every((form) => typeof form === 'string')
    ? [forms as readonly string[]]
    : (forms as readonly (readonly string[])[]);
  return {
    deliveryType: eventName,
    words: [...words, ...actionWords],
    ...(negated === undefined ? {} : { negated }),
    action: { action, name, ...(where === undefined ? {} : { where }) },
  };
}

/**
 * A GitHub event narrowed by its payload and asked for by words of its own, not the event's name:
 * `a tag is pushed` is `create` with `ref_type` tag (GitHub sends `create` when a branch or tag is
 * created, https://docs.github.com/en/webhooks/webhook-events-and-payloads#create); `a deployment
 * fails` is `deployment_status` created with `deployment_status.state` failure or error.
 */
function githubDelivery(params: {
  readonly name: string;
  readonly event: string;
  readonly action?: string;
  readonly words: readonly (readonly string[])[];
  readonly where: DeliveryWhere;
  readonly limit?: string;
}): ProviderEventType {
  return {
    deliveryType: params.event,
    words: params.words,
    action: {
      name: params.name,
      ...(params.action === undefined ? {} : { action: params.action }),
      where: params.where,
      ...(params.limit === undefined ? {} : { limit: params.limit }),
    },
  };
}

const TAG = ['tag', 'tags'];
const BRANCH = ['branch', 'branches'];
const DEPLOYMENT = ['deployment', 'deployments', 'deploy', 'deploys'];
const CREATED = [...forms('create'), 'new'];
const DELETED = [...forms('delete'), 'removed'];
const CLOSED = forms('close');
const MERGED = forms('merge');

/**
 * The actions a request is likely to name, from GitHub's payload docs: a merged pull request is
 * `pull_request` with action `closed` and `pull_request.merged` true, one closed without merging has
 * it false; an issue closed as not planned has `issue.state_reason` `not_planned`
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads#issues); a failed workflow run is
 * `workflow_run` with action `completed` and `workflow_run.conclusion` `failure`.
 */
const GITHUB_ACTIONS: readonly ProviderEventType[] = [
  githubAction('pull_request.opened', 'pull_request', 'opened', forms('open', 'opened', 'opens', 'new')),
  // https://docs.github.com/en/webhooks/webhook-events-and-payloads#branch_protection_rule
  githubAction('branch_protection_rule.created', 'branch_protection_rule', 'created', CREATED),
  githubAction('branch_protection_rule.edited', 'branch_protection_rule', 'edited', [
    ...forms('edit'),
    ...forms('change'),
    ...forms('update'),
  ]),
  githubAction('branch_protection_rule.deleted', 'branch_protection_rule', 'deleted', DELETED),
  githubAction('pull_request.closed', 'pull_request', 'closed', CLOSED),
  githubAction('pull_request.merged', 'pull_request', 'closed', MERGED, {
    'pull_request.merged': true,
  }),
  githubAction(
    'pull_request.closed_unmerged',
    'pull_request',
    'closed',
    CLOSED,
    { 'pull_request.merged': false },
    [MERGED],
  ),
  githubAction('pull_request.reopened', 'pull_request', 'reopened', forms('reopen')),
  githubAction(
    'issues.opened',
    'issues',
    'opened',
    forms('open', 'opened', 'opens', 'new', 'filed', 'raised'),
  ),
  githubAction('issues.closed', 'issues', 'closed', CLOSED),
  githubAction(
    'issues.closed_not_planned',
    'issues',
    'closed',
    CLOSED,
    { 'issue.state_reason': 'not_planned' },
    [['planned', 'plan']],
  ),
  githubAction(
    'issues.closed_completed',
    'issues',
    'closed',
    [CLOSED, ['completed', 'complete', 'done', 'resolved', 'fixed']],
    { 'issue.state_reason': 'completed' },
  ),
  githubAction('issues.reopened', 'issues', 'reopened', forms('reopen')),
  githubAction('release.published', 'release', 'published', forms('publish', 'published')),
  // A draft is saved as `created` with `release.draft` true; `published` is sent only when it is published.
  githubAction('release.drafted', 'release', 'created', forms('draft'), { 'release.draft': true }),
  githubAction('release.created', 'release', 'created', CREATED),
  githubAction('release.prereleased', 'release', 'prereleased', forms('prerelease')),
  githubAction('release.edited', 'release', 'edited', forms('edit')),
  githubAction('release.deleted', 'release', 'deleted', DELETED),
  githubDelivery({
    name: 'create.tag',
    event: 'create',
    words: [TAG, [...forms('push'), ...CREATED, 'cut']],
    where: { ref_type: 'tag' },
    limit:
      'GitHub sends no `create` delivery when more than three tags are pushed at once (https://docs.github.com/en/webhooks/webhook-events-and-payloads#create)',
  }),
  githubDelivery({
    name: 'create.branch',
    event: 'create',
    words: [BRANCH, CREATED],
    where: { ref_type: 'branch' },
  }),
  githubDelivery({ name: 'delete.tag', event: 'delete', words: [TAG, DELETED], where: { ref_type: 'tag' } }),
  githubDelivery({
    name: 'delete.branch',
    event: 'delete',
    words: [BRANCH, DELETED],
    where: { ref_type: 'branch' },
  }),
  // GitHub's deployment states: error, failure, inactive, in_progress, queued, pending, success.
  githubDelivery({
    name: 'deployment_status.failed',
    event: 'deployment_status',
    action: 'created',
    words: [DEPLOYMENT, [...forms('fail', 'failure', 'failures'), 'error', 'errors', 'errored']],
    where: { 'deployment_status.state': ['failure', 'error'] },
  }),
  githubDelivery({
    name: 'deployment_status.succeeded',
    event: 'deployment_status',
    action: 'created',
    words: [DEPLOYMENT, forms('succeed', 'success', 'successful', 'successfully')],
    where: { 'deployment_status.state': 'success' },
  }),
  githubAction(
    'workflow_run.completed',
    'workflow_run',
    'completed',
    forms('complete', 'finished', 'finishes'),
  ),
  githubAction(
    'workflow_run.succeeded',
    'workflow_run',
    'completed',
    forms('succeed', 'success', 'successful', 'successfully', 'passed', 'passes', 'green'),
    { 'workflow_run.conclusion': 'success' },
  ),
  githubAction('workflow_run.failed', 'workflow_run', 'completed', forms('fail', 'failure', 'failures'), {
    'workflow_run.conclusion': 'failure',
  }),
];

/**
 * The security alerts' actions, so `a secret scanning alert is created` takes only new alerts, not
 * resolved or reopened ones (https://docs.github.com/en/webhooks/webhook-events-and-payloads#secret_scanning_alert,
 * #code_scanning_alert, #dependabot_alert).
 */
const ALERT_ACTIONS: readonly ProviderEventType[] = (
  [
    ['secret_scanning_alert', 'created', CREATED],
    ['secret_scanning_alert', 'reopened', forms('reopen')],
    ['secret_scanning_alert', 'resolved', forms('resolve')],
    ['secret_scanning_alert', 'publicly_leaked', ['leaked', 'leak', 'leaks', 'publicly']],
    ['code_scanning_alert', 'created', CREATED],
    ['code_scanning_alert', 'fixed', forms('fix')],
    ['code_scanning_alert', 'reopened', forms('reopen')],
    ['dependabot_alert', 'created', CREATED],
    ['dependabot_alert', 'dismissed', forms('dismiss')],
    ['dependabot_alert', 'fixed', forms('fix')],
    ['dependabot_alert', 'reopened', forms('reopen')],
  ] as const
).map(([event, action, words]) => githubAction(`${event}.${action}`, event, action, words));

/** GitHub's catalogue: each event whole, and the actions of those that carry one. */
export const GITHUB_EVENT_TYPES: readonly ProviderEventType[] = [
  ...GITHUB,
  ...GITHUB_ACTIONS,
  ...ALERT_ACTIONS,
];
