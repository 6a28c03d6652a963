import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// The webhooks-examples repository, its pull request #2 on a task branch, CI finishing on its head.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const MERGE_SHA = 'f'.repeat(40);
const GREEN = { name: 'build', status: 'completed', conclusion: 'success' };
/** The agent's own validation check on the head it pushed (created by its App). */
const VALIDATED = { name: 'implementation-agent', status: 'completed', conclusion: 'success' };

type Api = ReturnType<typeof githubApi>;

/**
 * An automated, low-risk task from before the marker recorded a target or the request's digest:
 * the merge it makes is answered with why nothing was deployed (no `deploy_order` either).
 */
const marker = (
  state: TaskMarker['state'],
  mode: TaskMarker['effective_mode'] = 'automated',
): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state,
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  effective_mode: mode,
  risk_level: mode === 'automated' ? 'low' : 'high',
  // The head is the agent's newest recorded commit: merge-when-green merges no other (review #9f).
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-24T09:00:00.000Z',
});

/** A real `check_suite.completed` payload; only the suite's head sha differs. */
function suiteCompleted() {
  const payload = webhookExample('check_suite', 'completed');
  payload.check_suite.head_sha = HEAD;
  return payload;
}

/** A real `status` payload; only the sha and state differ. */
function statusEvent(state: string) {
  const payload = webhookExample('status');
  payload.sha = HEAD;
  payload.state = state;
  return payload;
}

/** Everything merge-when-green reads before it decides: the PR the sha heads, the task, the PR, CI, reviews, config. */
function expectJudgement(
  api: Api,
  options: {
    checks?: Array<typeof GREEN>;
    statuses?: Array<{ context: string; state: string }>;
    mode?: TaskMarker['effective_mode'];
    /** The task's marker; an automated task from before targets were recorded by default. */
    status?: TaskMarker;
  } = {},
) {
  api.installationToken(INSTALLATION_ID);
  api.scope
    .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/pulls`)
    .query({ per_page: '100' })
    .reply(200, [
      {
        number: PULL,
        state: 'open',
        head: { sha: HEAD, ref: BRANCH, repo: { full_name: `${OWNER}/${REPO}` } },
      },
    ]);
  api.comments(1, [agentStatusComment({ marker: options.status ?? marker('pr_open', options.mode) })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.checkRunsFor(HEAD, options.checks ?? [VALIDATED, GREEN]);
  api.combinedStatus(HEAD, options.statuses ?? []);
  api.reviews(PULL, []);
  api.config(undefined);
}

const merges = (api: Api) =>
  api.calls.filter((call) => call.method === 'PUT' && call.path.endsWith('/merge'));

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe('Probot app: merge-when-green, where the repository does not allow auto-merge', () => {
  it('merges an automated task’s PR with the judged head once its checks are green, then marks the task merged', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api);
    api.scope
      .put(`/repos/${OWNER}/${REPO}/pulls/${PULL}/merge`)
      .reply(200, { merged: true, sha: MERGE_SHA, message: 'Pull Request successfully merged' });
    // The merge made with GITHUB_TOKEN starts no run: the task is brought up to date at once.
    api.comments(1, [agentStatusComment({ marker: marker('pr_open') })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, merged: true });
    api.config(undefined);
    api.updateComment(900);
    // No target to deploy to: answered on the pull request and remembered on the status comment.
    api.commandDeployments([]);
    // Deploy on merge reads the merged head's validation check again.
    api.checkRunsFor(HEAD, [VALIDATED, GREEN]);
    api.combinedStatus(HEAD, []);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver('check_suite', suiteCompleted());

    expect(api.scope.isDone()).toBe(true);
    expect(merges(api)).toEqual([expect.objectContaining({ body: { sha: HEAD, merge_method: 'squash' } })]);
    const written = api.calls.filter(
      (call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'),
    );
    expect(readStateMarker(written.at(-1)?.body.body ?? '')?.marker.state).toBe('merged');
  });

  it('deploys the merge it made for the task’s requester, whose write access is asked of GitHub now', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const task = (state: TaskMarker['state']): TaskMarker => ({
      ...marker(state),
      environment: 'staging',
      requester: 'requester-dev',
      template_path: 'services/orders-api/template.yaml',
    });
    expectJudgement(api, { status: task('pr_open') });
    api.scope
      .put(`/repos/${OWNER}/${REPO}/pulls/${PULL}/merge`)
      .reply(200, { merged: true, sha: MERGE_SHA, message: 'Pull Request successfully merged' });
    // GitHub records the merge as the App's own.
    const mergedPull = { number: PULL, headSha: HEAD, headRef: BRANCH, merged: true, mergedBy: APP_LOGIN };
    api.comments(1, [agentStatusComment({ marker: task('pr_open') })]);
    api.getPull(mergedPull);
    api.config(undefined);
    api.updateComment(900);
    // The deploy on merge, for the requester: the same rules as `/deploy`, on a head the agent validated.
    api.commandDeployments([]);
    api.checkRunsFor(HEAD, [VALIDATED, GREEN]);
    api.combinedStatus(HEAD, []);
    api.permission('requester-dev', 'write');
    api.getPull(mergedPull);
    api.reviews(PULL, []);
    api.checkRunsFor(MERGE_SHA, [GREEN]);
    api.combinedStatus(MERGE_SHA, []);
    api.deployments('staging', [], 10);
    api.comments(1, [agentStatusComment({ marker: task('merged') })]);
    api.deployments('staging', [], 10);
    api.createDeployment(7101);
    api.createComment(PULL, 950);

    await deliver('check_suite', suiteCompleted());

    expect(api.scope.isDone()).toBe(true);
    const created = api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
    expect(created).toEqual([
      expect.objectContaining({
        body: expect.objectContaining({
          ref: MERGE_SHA,
          environment: 'staging',
          description: 'Deploy on merge of PR #2 merged by the agent for requester-dev',
          payload: expect.objectContaining({
            requested_by: 'requester-dev',
            merged_by: APP_LOGIN,
            merge_of: PULL,
          }),
        }),
      }),
    ]);
  });

  it('merges nothing while a commit status on the head fails', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api, { statuses: [{ context: 'continuous-integration/jenkins', state: 'failure' }] });

    await deliver('status', statusEvent('failure'));

    expect(api.scope.isDone()).toBe(true);
    expect(merges(api)).toEqual([]);
  });

  it('merges nothing a person pushed to an automated task’s branch: green CI, but the agent never validated that head', async () => {
    // A collaborator pushed to implementation/1-orders-api; nothing re-runs the gates on a push in
    // automated mode, so the head has the repository's CI only.
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api, { checks: [GREEN] });

    await deliver('check_suite', suiteCompleted());

    expect(api.scope.isDone()).toBe(true);
    expect(merges(api)).toEqual([]);
  });

  it('merges nothing while the agent’s own validation failed on the head, however green CI is', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api, { checks: [{ ...VALIDATED, conclusion: 'failure' }, GREEN] });

    await deliver('status', statusEvent('success'));

    expect(api.scope.isDone()).toBe(true);
    expect(merges(api)).toEqual([]);
  });

  it('merges nothing for a guided task, however green', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api, { mode: 'guided' });

    await deliver('check_suite', suiteCompleted());

    expect(api.scope.isDone()).toBe(true);
    expect(merges(api)).toEqual([]);
  });

  it('a head moved after the judgement: GitHub refuses with 409 and nothing else happens', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api);
    api.scope
      .put(`/repos/${OWNER}/${REPO}/pulls/${PULL}/merge`)
      .reply(409, { message: 'Head branch was modified. Review and try the merge again.' });

    await deliver('status', statusEvent('success'));

    expect(api.scope.isDone()).toBe(true);
    expect(merges(api)).toHaveLength(1);
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('a pending status decides nothing and reads nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);

    await deliver('status', statusEvent('pending'));

    expect(merges(api)).toEqual([]);
    expect(api.calls.filter((call) => !call.path.includes('access_tokens'))).toEqual([]);
  });
});
