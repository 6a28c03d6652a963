import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { heldRequestText } from '../../../src/core/request/held-request-text.js';
import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { heldTextDigest } from '../../../src/core/request/held-text-digest.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

/** The test app's bot login, as `GET /app` would give it (`<slug>[bot]`). */
export const APP_LOGIN = 'implementation-agent[bot]';
/** The test app's webhook secret, from which its marker key is derived. */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret';
export const TEST_MARKER_KEYS = markerKeysFrom({ secret: TEST_WEBHOOK_SECRET }) as MarkerKeys;

/**
 * A status comment as the listComments API returns it. By default written the way the app writes
 * it: by its bot, with its marker signed by the test app's key. `user` and `signingKey` (null for
 * none) make forgeries.
 */
export function agentStatusComment(params: {
  id?: number;
  marker: TaskMarker;
  details?: string;
  user?: { login: string; type: string };
  signingKey?: Buffer | null;
}) {
  const key = params.signingKey === undefined ? TEST_MARKER_KEYS.current : params.signingKey;
  return {
    id: params.id ?? 900,
    user: params.user ?? { login: APP_LOGIN, type: 'Bot' },
    body: renderStatusComment({
      marker: params.marker,
      ...(params.details === undefined ? {} : { details: params.details }),
      ...(key === null ? {} : { signingKey: key }),
    }),
  };
}

/**
 * The digest a hold records for the request in a `/implement` comment (or an issue body holding
 * a fenced payload): sha256 of `heldRequestText` of the request as the pipeline validates it.
 */
export function heldDigestOf(body: string): string {
  const parsed = parseFencedPayload(body, 'comment');
  const validation = parsed.kind === 'not-a-request' ? undefined : validateParsedRequest(parsed);
  if (!validation?.ok) throw new Error('the test request is not valid');
  return heldTextDigest(heldRequestText(validation.payload));
}
