import { deploymentKeysFrom } from '../../src/core/deploy/deployment-keys.js';
import type { GitHubDeployment } from '../../src/core/deploy/deployment-record.js';
import { signDeploymentPayload } from '../../src/core/deploy/deployment-signature.js';
import { isAgentDeployment, type DeploymentAuthority } from '../../src/core/deploy/is-agent-deployment.js';
import { markerKeysFrom } from '../../src/core/state/marker-keys.js';
import { agentDeploymentFilter } from '../../src/github/agent-deployment-filter.js';
import { findTriggerDeployment } from '../../src/github/find-trigger-deployment.js';
import { readDeployment } from '../../src/github/read-deployment.js';
import { readDeploymentHistory } from '../../src/github/read-deployment-history.js';
import { deploymentPayloadFor } from '../fixtures/deployment-payload.js';

/**
 * Issue #10: a deployment made before a rename, its payload signed over the former name (v2,
 * without `repository_id`), still counts in history (rollback targets, what runs, a trigger
 * already carried out) once GitHub vouches for the rename (the former name resolves to this
 * repository's id), as the deploy run's own verification judges it; never when GitHub gives that
 * name another repository or does not know it.
 */
const SHA = 'c'.repeat(40);
const AGENT = 'github-actions[bot]';
const keys = deploymentKeysFrom(markerKeysFrom({ secret: 'org-wide-secret' }))!;
const authority: DeploymentAuthority = { creators: [AGENT], keys, repositoryId: 4242 };

/** Made in acme/shop (id 4242) before it was renamed acme/store. */
function madeBeforeRename(id: number, extra: Record<string, unknown> = {}): GitHubDeployment {
  return {
    id,
    sha: SHA,
    ref: 'main',
    environment: 'staging',
    created_at: '2026-11-20T10:00:00Z',
    creator: { login: AGENT },
    payload: signDeploymentPayload({
      payload: deploymentPayloadFor(SHA, { task_id: 'acme/shop#7', ...extra }),
      place: { repository: 'acme/shop', repositoryId: 4242, sha: SHA, environment: 'staging' },
      key: keys.current,
    }),
  };
}

/** GitHub after the rename: the deployment listed and read by id, *Get a repository* answering `ids` by name. */
function gitHub(deployments: GitHubDeployment[], ids: Record<string, number>) {
  const asked: string[] = [];
  const client = {
    repos: {
      listDeployments: async () => ({ data: deployments }),
      getDeployment: async (p: { deployment_id: number }) => ({
        data: deployments.find((deployment) => Number(deployment.id) === p.deployment_id)!,
      }),
      listDeploymentStatuses: async () => ({
        data: [{ id: 1, state: 'success' as const, created_at: '2026-11-20T10:05:00Z' }],
      }),
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

const where = { owner: 'acme', repo: 'store' };

describe('the agent’s deployments made before a rename', () => {
  it('are refused by the name now alone, and count under a former name GitHub vouches for', async () => {
    const deployment = madeBeforeRename(31);
    expect(isAgentDeployment({ deployment, authority, repository: 'acme/store' })).toBe(false);
    expect(
      isAgentDeployment({ deployment, authority, repository: 'acme/store', formerNames: ['acme/shop'] }),
    ).toBe(true);
    const github = gitHub([deployment], { 'acme/shop': 4242 });
    const isAgents = agentDeploymentFilter({ client: github.client, authority, ...where });
    expect(await isAgents(deployment)).toBe(true);
    expect(await isAgents(madeBeforeRename(32))).toBe(true);
    // One question per name.
    expect(github.asked).toEqual(['acme/shop']);
  });

  it('stay in the history, and are read by id, after the rename', async () => {
    const { client } = gitHub([madeBeforeRename(31)], { 'acme/shop': 4242 });
    const history = await readDeploymentHistory({
      client,
      ...where,
      filter: { environment: 'staging' },
      authority,
    });
    expect(history.records.map((record) => record.id)).toEqual([31]);
    expect(await readDeployment({ client, ...where, deploymentId: 31, authority })).toMatchObject({
      record: { id: 31 },
    });
  });

  it('still mark their trigger carried out', async () => {
    const { client } = gitHub([madeBeforeRename(31, { command_comment_id: 77 })], { 'acme/shop': 4242 });
    expect(
      await findTriggerDeployment({
        client,
        ...where,
        trigger: { commentId: 77 },
        since: '2026-11-20T09:00:00Z',
        authority,
      }),
    ).toEqual({ id: 31, environment: 'staging' });
  });

  it.each([
    ['GitHub gives the name another repository', { 'acme/shop': 5555 }],
    ['GitHub does not know the name', {}],
  ])('do not count when %s', async (_case, ids: Record<string, number>) => {
    const { client } = gitHub([madeBeforeRename(31)], ids);
    const history = await readDeploymentHistory({
      client,
      ...where,
      filter: { environment: 'staging' },
      authority,
    });
    expect(history.records).toEqual([]);
    expect(await readDeployment({ client, ...where, deploymentId: 31, authority })).toBeUndefined();
  });
});
