import { randomBytes } from 'node:crypto';
import { markerSignatureMatches, signMarkerText } from '../state/marker-signature.js';
import { canonicalJson } from './canonical-json.js';

/** What the signed text says it is, so it can never be read as any other signed text of the agent. */
const SIGNED_KIND = 'implementation-agent/deployment/v2';

/**
 * Where GitHub put the deployment: its repository (`owner/repo`, compared case-blind as GitHub
 * does), its `sha` and `environment`, as GitHub reports them. The repository is bound because one
 * key signs for every repository (the App's key comes from its one webhook secret; an
 * organisation secret gives many Actions one `marker-secret`), and a sha can be pushed anywhere.
 */
export interface DeploymentPlace {
  readonly repository: string;
  readonly sha: string;
  readonly environment: string;
}

/**
 * The text a deployment payload is signed over: every payload field but `signature` (task, pull
 * request, branch, sha checked, stack, template path, region, parameters, strategy, dry run,
 * rollback fields, command comment id, nonce), bound to the deployment's own repository, sha and
 * environment, in canonical JSON (`canonicalJson`), so neither a field nor the place can change
 * unnoticed: a payload signed for one repository never holds in another.
 */
export function deploymentSigningText(params: {
  payload: Readonly<Record<string, unknown>>;
  place: DeploymentPlace;
}): string {
  const { signature: _ignored, ...signed } = params.payload;
  return canonicalJson({
    kind: SIGNED_KIND,
    repository: params.place.repository.toLowerCase(),
    sha: params.place.sha,
    environment: params.place.environment,
    payload: signed,
  });
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
