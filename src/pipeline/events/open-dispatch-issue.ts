import type { RequestPayload } from '../../core/request/execution-request.js';
import { renderDispatchMarker } from '../../core/idempotency/dispatch-marker.js';
import { codeBlock } from '../../core/markdown/code-block.js';
import { fitBody } from '../../core/markdown/fit-body.js';
import { ISSUE_BODY_LIMIT } from '../../core/markdown/github-limits.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { redactJsonStrings } from '../../core/secrets/redact-json-strings.js';
import type { IssueAuthoringClient } from '../../github/task-client.js';
import type { RepositoryRef } from './task-event.js';

/**
 * The issue a dispatched request is tracked on. It is opened without the trigger label and by the
 * agent's own identity, whose events the agent ignores, so opening it cannot start a second run.
 * A hidden marker names the request id, so the same request dispatched again finds this issue;
 * it is signed with `signingKey` (the current dispatch key) when the agent has one.
 *
 * The request reached the agent privately (`repository_dispatch`) and the issue is public to every
 * reader of the repository, so its title, summary and request block are redacted string by string
 * (`redactJsonStrings`, the redaction of every other GitHub sink) — the marker is the agent's own
 * text and is not scanned. A later run reads the request back from this block (`parseIssueRequest`:
 * `/retry`, an approved hold, the deploy on merge): each secret is a `[REDACTED:<kind>]` marker
 * inside its JSON string, so the block stays the same request, as the model saw it (its prompt is
 * redacted the same way); a field a secret made invalid is refused then with the field named.
 * Throws when the scanner fails, before the issue is opened.
 */
export async function openDispatchIssue(params: {
  client: IssueAuthoringClient;
  repository: RepositoryRef;
  request: RequestPayload;
  requester: string;
  requestId: string;
  signingKey?: Buffer | undefined;
}): Promise<{ number: number; html_url: string }> {
  const request = await redactJsonStrings(params.request);
  const exec = request.execution_request;
  const body = [
    `Dispatched by @${params.requester}. implementation-agent tracks this request here; the pull request will close this issue.`,
    '',
    `**${untrustedInline(exec.task_name)}**: ${exec.task_type}, ${exec.execution_mode} mode, target ${untrustedInline(exec.target_environment)}.`,
    '',
    codeBlock({ text: JSON.stringify(request, null, 2), language: 'json' }),
    '',
    // Last, where the writer keeps a hidden line whole when it cuts a long payload.
    renderDispatchMarker(params.requestId, params.signingKey),
  ].join('\n');
  const { owner, repo } = params.repository;
  const created = await params.client.issues.create({
    owner,
    repo,
    title: `[Implementation]: ${exec.task_name}`,
    body: fitBody({ body, limit: ISSUE_BODY_LIMIT }),
  });
  return created.data;
}
