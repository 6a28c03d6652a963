/**
 * Attacker pass (review #10n) on deploy state per environment for a deployment no workflow run can
 * start (src/pipeline/deploy/unstartable-deploy-steps.ts). The merge's deploy records it on the
 * task (`environments.<env>` → `deploy_failed` with the deployment id: fix of review10m), since no
 * deploy run will ever report on it. The same deployment made by `/deploy <env>` on the task's pull
 * request (src/pipeline/deploy/handle-deploy-command.ts) only answers the comment: the task's status
 * comment, its record and every mirror keep no trace of the environment's failed deploy, so
 * dashboards reading `environments.staging` see no deploy at all. A fault is `it.failing` asserting
 * the right answer; an attack refused is an ordinary test. (Fixed by fix13b: the command records it too.)
 */
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { OWNER, REPO, expectDeployFacts, prComment, replyOf, taskStatus } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

async function deployUnstartable() {
  const api = githubApi({ owner: OWNER, repo: REPO });
  expectDeployFacts(api);
  api.deployments('staging', [], 10);
  // Made with a workflow's GITHUB_TOKEN: no workflow run will start it, so it is ended at once.
  api.createDeployment(7001, 'github-actions[bot]');
  api.deploymentStatus(7001);
  api.createComment(42, 950);
  // The task's status, which the recording reads again before it writes.
  api.comments(1, [taskStatus]);
  api.updateComment(900, { optional: true });
  const { receive, errors } = await testProbot();
  await receive('issue_comment', prComment('/deploy staging'));
  return { api, errors };
}

describe('review10n attacker: /deploy that no workflow run can start, per environment', () => {
  it('fixed FAULT: the task’s status records environments.staging as deploy_failed with deployment 7001', async () => {
    const { api } = await deployUnstartable();
    const written = api.calls
      .filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'))
      .map((call) => parseStateMarker(String(call.body.body)));
    expect(written.at(-1)?.environments?.['staging']).toMatchObject({
      status: 'deploy_failed',
      deployment_id: 7001,
    });
  });

  it('control: the comment is answered, saying to comment again', async () => {
    const { api, errors } = await deployUnstartable();
    expect(errors).toEqual([]);
    expect(replyOf(api)).toContain('comment `/deploy staging` again');
  });
});
