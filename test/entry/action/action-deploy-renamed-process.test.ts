import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { agentDeployInputs, agentDeploymentEvent } from '../../fixtures/agent-deployment-event.js';
import { HELLO_WORLD_ID } from '../../fixtures/signed-deployment-payload.js';
import { startCloudFormationFake } from '../../support/cloudformation-fake-server.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_renamedDeployToken789';
const SHA = 'a'.repeat(40);
const TEMPLATE = 'services/orders-api/template.yaml';
const SECRET = 'renamed-deploy-marker-secret';
const NEW_NAME = 'Renamed-World';

/**
 * Deployment 7001 as the agent made and signed it while the repository was still
 * Codertocat/Hello-World (id HELLO_WORLD_ID), delivered after its rename to Codertocat/Renamed-World:
 * the event names the new name, as GitHub does, and the same id.
 */
function deploymentAfterRename(repositoryId: number) {
  const event = agentDeploymentEvent({
    id: 7001,
    sha: SHA,
    environment: 'staging',
    payload: {
      version: 1,
      task_id: 'codertocat/hello-world#1',
      repository_id: repositoryId,
      stack_name: 'orders-api-staging',
      template_path: TEMPLATE,
      region: 'ap-southeast-2',
      parameters: { Stage: 'staging' },
      checked_sha: SHA,
      requested_by: 'Codertocat',
      pull_number: 42,
      dry_run: false,
    },
    secret: SECRET,
    signedFor: 'Codertocat/Hello-World',
  });
  event.repository.name = NEW_NAME;
  event.repository.full_name = `Codertocat/${NEW_NAME}`;
  return event;
}

describe('the built Action deploys a deployment made before the repository was renamed', () => {
  let github: Awaited<ReturnType<typeof startGitHubFake>>;
  let cloudformation: Awaited<ReturnType<typeof startCloudFormationFake>>;
  beforeEach(async () => {
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: NEW_NAME,
      defaultBranch: 'master',
      files: { [TEMPLATE]: 'Resources:\n  OrdersTable:\n    Type: AWS::DynamoDB::Table\n' },
      pulls: [{ number: 42, head: { sha: SHA, ref: 'implementation/1-orders-api' } }],
    });
    // The task's status comment, written and signed under the old name.
    github.comments.push({
      id: 900,
      issue_number: 1,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      body: renderStatusComment({
        marker: {
          task_id: 'codertocat/hello-world#1',
          repository_id: HELLO_WORLD_ID,
          state: 'merged',
          attempt: 1,
          cost_usd: 0,
          pull_number: 42,
          version: 6,
          updated_at: '2026-11-24T09:00:00Z',
          created_at: '2026-11-24T08:00:00Z',
        },
        signingKey: (markerKeysFrom({ secret: SECRET }) as MarkerKeys).current,
      }),
    });
    cloudformation = await startCloudFormationFake({
      scenario: 'create-succeeds',
      outputs: { ApiUrl: 'https://abc123.execute-api.ap-southeast-2.amazonaws.com/staging' },
    });
  });
  afterEach(async () => {
    await github.close();
    await cloudformation.close();
  });

  const run = async (repositoryId: number) =>
    runAction({
      apiUrl: github.url,
      eventName: 'deployment',
      payload: deploymentAfterRename(repositoryId),
      inputs: {
        token: TOKEN,
        mode: 'deploy',
        'deployments-dir': await mkdtemp(path.join(tmpdir(), 'renamed-deployments-')),
        ...agentDeployInputs(SECRET),
      },
      env: {
        GITHUB_REPOSITORY: `Codertocat/${NEW_NAME}`,
        GITHUB_REPOSITORY_ID: String(HELLO_WORLD_ID),
        AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'ap-southeast-2',
      },
    });

  it("verifies it by the repository's id, deploys, and moves the task's status comment to the new name", async () => {
    const result = await run(HELLO_WORLD_ID);

    expect(result.code).toBe(0);
    expect(github.deploymentStatuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(cloudformation.requests.map((request) => request.action)).toContain('ExecuteChangeSet');
    const marker = parseStateMarker(github.comments.find((comment) => comment.id === 900)?.body ?? '');
    expect(marker).toMatchObject({ task_id: 'codertocat/renamed-world#1', repository_id: HELLO_WORLD_ID });
    expect(marker?.environments?.['staging']).toMatchObject({ status: 'deployed', deployment_id: 7001 });
  });

  it('refuses a payload of another repository id, deploying nothing and touching no status', async () => {
    const before = github.comments.find((comment) => comment.id === 900)?.body;
    const result = await run(HELLO_WORLD_ID + 1);

    expect(result.code).not.toBe(0);
    expect(github.deploymentStatuses).toEqual([
      expect.objectContaining({
        state: 'error',
        description: expect.stringContaining(
          `names repository ${HELLO_WORLD_ID + 1}, not this repository (${HELLO_WORLD_ID})`,
        ),
      }),
    ]);
    expect(cloudformation.requests).toEqual([]);
    expect(github.comments.find((comment) => comment.id === 900)?.body).toBe(before);
  });
});
