/**
 * `/deploy <env>` whose deployment no workflow run can start (made with a workflow's
 * `GITHUB_TOKEN`): as a deploy on merge does, the task's record keeps the environment as
 * `deploy_failed` with the deployment's id and the outcome (`recordUnstartableDeploy`), and the
 * person who asked is answered with why and how to fix it.
 */
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import {
  expectDeployFacts,
  HEAD,
  OWNER,
  prComment,
  REPO,
  replyOf,
  taskStatus,
} from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

describe('/deploy that no workflow run can start', () => {
  it("records the environment as deploy_failed with the deployment id on the task's status, and answers", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    api.deployments('staging', [], 10);
    api.createDeployment(7001, 'github-actions[bot]');
    api.deploymentStatus(7001);
    // The task's status, read again by the recording, then written.
    api.comments(1, [taskStatus]);
    api.updateComment(900);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const written = api.calls
      .filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'))
      .map((call) => parseStateMarker(String(call.body.body)));
    const last = written.at(-1);
    // The task's own state stands; only the environment failed.
    expect(last?.state).toBe('pr_open');
    expect(last?.environments?.['staging']).toMatchObject({
      status: 'deploy_failed',
      deployment_id: 7001,
      sha: HEAD,
    });
    expect(last?.last_outcome).toMatchObject({
      status: 'deploy_failed',
      reasonCode: 'deployment_unstartable',
    });
    expect(replyOf(api)).toContain('comment `/deploy staging` again');
  });

  it('records nothing for a dry run, which deploys nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    api.deployments('staging', [], 10);
    api.createDeployment(7002, 'github-actions[bot]');
    api.deploymentStatus(7002);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging --dry-run'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
    expect(replyOf(api)).toContain('comment `/deploy staging --dry-run` again');
    expect(replyOf(api)).not.toContain('could not record');
  });
});
