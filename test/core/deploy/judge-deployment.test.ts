import { hkdfSync } from 'node:crypto';
import { canonicalJson } from '../../../src/core/deploy/canonical-json.js';
import { DEPLOYMENT_KEY_INFO, deploymentKeysFrom } from '../../../src/core/deploy/deployment-keys.js';
import {
  deploymentSigningText,
  signDeploymentPayload,
} from '../../../src/core/deploy/deployment-signature.js';
import { judgeDeployment } from '../../../src/core/deploy/judge-deployment.js';
import { deploymentAuthority, isAgentDeployment } from '../../../src/core/deploy/is-agent-deployment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { signMarkerText } from '../../../src/core/state/marker-signature.js';
import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';

const SHA = 'a'.repeat(40);
const place = { repository: 'acme/shop', repositoryId: 4242, sha: SHA, environment: 'staging' };
const markerKeys = markerKeysFrom({ secret: 'new-secret', previousSecret: 'old-secret' }) as MarkerKeys;
const keys = deploymentKeysFrom(markerKeys) as MarkerKeys;
const oldKeys = deploymentKeysFrom(markerKeysFrom({ secret: 'old-secret' })) as MarkerKeys;
const AGENT = 'implementation-agent[bot]';

function judge(
  payload: unknown,
  options: { creator?: string; keys?: MarkerKeys | undefined; at?: typeof place } = {},
) {
  return judgeDeployment({
    creator: options.creator ?? AGENT,
    creators: [AGENT],
    payload,
    place: options.at ?? place,
    keys: 'keys' in options ? options.keys : keys,
  });
}

const signed = (key = keys.current) =>
  signDeploymentPayload({ payload: { ...deploymentPayloadFor(SHA) }, place, key }) as Record<string, unknown>;

describe('deploymentKeysFrom', () => {
  it('derives its own keys from the marker keys under a documented label, with the rotation kept', () => {
    const expected = Buffer.from(
      hkdfSync('sha256', markerKeys.current, Buffer.alloc(0), DEPLOYMENT_KEY_INFO, 32),
    );
    expect(keys.current.equals(expected)).toBe(true);
    expect(keys.current.equals(markerKeys.current)).toBe(false);
    expect(keys.previous?.equals(oldKeys.current)).toBe(true);
    expect(deploymentKeysFrom(undefined)).toBeUndefined();
  });
});

describe('judgeDeployment', () => {
  it('verifies a payload the agent signed for this sha and environment, naming its nonce', () => {
    const payload = signed();
    expect(payload['nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(judge(payload)).toEqual({ trust: 'verified', signedWith: 'current', nonce: payload['nonce'] });
  });

  it('verifies it whatever order GitHub returns its keys in, as a JSON string too once parsed', () => {
    const payload = signed();
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    expect(judge(reordered).trust).toBe('verified');
    expect(judge(JSON.parse(JSON.stringify(payload))).trust).toBe('verified');
  });

  it('accepts the previous key during a rotation, and says so', () => {
    expect(judge(signed(oldKeys.current))).toMatchObject({ trust: 'verified', signedWith: 'previous' });
    expect(
      judge(signed(oldKeys.current), { keys: deploymentKeysFrom(markerKeysFrom({ secret: 'new-secret' })) })
        .trust,
    ).toBe('refused');
  });

  it.each([
    ['the stack name', { stack_name: 'payments-production' }],
    ['the template path', { template_path: 'infra/other.yaml' }],
    ['a parameter', { parameters: { Stage: 'production' } }],
    ['the pull request', { pull_number: 43 }],
    ['the rollback target', { rollback_to: 99 }],
    ['the dry-run flag', { dry_run: true }],
    ['the nonce', { nonce: 'f'.repeat(32) }],
  ])('refuses a signed payload whose %s was changed', (_what, change) => {
    expect(judge({ ...signed(), ...change })).toMatchObject({
      trust: 'refused',
      reason: expect.stringContaining('signature does not hold'),
    });
  });

  it('refuses a signed payload on another sha or environment than it was signed for', () => {
    expect(judge(signed(), { at: { ...place, sha: 'b'.repeat(40) } }).trust).toBe('refused');
    expect(judge(signed(), { at: { ...place, environment: 'production' } }).trust).toBe('refused');
  });

  it('refuses a payload signed for another repository with the same key (one App, or one organisation secret)', () => {
    // A writer of acme/sandbox gets the agent to sign a deploy of a sha pushed there too, then
    // copies the payload into a deployment of acme/shop: it must not hold there.
    expect(judge(signed(), { at: { ...place, repository: 'acme/sandbox' } })).toMatchObject({
      trust: 'refused',
      reason: expect.stringContaining('copied from another repository'),
    });
    // GitHub's owner and repository names are case-blind.
    expect(judge(signed(), { at: { ...place, repository: 'ACME/Shop' } }).trust).toBe('verified');
  });

  it('refuses an unsigned payload, a payload that is not an object, and one signed with another key', () => {
    expect(judge({ ...deploymentPayloadFor(SHA) })).toMatchObject({
      trust: 'refused',
      reason: expect.stringContaining('not signed'),
    });
    expect(judge('{"stack_name":"x"}').trust).toBe('refused');
    const foreign = deploymentKeysFrom(markerKeysFrom({ secret: 'another-repository' })) as MarkerKeys;
    expect(judge(signed(foreign.current)).trust).toBe('refused');
  });

  it('refuses a marker signature presented as a deployment signature, and the other way round', () => {
    const payload = { ...deploymentPayloadFor(SHA), nonce: 'n'.repeat(32) };
    // The same text, signed with the marker key: what a status-marker signer could produce.
    const text = deploymentSigningText({ payload, place });
    expect(judge({ ...payload, signature: signMarkerText(text, markerKeys.current) }).trust).toBe('refused');
    expect(
      judge({ ...payload, signature: signMarkerText(canonicalJson(payload), markerKeys.current) }).trust,
    ).toBe('refused');
  });

  it('refuses a deployment another account created, however well signed', () => {
    expect(judge(signed(), { creator: 'Codertocat' })).toMatchObject({
      trust: 'refused',
      reason: expect.stringContaining('created by Codertocat, not by the agent'),
    });
    expect(judge(signed(), { creator: 'IMPLEMENTATION-AGENT[BOT]' }).trust).toBe('verified');
  });

  it('without a key, checks the creator only and says the payload is not verified', () => {
    expect(judge({ ...deploymentPayloadFor(SHA) }, { keys: undefined })).toMatchObject({ trust: 'unsigned' });
    expect(judge({ ...deploymentPayloadFor(SHA) }, { keys: undefined, creator: 'Codertocat' }).trust).toBe(
      'refused',
    );
  });
});

describe('isAgentDeployment', () => {
  const listed = (payload: unknown, creator = AGENT) => ({
    id: 1,
    sha: SHA,
    ref: SHA,
    environment: 'staging',
    created_at: '2026-11-24T10:00:00Z',
    creator: { login: creator },
    payload: payload as Record<string, unknown>,
  });

  it('with a key counts signed deployments, by the agent or by the deploy run’s own automatic rollback', () => {
    const authority = deploymentAuthority({ identity: AGENT, keys, repositoryId: 4242 });
    expect(isAgentDeployment({ deployment: listed(signed()), authority, repository: 'acme/shop' })).toBe(
      true,
    );
    expect(
      isAgentDeployment({ deployment: listed(JSON.stringify(signed())), authority, repository: 'acme/shop' }),
    ).toBe(true);
    expect(
      isAgentDeployment({
        deployment: listed(signed(), 'github-actions[bot]'),
        authority,
        repository: 'acme/shop',
      }),
    ).toBe(true);
    expect(
      isAgentDeployment({
        deployment: listed({ ...deploymentPayloadFor(SHA) }),
        authority,
        repository: 'acme/shop',
      }),
    ).toBe(false);
    expect(
      isAgentDeployment({ deployment: listed(signed(), 'Codertocat'), authority, repository: 'acme/shop' }),
    ).toBe(false);
  });

  it('without a key counts only the agent’s own, unshared identity', () => {
    const authority = deploymentAuthority({ identity: AGENT, keys: undefined, repositoryId: 4242 });
    expect(
      isAgentDeployment({
        deployment: listed({ ...deploymentPayloadFor(SHA) }),
        authority,
        repository: 'acme/shop',
      }),
    ).toBe(true);
    expect(
      isAgentDeployment({
        deployment: listed({ ...deploymentPayloadFor(SHA) }, 'github-actions[bot]'),
        authority,
        repository: 'acme/shop',
      }),
    ).toBe(false);
  });
});
