import { deploymentKeysFrom } from '../../../src/core/deploy/deployment-keys.js';
import {
  signDeploymentPayload,
  type DeploymentPlace,
} from '../../../src/core/deploy/deployment-signature.js';
import type { DeploymentAuthority } from '../../../src/core/deploy/is-agent-deployment.js';
import { judgeDeployment } from '../../../src/core/deploy/judge-deployment.js';
import { nameSignedFor } from '../../../src/core/deploy/name-signed-for.js';
import { VerifiedDeployment } from '../../../src/core/deploy/verified-deployment.js';
import { markerKeysFrom } from '../../../src/core/state/marker-keys.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { verifyDeployment } from '../../../src/pipeline/deploy-run/verify-deployment.js';
import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';

/**
 * Issue #10: deployment payloads signed before `repository_id` existed (v2: bound to the
 * repository's name) were refused once the repository was renamed. Such a payload now holds under
 * the name it records (its `task_id`'s repository) when GitHub resolves that name to the id of the
 * repository the deployment is in (`repository.id`, which GitHub vouches for); a name GitHub gives
 * another repository, or does not know, is refused with that reason.
 */
const SHA = 'c'.repeat(40);
const AGENT = 'github-actions[bot]';
const keys = deploymentKeysFrom(markerKeysFrom({ secret: 'org-wide-secret' }))!;
const authority: DeploymentAuthority = { creators: [AGENT], keys, repositoryId: 4242 };
/** acme/shop (id 4242), renamed acme/store after the deployment was made. */
const signedPlace: DeploymentPlace = {
  repository: 'acme/shop',
  repositoryId: 4242,
  sha: SHA,
  environment: 'staging',
};

const older = (place: DeploymentPlace = signedPlace, taskId = 'acme/shop#7') =>
  signDeploymentPayload({
    payload: deploymentPayloadFor(SHA, { task_id: taskId }),
    place,
    key: keys.current,
  });

const eventIn = (payload: unknown, repo = 'store'): DeployEvent => ({
  repository: { owner: 'acme', repo, defaultBranch: 'main' },
  repositoryId: 4242,
  deploymentId: 9001,
  sha: SHA,
  environment: 'staging',
  payload,
  creator: AGENT,
});

/** GitHub as the run's client: *Get a repository* answers `ids` by name (a 404 for others), no earlier deployment. */
function gitHub(ids: Record<string, number>) {
  const asked: string[] = [];
  const client = {
    repos: {
      listDeployments: async () => ({ data: [] }),
      get: async (p: { owner: string; repo: string }) => {
        asked.push(`${p.owner}/${p.repo}`);
        const id = ids[`${p.owner}/${p.repo}`];
        if (id === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { id } };
      },
    },
  };
  return { client, asked };
}

describe('verifyDeployment: an older name-bound payload after a rename', () => {
  it('holds under the name it was signed for, when GitHub gives that name this repository’s id', async () => {
    const github = gitHub({ 'acme/shop': 4242 });
    const verdict = await verifyDeployment({ client: github.client, event: eventIn(older()), authority });
    expect(verdict).toMatchObject({ accepted: true });
    expect(verdict.accepted && verdict.proof?.repositoryId).toBe(4242);
    expect(github.asked).toEqual(['acme/shop']);
  });

  it('is refused when the name was since taken by another repository', async () => {
    const verdict = await verifyDeployment({
      client: gitHub({ 'acme/shop': 5555 }).client,
      event: eventIn(older()),
      authority,
    });
    expect(verdict).toMatchObject({
      accepted: false,
      refusal: expect.stringContaining(
        'signed over the name acme/shop (an older payload, without repository_id), which GitHub gives to another repository (5555), not to this one (4242)',
      ),
    });
  });

  it('is refused when GitHub does not know the name', async () => {
    const verdict = await verifyDeployment({ client: gitHub({}).client, event: eventIn(older()), authority });
    expect(verdict).toMatchObject({
      accepted: false,
      refusal: expect.stringContaining('which GitHub does not know'),
    });
  });

  it('is refused when copied from another repository (its name is that repository’s)', async () => {
    const theirs = older({ ...signedPlace, repository: 'evil/bank', repositoryId: 777 }, 'evil/bank#1');
    const verdict = await verifyDeployment({
      client: gitHub({ 'evil/bank': 777 }).client,
      event: eventIn(theirs),
      authority,
    });
    expect(verdict).toMatchObject({ accepted: false, refusal: expect.stringContaining('(777)') });
  });

  it('is refused when altered, even under a name GitHub gives this repository', async () => {
    const altered = { ...older(), stack_name: 'someone-elses-stack' };
    const verdict = await verifyDeployment({
      client: gitHub({ 'acme/shop': 4242 }).client,
      event: eventIn(altered),
      authority,
    });
    expect(verdict).toMatchObject({ accepted: false, refusal: expect.stringContaining('does not hold') });
  });

  it('asks GitHub nothing for a payload that holds under the current name', async () => {
    const github = gitHub({});
    const current = older({ ...signedPlace, repository: 'acme/store' });
    const verdict = await verifyDeployment({ client: github.client, event: eventIn(current), authority });
    expect(verdict).toMatchObject({ accepted: true });
    expect(github.asked).toEqual([]);
  });
});

describe('judgeDeployment: former names', () => {
  const judge = (payload: unknown, formerNames: readonly string[]) =>
    judgeDeployment({
      creator: AGENT,
      creators: [AGENT],
      payload,
      place: { ...signedPlace, repository: 'acme/store' },
      keys,
      formerNames,
    });

  it('lets a name-bound payload hold under a former name, and only under its own', () => {
    expect(judge(older(), ['acme/shop'])).toMatchObject({ trust: 'verified' });
    expect(judge(older(), [])).toMatchObject({ trust: 'refused' });
    expect(judge(older(), ['acme/other'])).toMatchObject({ trust: 'refused' });
  });

  it('never lets an id-bound payload stripped of its id fall back to a former name', () => {
    const made = signDeploymentPayload({
      payload: deploymentPayloadFor(SHA, { task_id: 'acme/shop#7', repository_id: 4242 }),
      place: signedPlace,
      key: keys.current,
    });
    const { repository_id: _id, ...stripped } = made;
    expect(judge(stripped, ['acme/shop'])).toMatchObject({ trust: 'refused' });
  });
});

describe('nameSignedFor', () => {
  it('reads the name from the task id of a payload without repository_id, when it is not the current one', () => {
    expect(nameSignedFor({ payload: { task_id: 'acme/shop#7' }, current: 'acme/store' })).toEqual({
      owner: 'acme',
      repo: 'shop',
    });
    expect(nameSignedFor({ payload: { task_id: 'ACME/Store#7' }, current: 'acme/store' })).toBeUndefined();
    expect(
      nameSignedFor({ payload: { task_id: 'acme/shop#7', repository_id: 1 }, current: 'acme/store' }),
    ).toBeUndefined();
  });

  it('asks nothing for names GitHub could not have (too long, odd characters) or CLI tasks', () => {
    for (const taskId of [
      `${'a'.repeat(40)}/shop#7`,
      `acme/${'r'.repeat(101)}#7`,
      'ac me/shop#7',
      'local/shop#7',
    ]) {
      expect(nameSignedFor({ payload: { task_id: taskId }, current: 'acme/store' })).toBeUndefined();
    }
  });
});

describe('VerifiedDeployment', () => {
  it('is made only by the verifier: a look-alike object does not type-check as one', () => {
    // @ts-expect-error the constructor is private: only `VerifiedDeployment.judge` makes a proof.
    const made = () => new VerifiedDeployment(1, 'acme/shop#7', 4242, 'current', 'n');
    // @ts-expect-error an object of the same public shape is not a proof (a private member makes the type nominal).
    const lookAlike: VerifiedDeployment = {
      taskId: 'acme/shop#7',
      repositoryId: 4242,
      signedWith: 'current',
      nonce: 'n',
      vouchesFor: () => true,
    };
    expect([typeof made, typeof lookAlike]).toEqual(['function', 'object']);
  });
});
