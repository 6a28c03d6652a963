import { requestDigest } from '../../core/idempotency/request-digest.js';
import { checkParsedRequest } from '../../core/request/check-parsed-request.js';
import { parseFencedPayload } from '../../core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../core/request/parse-issue-request.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { readRequestSource, type RequestSourceClient } from '../../github/read-request-source.js';

/**
 * The `target_environment` of the request a task generated from, for markers written before they
 * recorded `environment`: the request text is read where the task took it (its `/implement`
 * comment, else the issue body) and believed only when its digest (`requestDigest`) is the trusted
 * marker's `generated_from` — text edited since, or a task that never recorded its digest, gives
 * `undefined`, as does a deleted comment or a request that no longer validates. Throws GitHub's
 * HTTP errors other than a deleted comment's 404.
 */
export async function readRequestTarget(params: {
  client: RequestSourceClient;
  owner: string;
  repo: string;
  issueNumber: number;
  /** The task's trusted marker. */
  marker: Pick<TaskMarker, 'generated_from' | 'request_comment_id'>;
}): Promise<string | undefined> {
  const { marker } = params;
  if (marker.generated_from === undefined) return undefined;
  const source = await readRequestSource({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    issueNumber: params.issueNumber,
    requestCommentId: marker.request_comment_id,
  });
  if (source.kind === 'deleted') return undefined;
  const parsed =
    source.kind === 'comment' ? parseFencedPayload(source.body, 'comment') : parseIssueRequest(source.body);
  const validation = checkParsedRequest(parsed);
  if (!validation.ok || requestDigest(validation.payload) !== marker.generated_from) return undefined;
  return validation.payload.execution_request.target_environment;
}
