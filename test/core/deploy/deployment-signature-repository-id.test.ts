import { deploymentKeysFrom } from '../../../src/core/deploy/deployment-keys.js';
import {
  deploymentSigningText,
  signDeploymentPayload,
  type DeploymentPlace,
} from '../../../src/core/deploy/deployment-signature.js';
import { deploymentAuthority, isAgentDeployment } from '../../../src/core/deploy/is-agent-deployment.js';
import { judgeDeployment } from '../../../src/core/deploy/judge-deployment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';

const SHA = 'b'.repeat(40);
const AGENT = 'implementation-agent[bot]';
const keys = deploymentKeysFrom(markerKeysFrom({ secret: 'org-wide-secret' })) as MarkerKeys;
/** acme/shop (id 4242), renamed acme/store: the same id. */
const beforeRename: DeploymentPlace = {
  repository: 'acme/shop',
  repositoryId: 4242,
  sha: SHA,
  environment: 'staging',
};
const afterRename: DeploymentPlace = { ...beforeRename, repository: 'acme/store' };

/** As the agent creates it now: with this repository's id, signed under the name it had then. */
const made = (fields: Record<string, unknown> = {}) =>
  signDeploymentPayload({
    payload: { ...deploymentPayloadFor(SHA), task_id: 'acme/shop#7', repository_id: 4242, ...fields },
    place: beforeRename,
    key: keys.current,
  }) as Record<string, unknown>;

const judge = (payload: unknown, place: DeploymentPlace, withKeys: MarkerKeys | undefined = keys) =>
  judgeDeployment({ creator: AGENT, creators: [AGENT], payload, place, keys: withKeys });

describe('a deployment payload bound to the repository id', () => {
  it('still holds after the repository is renamed or transferred (same id, new name)', () => {
    expect(judge(made(), beforeRename)).toMatchObject({ trust: 'verified', signedWith: 'current' });
    expect(judge(made(), afterRename)).toMatchObject({ trust: 'verified' });
    expect(judge(made(), { ...afterRename, repository: 'other-org/store' })).toMatchObject({
      trust: 'verified',
    });
  });

  it('is refused in another repository, of another name or of the same name deleted and created again', () => {
    for (const place of [
      { ...beforeRename, repository: 'evil/bank', repositoryId: 9999 },
      { ...beforeRename, repositoryId: 9999 },
    ]) {
      expect(judge(made(), place)).toMatchObject({
        trust: 'refused',
        reason: expect.stringContaining('names repository 4242, not this repository (9999)'),
      });
      // Without a key nothing is verified, but a payload naming another id is still not this repository's.
      expect(judge(made(), place, undefined)).toMatchObject({ trust: 'refused' });
    }
  });

  it('refuses the id rewritten to the repository it is replayed in, or stripped to fall back to the name', () => {
    const payload = made();
    expect(judge({ ...payload, repository_id: 9999 }, { ...afterRename, repositoryId: 9999 })).toMatchObject({
      trust: 'refused',
      reason: expect.stringContaining('signature does not hold'),
    });
    const { repository_id: _id, ...stripped } = payload;
    // The name-bound form of the same name: the v3 signature never holds as v2.
    expect(judge(stripped, { ...beforeRename, repositoryId: 9999 })).toMatchObject({ trust: 'refused' });
    expect(judge(stripped, beforeRename)).toMatchObject({ trust: 'refused' });
  });

  it('refuses an id added to an older name-bound payload', () => {
    const older = signDeploymentPayload({
      payload: { ...deploymentPayloadFor(SHA) },
      place: beforeRename,
      key: keys.current,
    }) as Record<string, unknown>;
    expect(judge({ ...older, repository_id: 4242 }, beforeRename)).toMatchObject({ trust: 'refused' });
  });

  it('signs over the id, not the name; an older payload without an id over the name, as before', () => {
    const withId = { ...deploymentPayloadFor(SHA), repository_id: 4242 };
    expect(deploymentSigningText({ payload: withId, place: beforeRename })).toBe(
      deploymentSigningText({ payload: withId, place: afterRename }),
    );
    expect(deploymentSigningText({ payload: withId, place: beforeRename })).toContain('deployment/v3');
    const without = { ...deploymentPayloadFor(SHA) };
    expect(deploymentSigningText({ payload: without, place: beforeRename })).not.toBe(
      deploymentSigningText({ payload: without, place: afterRename }),
    );
    expect(deploymentSigningText({ payload: without, place: beforeRename })).toContain('deployment/v2');
  });

  it('keeps verifying an older name-bound payload under its name, and only there', () => {
    const older = signDeploymentPayload({
      payload: { ...deploymentPayloadFor(SHA) },
      place: beforeRename,
      key: keys.current,
    });
    expect(judge(older, beforeRename)).toMatchObject({ trust: 'verified' });
    expect(judge(older, { ...beforeRename, repository: 'ACME/Shop' })).toMatchObject({ trust: 'verified' });
    expect(judge(older, afterRename)).toMatchObject({ trust: 'refused' });
  });

  it('counts in history only in the repository of its id', () => {
    const listed = {
      id: 1,
      sha: SHA,
      ref: SHA,
      environment: 'staging',
      created_at: '2026-11-24T10:00:00Z',
      creator: { login: AGENT },
      payload: made(),
    };
    const ours = deploymentAuthority({ identity: AGENT, keys, repositoryId: 4242 });
    const theirs = deploymentAuthority({ identity: AGENT, keys, repositoryId: 9999 });
    expect(isAgentDeployment({ deployment: listed, authority: ours, repository: 'acme/store' })).toBe(true);
    expect(isAgentDeployment({ deployment: listed, authority: theirs, repository: 'acme/shop' })).toBe(false);
    const unsignedTheirs = deploymentAuthority({ identity: AGENT, keys: undefined, repositoryId: 9999 });
    expect(
      isAgentDeployment({ deployment: listed, authority: unsignedTheirs, repository: 'acme/shop' }),
    ).toBe(false);
  });
});
