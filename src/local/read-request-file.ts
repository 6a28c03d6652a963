import { readFile } from 'node:fs/promises';
import type { RequestPayload } from '../core/request/execution-request.js';
import { formatRequestErrors } from '../core/request/format-request-errors.js';
import { parseIssueRequest } from '../core/request/parse-issue-request.js';
import { parseRequestDocument } from '../core/request/parse-request-document.js';
import { validateParsedRequest } from '../core/request/validate-parsed-request.js';

export type RequestFileResult =
  | { readonly kind: 'valid'; readonly request: RequestPayload }
  /** The request's own problems, every field error with its fix (markdown). */
  | { readonly kind: 'invalid'; readonly message: string }
  /** The file could not be read at all: a wrong invocation, not a bad request. */
  | { readonly kind: 'unreadable'; readonly message: string };

const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
};

/**
 * Reads a request file: JSON or YAML, or an issue body in markdown (`.md`, `.markdown`: the issue
 * form's rendering or a fenced payload), then validates it with the schema every channel shares.
 */
export async function readRequestFile(file: string): Promise<RequestFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const problem = READ_PROBLEMS[code] ?? (error instanceof Error ? error.message : String(error));
    return { kind: 'unreadable', message: `Cannot read the request file ${file}: ${problem}.` };
  }
  if (text.trim() === '')
    return {
      kind: 'invalid',
      message: `The request file ${file} is empty. Write the request in it (see examples/orders-api.request.json).`,
    };
  const parsed = /\.(md|markdown)$/i.test(file)
    ? parseIssueRequest(text)
    : parseRequestDocument({ channel: 'file', input: text });
  if (parsed.kind === 'not-a-request')
    return { kind: 'invalid', message: `${file} does not hold an implementation request.` };
  const validation = validateParsedRequest(parsed);
  return validation.ok
    ? { kind: 'valid', request: validation.payload }
    : {
        kind: 'invalid',
        message: formatRequestErrors({
          errors: validation.errors,
          channel: validation.channel,
          fromFile: true,
        }),
      };
}
