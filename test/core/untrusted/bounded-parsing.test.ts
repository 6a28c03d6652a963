import { parseCommand } from '../../../src/core/commands/parse-command.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { parseDispatch } from '../../../src/core/request/parse-dispatch.js';
import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../../src/core/request/parse-issue-request.js';
import { parseRequestDocument } from '../../../src/core/request/parse-request-document.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';
import { validateRequest } from '../../../src/core/request/validate-request.js';
import { sanitizeUntrustedText } from '../../../src/core/untrusted/sanitize-untrusted-text.js';
import { parseStructuredText } from '../../../src/core/untrusted/parse-structured-text.js';
import {
  ADVERSARIAL_MARKDOWN,
  deeplyNestedPayload,
  fencedRequest,
} from '../../support/adversarial-inputs.js';

function errorsOf(result: ReturnType<typeof parseFencedPayload>): string {
  return result.kind === 'rejected'
    ? result.errors.map((error) => `${error.field}: ${error.message}`).join('\n')
    : '';
}

describe('parsers of untrusted text are bounded before the expensive work (issue #7, kind 1)', () => {
  it('refuses the 2 KB yaml block of 1,000 "[" — twice, since the second parse used to abort the process', () => {
    const comment = ADVERSARIAL_MARKDOWN['yaml-brackets']?.(2000) ?? '';
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const result = parseFencedPayload(comment, 'comment');
      expect(result.kind).toBe('rejected');
      expect(errorsOf(result)).toContain('nests more than 32 levels deep; it was not read');
    }
  });

  it('answers a 62 KB description of "<a" repeated 31,000 times with a field error, not a 16 s stall', () => {
    const parsed = parseFencedPayload(fencedRequest('<a'.repeat(31_000)), 'comment');
    const result = parsed.kind === 'not-a-request' ? undefined : validateParsedRequest(parsed);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'execution_request.description',
          message: 'must be at most 20000 characters, but has 62,000',
        },
      ],
    });
  });

  it('keeps "<a" runs as the text GitHub shows them, since "<a<a" is no tag', () => {
    expect(sanitizeUntrustedText('<a'.repeat(5_000)).text).toBe('<a'.repeat(5_000));
  });

  it('refuses a repository_dispatch client_payload nested 5,000 levels, naming where', () => {
    const result = parseDispatch({
      name: 'repository_dispatch',
      payload: { action: 'implementation-request', client_payload: deeplyNestedPayload(5_000) },
    });
    expect(result).toMatchObject({
      kind: 'rejected',
      errors: [
        {
          field: expect.stringMatching(/^client_payload\.context(\.next)+$/),
          message: expect.stringContaining('nested more than 32 levels deep'),
        },
      ],
    });
  });

  it('refuses deep values handed over whole (REST, files) and in validation, without a stack overflow', () => {
    const deep = deeplyNestedPayload(5_000);
    expect(parseRequestDocument({ channel: 'api', input: deep }).kind).toBe('rejected');
    expect(validateRequest(deep, 'api')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('nested more than') }],
    });
  });

  it('refuses a JSON text nested deeper than the bound before JSON.parse sees it', () => {
    expect(parseStructuredText({ text: `${'['.repeat(40)}${']'.repeat(40)}`, format: 'json' })).toEqual({
      ok: false,
      message: 'nests more than 32 levels deep; it was not read',
    });
    // Brackets inside JSON strings are text, not nesting.
    expect(
      parseStructuredText({ text: JSON.stringify({ pattern: '['.repeat(100) }), format: 'json' }).ok,
    ).toBe(true);
  });

  it('refuses YAML nested by indentation or by "- - -" before the YAML library sees it', () => {
    for (const name of ['yaml-indentation', 'yaml-dashes'] as const) {
      const text = (ADVERSARIAL_MARKDOWN[name]?.(4000) ?? '').replace(/^```yaml\n|```\n$/g, '');
      expect(parseStructuredText({ text, format: 'yaml' })).toMatchObject({
        ok: false,
        message: expect.stringContaining('levels deep'),
      });
    }
  });

  it('refuses a config file that is too long or too deep, as a config problem', () => {
    expect(parseAgentConfig(`a: ${'['.repeat(50)}${']'.repeat(50)}`)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('levels deep')],
    });
    expect(parseAgentConfig(`# ${'x'.repeat(70_000)}`)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('over the limit')],
    });
  });

  it.each(Object.keys(ADVERSARIAL_MARKDOWN))('answers %s at 60,000 characters without throwing', (name) => {
    const text = ADVERSARIAL_MARKDOWN[name]?.(60_000) ?? '';
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(['parsed', 'rejected']).toContain(parseIssueRequest(text).kind);
    expect(['parsed', 'rejected', 'not-a-request']).toContain(parseFencedPayload(text, 'comment').kind);
    expect(['command', 'invalid', 'not-a-command']).toContain(
      parseCommand({ body: text, environments: ['staging'] }).kind,
    );
    expect(typeof sanitizeUntrustedText(text).text).toBe('string');
  });
});
