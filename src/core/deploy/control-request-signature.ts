import { deriveSubKeys } from '../state/derive-sub-keys.js';
import type { MarkerKeys } from '../state/marker-keys.js';
import { markerSignatureMatches, signMarkerText } from '../state/marker-signature.js';
import { canonicalJson } from './canonical-json.js';
import type { ControlRequest } from './control-request.js';

/**
 * HKDF `info` label (RFC 5869 §3.2) for control request signatures: keys unrelated to the marker,
 * deployment and dispatch keys, so no other signature of the agent holds for a control request.
 */
export const CONTROL_KEY_INFO = 'implementation-agent/control-request/hmac-sha256/v1';

/** What the signed text says it is, so it is never read as any other signed text. */
const SIGNED_KIND = 'implementation-agent/control-request/v1';

/** The keys control requests are signed with, with the marker keys' rotation; `undefined` without them. */
export function controlKeysFrom(markerKeys: MarkerKeys | undefined): MarkerKeys | undefined {
  return deriveSubKeys(markerKeys, CONTROL_KEY_INFO);
}

/**
 * The text a control request is signed over: every field but `signature` (command, environment,
 * issue, requester, region, `issued_at`), bound to the repository it is dispatched to (`owner/repo`,
 * compared case-blind as GitHub does), in canonical JSON. One key signs for every repository the
 * App is installed on, so a request signed for one never holds in another.
 */
export function controlSigningText(params: { request: ControlRequest; repository: string }): string {
  const { signature: _ignored, ...signed } = params.request;
  return canonicalJson({ kind: SIGNED_KIND, repository: params.repository.toLowerCase(), request: signed });
}

/** HMAC-SHA256 (RFC 2104) of the signing text, as hex. */
export function controlRequestSignature(params: {
  request: ControlRequest;
  repository: string;
  key: Buffer;
}): string {
  return signMarkerText(controlSigningText(params), params.key);
}

/** The request with its `signature` under `key`, for a dispatch to `repository`. */
export function signControlRequest(params: {
  request: ControlRequest;
  repository: string;
  key: Buffer;
}): ControlRequest {
  return { ...params.request, signature: controlRequestSignature(params) };
}

/** Whether `signature` (hex) is the request's signature under `key`, compared in constant time. */
export function controlSignatureMatches(params: {
  request: ControlRequest;
  repository: string;
  signature: string;
  key: Buffer;
}): boolean {
  return markerSignatureMatches({
    text: controlSigningText(params),
    signature: params.signature,
    key: params.key,
  });
}
