import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getOctokit } from '@actions/github';
import { actionInputsSchema, type DeployInputs } from '../../../src/entry/action/action-io.js';
import { mainDeploy } from '../../../src/entry/action/main-deploy.js';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { agentDeployInputs, agentDeploymentEvent } from '../../fixtures/agent-deployment-event.js';
import { HELLO_WORLD_ID } from '../../fixtures/signed-deployment-payload.js';
import { startCloudFormationFake } from '../../support/cloudformation-fake-server.js';
import { startGitHubFake } from '../../support/github-fake-server.js';

/**
 * The Action's deploy path hands the proof of the payload's verification (`VerifiedDeployment`)
 * to the step it records: an older payload (v2, signed over the name, no `repository_id`) made
 * before a rename names the task under the former name, and only the proof — GitHub resolving that
 * name to this repository's id — makes it this repository's task. Without the hand-off the task's
 * status would not move; without GitHub's word the deployment is refused and nothing moves.
 */
const SHA = 'a'.repeat(40);
const TEMPLATE = 'services/orders-api/template.yaml';
const SECRET = 'hand-off-marker-secret';
const NEW_NAME = 'Renamed-World';
const AGENT = 'github-actions[bot]';

function olderPayloadAfterRename() {
  const event = agentDeploymentEvent({
    id: 7001,
    sha: SHA,
    environment: 'staging',
    payload: {
      version: 1,
      task_id: 'codertocat/hello-world#1',
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
  event.repository.id = HELLO_WORLD_ID;
  return event;
}

describe('mainDeploy hands the verification proof to the step it records', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  async function deployWith(repositoryIds: Record<string, number>) {
    const github = await startGitHubFake({
      owner: 'Codertocat',
      repo: NEW_NAME,
      defaultBranch: 'master',
      files: { [TEMPLATE]: 'Resources:\n  OrdersTable:\n    Type: AWS::DynamoDB::Table\n' },
      pulls: [{ number: 42, head: { sha: SHA, ref: 'implementation/1-orders-api' } }],
      repositoryIds,
    });
    github.comments.push({
      id: 900,
      issue_number: 1,
      user: { login: AGENT, type: 'Bot' },
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
    const cloudformation = await startCloudFormationFake({ scenario: 'create-succeeds', outputs: {} });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'ap-southeast-2',
    });
    try {
      const octokit = getOctokit('ghs_handOffToken123', { baseUrl: github.url });
      const inputs = actionInputsSchema.parse({
        token: 'ghs_handOffToken123',
        mode: 'deploy',
        'deployments-dir': await mkdtemp(path.join(tmpdir(), 'hand-off-')),
        'poll-interval-ms': '1',
        ...agentDeployInputs(SECRET),
      }) as DeployInputs;
      const lines: string[] = [];
      const outcome = await mainDeploy({
        inputs,
        client: octokit.rest,
        trust: statusTrust({ identity: async () => AGENT, keys: markerKeysFrom({ secret: SECRET }) }),
        event: { name: 'deployment', payload: olderPayloadAfterRename() },
        log: (line) => lines.push(line),
        repositoryId: HELLO_WORLD_ID,
      });
      const marker = parseStateMarker(github.comments.find((comment) => comment.id === 900)?.body ?? '');
      return { outcome, marker, github, cloudformation, lines };
    } finally {
      await github.close();
      await cloudformation.close();
    }
  }

  it('moves the task named under the former name when GitHub vouches for the rename', async () => {
    const { outcome, marker, cloudformation } = await deployWith({
      'Codertocat/Hello-World': HELLO_WORLD_ID,
    });
    expect(outcome).toMatchObject({ status: 'deployed' });
    expect(cloudformation.requests.map((request) => request.action)).toContain('ExecuteChangeSet');
    expect(marker).toMatchObject({ task_id: 'codertocat/renamed-world#1', repository_id: HELLO_WORLD_ID });
    expect(marker?.environments?.['staging']).toMatchObject({ status: 'deployed', deployment_id: 7001 });
  });

  it('trusts no rename GitHub does not vouch for: refused, nothing deployed, the task untouched', async () => {
    const { outcome, marker, cloudformation } = await deployWith({
      'Codertocat/Hello-World': HELLO_WORLD_ID + 1,
    });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(cloudformation.requests).toEqual([]);
    expect(marker).toMatchObject({ task_id: 'codertocat/hello-world#1', version: 6 });
    expect(marker?.environments ?? {}).toEqual({});
  });
});
