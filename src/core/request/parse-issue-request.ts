import { MINIMAL_REQUEST_EXAMPLE } from './minimal-request-example.js';
import { readMarkdownBlocks } from '../untrusted/markdown/read-markdown-blocks.js';
import { payloadFromBlocks } from './parse-fenced-payload.js';
import { formFromBlocks } from './parse-issue-form.js';
import { rejectedRequest, type RequestParseResult } from './request-parse-result.js';
import { checkRequestSize } from './request-size-limit.js';

/**
 * Reads a request from an issue body: the form's sections first, else a fenced json/yaml payload,
 * else an error that explains both ways to write one. Never `not-a-request`: whoever calls this has
 * decided the issue is meant as a request (the form's label, the `implementation` label, `/implement`).
 */
export function parseIssueRequest(body: string | null | undefined): RequestParseResult {
  const text = body ?? '';
  const sizeError = checkRequestSize({ text, source: 'issue body' });
  if (sizeError) return rejectedRequest('issue-form', [sizeError]);
  const markdown = readMarkdownBlocks(text);
  const form = formFromBlocks(markdown);
  if (form.kind !== 'not-a-request') return form;
  const fenced = payloadFromBlocks(markdown, 'issue body');
  if (fenced.kind !== 'not-a-request') return fenced;
  return rejectedRequest('issue-form', [
    {
      field: 'issue body',
      message:
        'holds no implementation request: it has neither the sections of the "Implementation request" issue form nor a fenced json or yaml block with the payload',
      fix: `Open the issue with the "Implementation request" form, or put the payload in a fenced json block, e.g. ${JSON.stringify(MINIMAL_REQUEST_EXAMPLE)}`,
    },
  ]);
}
