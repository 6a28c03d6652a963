import { isRecord } from '../request/is-record.js';
import type { MarkerKeys } from '../state/marker-keys.js';
import { deploymentSignatureMatches, type DeploymentPlace } from './deployment-signature.js';
import { keyThatSigned } from '../state/key-that-signed.js';

/**
 * How far a deployment may be believed to be the agent's:
 * - `verified`: created by the agent's identity and its payload is signed with a deployment key
 *   (`signedWith` says which); it carries a one-time `nonce`.
 * - `unsigned`: created by the agent's identity, but no key is configured, so nothing proves the
 *   payload is the agent's and not another writer's under the same identity. Carried out with a
 *   warning; counted in rollback history only because of its creator.
 * - `refused`: another creator, a payload naming another repository id, or with a key configured
 *   an unsigned, badly signed or nonce-less payload.
 */
export type DeploymentJudgement =
  | { readonly trust: 'verified'; readonly signedWith: 'current' | 'previous'; readonly nonce: string }
  | { readonly trust: 'unsigned'; readonly reason: string }
  | { readonly trust: 'refused'; readonly reason: string };

/**
 * Judges one deployment. `creator` is GitHub's `deployment.creator.login` (never a payload field);
 * `creators` the logins the agent creates deployments as; `payload` the payload as GitHub returns it
 * (an object, or anything else, which is refused with a key); `place` the deployment's own
 * repository (name and id), sha and environment; `keys` the deployment keys (`deploymentKeysFrom`),
 * when configured. A payload whose `repository_id` is not `place.repositoryId` is another
 * repository's, whatever its name (one deleted and created again under the name, or a payload
 * copied across), and refused with or without keys; with keys its signature is checked against
 * the id it carries, so the same repository under a former name still holds. An older payload
 * without `repository_id` (signed over a name, v2) holds under the place's name, or under one of
 * `formerNames`: names GitHub resolves to `place.repositoryId` (the caller asked it), so a
 * deployment made before a rename still holds after it, and one copied from another repository
 * does not.
 */
export function judgeDeployment(params: {
  creator: string | undefined;
  creators: readonly string[];
  payload: unknown;
  place: DeploymentPlace;
  keys: MarkerKeys | undefined;
  formerNames?: readonly string[];
}): DeploymentJudgement {
  const { creator, creators, payload, place, keys } = params;
  if (creator === undefined || !creators.some((login) => login.toLowerCase() === creator.toLowerCase())) {
    return {
      trust: 'refused',
      reason: `it was created by ${creator ?? 'an unknown account'}, not by the agent (${creators.join(' or ')})`,
    };
  }
  const named = isRecord(payload) ? payload['repository_id'] : undefined;
  if (named !== undefined && named !== place.repositoryId) {
    return {
      trust: 'refused',
      reason: `its payload names repository ${JSON.stringify(named)}, not this repository (${place.repositoryId})`,
    };
  }
  if (keys === undefined) {
    return {
      trust: 'unsigned',
      reason: `its payload is not verified: no marker-secret is configured, so only its creator (${creator}) was checked`,
    };
  }
  const signature = isRecord(payload) ? payload['signature'] : undefined;
  if (!isRecord(payload) || typeof signature !== 'string') {
    return { trust: 'refused', reason: 'its payload is not signed, although a marker key is configured' };
  }
  // Only a name-bound payload depends on the name; an id-bound one holds under any name of its id.
  const places =
    payload['repository_id'] === undefined
      ? [place, ...(params.formerNames ?? []).map((repository) => ({ ...place, repository }))]
      : [place];
  const signedWith = places
    .map((signedFor) =>
      keyThatSigned(keys, (key) => deploymentSignatureMatches({ payload, place: signedFor, signature, key })),
    )
    .find((found) => found !== undefined);
  if (signedWith === undefined) {
    return {
      trust: 'refused',
      reason:
        'its payload signature does not hold for this repository, sha and environment: forged, altered, copied from another repository, or signed with a key no longer configured',
    };
  }
  const nonce = payload['nonce'];
  if (typeof nonce !== 'string' || nonce === '') {
    return { trust: 'refused', reason: 'its signed payload carries no one-time nonce' };
  }
  return { trust: 'verified', signedWith, nonce };
}
