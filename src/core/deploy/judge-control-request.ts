import type { MarkerKeys } from '../state/marker-keys.js';
import type { ControlRequest } from './control-request.js';
import { controlSignatureMatches } from './control-request-signature.js';
import { keyThatSigned } from '../state/key-that-signed.js';

/**
 * How long a signed control request stays good after the agent issued it: long enough for a
 * dispatched run to wait for a hosted runner, short enough that a replayed `/unlock` cannot free a
 * lock a later deploy holds long after the command was given.
 */
export const CONTROL_REQUEST_MAX_AGE_MS = 15 * 60 * 1000;
/** Clock difference tolerated between the agent and the runner. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Whether a `repository_dispatch` control request may be carried out:
 * - `verified`: signed with a control key (`signedWith` says which) for this repository, issued
 *   within `CONTROL_REQUEST_MAX_AGE_MS`;
 * - `unsigned`: no key is configured, so nothing proves who sent it (any token that can dispatch,
 *   any workflow's `GITHUB_TOKEN` among them); carried out with a warning, as before keys existed;
 * - `stale`: signed, but issued too long ago (or in the future): the person gives the command again;
 * - `refused`: with a key, unsigned, without `issued_at`, or a signature that does not hold.
 * `now` is in milliseconds since the epoch; `keys` are the control keys (`controlKeysFrom`).
 */
export type ControlJudgement =
  | { readonly trust: 'verified'; readonly signedWith: 'current' | 'previous' }
  | { readonly trust: 'unsigned' | 'stale' | 'refused'; readonly reason: string };

export function judgeControlRequest(params: {
  request: ControlRequest;
  repository: string;
  keys: MarkerKeys | undefined;
  now: number;
}): ControlJudgement {
  const { request, repository, keys } = params;
  if (keys === undefined) {
    return {
      trust: 'unsigned',
      reason: 'no marker-secret is configured, so nothing proves the agent sent this control request',
    };
  }
  if (request.signature === undefined || request.issued_at === undefined) {
    return { trust: 'refused', reason: 'it is not signed, although a marker key is configured' };
  }
  const signature = request.signature;
  const holds = (key: Buffer) => controlSignatureMatches({ request, repository, signature, key });
  const signedWith = keyThatSigned(keys, holds);
  if (signedWith === undefined) {
    return {
      trust: 'refused',
      reason: `its signature does not hold for ${repository}: forged, altered, or signed with a key no longer configured`,
    };
  }
  const age = params.now - Date.parse(request.issued_at);
  if (!Number.isFinite(age) || age > CONTROL_REQUEST_MAX_AGE_MS || age < -CLOCK_SKEW_MS) {
    return {
      trust: 'stale',
      reason: `it was issued at ${request.issued_at}, more than ${CONTROL_REQUEST_MAX_AGE_MS / 60_000} minutes before this run`,
    };
  }
  return { trust: 'verified', signedWith };
}
