import { deploymentKeysFrom } from '../../src/core/deploy/deployment-keys.js';
import { judgeDeployment } from '../../src/core/deploy/judge-deployment.js';
import { markerKeysFrom, type MarkerKeys } from '../../src/core/state/marker-keys.js';
import { createDeployment, type DeploymentClient } from '../../src/github/create-deployment.js';
import { deploymentPayloadFor } from '../fixtures/deployment-payload.js';

const SHA = 'e'.repeat(40);
const keys = deploymentKeysFrom(markerKeysFrom({ secret: 'create-secret' })) as MarkerKeys;

async function created(payload: ReturnType<typeof deploymentPayloadFor>) {
  let sent: Record<string, unknown> = {};
  const client: DeploymentClient = {
    repos: {
      createDeployment: async (request) => {
        sent = request.payload;
        return { status: 201, data: { id: 1 } };
      },
    },
  };
  await createDeployment({
    client,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    environment: 'staging',
    payload,
    keys,
    description: 'deploy',
  });
  return sent;
}

describe('createDeployment records the repository id it deploys in', () => {
  it('writes repository_id and signs over it, so the payload holds after a rename', async () => {
    const payload = await created({ ...deploymentPayloadFor(SHA), checked_sha: SHA });
    expect(payload['repository_id']).toBe(4242);
    const place = { repository: 'acme/store', repositoryId: 4242, sha: SHA, environment: 'staging' };
    const judge = (at: typeof place) =>
      judgeDeployment({ creator: 'bot', creators: ['bot'], payload, place: at, keys }).trust;
    expect(judge(place)).toBe('verified');
    expect(judge({ ...place, repositoryId: 5 })).toBe('refused');
  });

  it("replaces a copied payload's id with this repository's (a rollback re-deploys an older payload)", async () => {
    const payload = await created({ ...deploymentPayloadFor(SHA), checked_sha: SHA, repository_id: 99 });
    expect(payload['repository_id']).toBe(4242);
  });
});
