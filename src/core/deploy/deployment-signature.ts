import { randomBytes } from 'node:crypto';
import { markerSignatureMatches, signMarkerText } from '../state/marker-signature.js';
import { canonicalJson } from './canonical-json.js';

/**
 * What the signed text says it is, so it can never be read as any other signed text of the agent:
 * v3 is bound to the repository's id (a payload carrying `repository_id`), v2 to its name (older
 * payloads, still verified as they were signed).
 */
const SIGNED_KIND_BY_ID = 'implementation-agent/deployment/v3';
const SIGNED_KIND_BY_NAME = 'implementation-agent/deployment/v2';

/**
 * Where GitHub put the deployment: its repository (`owner/repo`, compared case-blind as GitHub
 * does, and GitHub's numeric `repositoryId`), its `sha` and `environment`, as GitHub reports them.
 * The repository is bound because one key signs for every repository (the App's key comes from its
 * one webhook secret; an organisation secret gives many Actions one `marker-secret`), and a sha can
 * be pushed anywhere. Its id, not its name, where the payload carries one: a repository keeps its id
 * through a rename or a transfer (GitHub docs, *Renaming a repository*), so a deployment made
 * before a rename still holds after it, while a repository deleted and created again under the
 * same name gets a new id.
 */
export interface DeploymentPlace {
  readonly repository: string;
  readonly repositoryId: number;
  readonly sha: string;
  readonly environment: string;
}

/**
 * The text a deployment payload is signed over: every payload field but `signature` (task, pull
 * request, branch, sha checked, stack, template path, region, parameters, strategy, dry run,
 * rollback fields, command comment id, repository id, nonce), bound to the deployment's own
 * repository, sha and environment, in canonical JSON (`canonicalJson`), so neither a field nor
 * the place can change unnoticed: a payload signed for one repository never holds in another.
 * A payload with `repository_id` is bound to the place's `repositoryId` (v3: it still holds after
 * a rename); one without, to the place's name (v2, as payloads made before ids were recorded were
 * signed). Adding or removing `repository_id` changes both the kind and the payload signed, so a
 * signature of one form never holds for the other.
 */
export function deploymentSigningText(params: {
  payload: Readonly<Record<string, unknown>>;
  place: DeploymentPlace;
}): string {
  const { signature: _ignored, ...signed } = params.payload;
  const { place } = params;
  const bound =
    signed['repository_id'] === undefined
      ? { kind: SIGNED_KIND_BY_NAME, repository: place.repository.toLowerCase() }
      : { kind: SIGNED_KIND_BY_ID, repository_id: place.repositoryId };
  return canonicalJson({ ...bound, sha: place.sha, environment: place.environment, payload: signed });
}

/** HMAC-SHA256 (RFC 2104) of the signing text under a deployment key, as hex. */
export function deploymentSignature(params: {
  payload: Readonly<Record<string, unknown>>;
  place: DeploymentPlace;
  key: Buffer;
}): string {
  return signMarkerText(deploymentSigningText(params), params.key);
}

/**
 * The payload with a one-time `nonce` (128 random bits as hex, kept when already set) and its
 * `signature` under `key`, for a deployment of `place`. The nonce lets a run refuse a signed payload
 * copied into a second deployment (`findEarlierNonce`).
 */
export function signDeploymentPayload<T extends Readonly<Record<string, unknown>>>(params: {
  payload: T;
  place: DeploymentPlace;
  key: Buffer;
}): T & { nonce: string; signature: string } {
  const nonce = typeof params.payload['nonce'] === 'string' ? params.payload['nonce'] : newNonce();
  const payload = { ...params.payload, nonce };
  return { ...payload, signature: deploymentSignature({ payload, place: params.place, key: params.key }) };
}

/** Whether `signature` (hex) is the payload's signature under `key`, compared in constant time. */
export function deploymentSignatureMatches(params: {
  payload: Readonly<Record<string, unknown>>;
  place: DeploymentPlace;
  signature: string;
  key: Buffer;
}): boolean {
  return markerSignatureMatches({
    text: deploymentSigningText(params),
    signature: params.signature,
    key: params.key,
  });
}

/** A one-time id for a payload that is not signed: lets the replay check work the same way. */
export function newNonce(): string {
  return randomBytes(16).toString('hex');
}
