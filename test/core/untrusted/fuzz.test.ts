import fc from 'fast-check';
import { parseCommand } from '../../../src/core/commands/parse-command.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { parseDispatch } from '../../../src/core/request/parse-dispatch.js';
import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { parseIssueForm } from '../../../src/core/request/parse-issue-form.js';
import { parseIssueRequest } from '../../../src/core/request/parse-issue-request.js';
import type { RequestParseResult } from '../../../src/core/request/request-parse-result.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';
import { parseStructuredText } from '../../../src/core/untrusted/parse-structured-text.js';
import { sanitizeUntrustedText } from '../../../src/core/untrusted/sanitize-untrusted-text.js';
import { wordsGitHubHides } from '../../support/github-rendering-oracle.js';

/** Bounded so the suite stays quick; a failure prints its seed for `fc.assert(…, { seed })`. */
const RUNS = { numRuns: 150 };

/** Pieces of markdown, HTML and payload syntax that hostile text combines. */
const FRAGMENTS = [
  '<!--',
  '-->',
  '<!',
  '<?',
  '<',
  '>',
  '</',
  '/>',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '`',
  '```',
  '~~~',
  '*',
  '_',
  '**',
  '#',
  '### ',
  '### Task name',
  '### Description',
  '### User stories',
  '\n',
  '\n\n',
  '> ',
  '- ',
  '1. ',
  '    ',
  '|',
  '---',
  '&#8203;',
  '&#x202E;',
  '&amp;',
  '&',
  '\u200B',
  '\u202E',
  '\uFE0F',
  '\u{E0041}',
  '<details>',
  '</details>',
  '<summary>',
  '<script>',
  '</script>',
  '<style>',
  '<b>',
  '</b>',
  '<div hidden>',
  '</div>',
  '<img alt="x" src=y>',
  '<a title="t" href="h">',
  '</a>',
  '```json\n',
  '```yaml\n',
  '{"execution_request":',
  '"task_type":',
  '"application"',
  '}',
  '{',
  ':',
  ',',
  '"',
  "'",
  'a',
  'word',
  'Orders',
  ' ',
  '\t',
  '\\',
  '[ref]: http://x "title"',
  '/implement',
  '/deploy',
  'staging',
  '__proto__',
  'constructor',
  '_No response_',
];

const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/**
 * The oracle's HTML step (hast-util-from-html) reads `<script>` and `<style>` as raw text in ways
 * no browser does (`a</script>b` keeps its tag as text), so the oracle property leaves them out;
 * their hiding is asserted case by case in sanitize-untrusted-text.test.ts.
 */
const ORACLE_FRAGMENTS = FRAGMENTS.filter((fragment) => !/script|style/.test(fragment));
const oracleText = fc
  .array(fc.constantFrom(...ORACLE_FRAGMENTS), { maxLength: 60 })
  .map((parts) => parts.join(''));

function expectAnswer(result: RequestParseResult): void {
  if (result.kind === 'not-a-request') {
    expect(result.reason).toEqual(expect.any(String));
    return;
  }
  const validated = validateParsedRequest(result);
  if (!validated.ok) {
    expect(validated.errors.length).toBeGreaterThan(0);
    for (const error of validated.errors) {
      expect(error.message).toEqual(expect.any(String));
      expect(error.fix).toEqual(expect.any(String));
    }
  }
}

function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    probe['polluted'] === undefined &&
    probe['leaf'] === undefined &&
    Object.keys(Object.prototype).length === 0
  );
}

describe('fuzzing every parser of untrusted text (issue #7)', () => {
  afterEach(() => expect(prototypeIsClean()).toBe(true));

  it('the request readers always answer: parsed, refused with reasons, or not a request', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expectAnswer(parseIssueRequest(text));
        expectAnswer(parseFencedPayload(text, 'comment'));
        expectAnswer(parseIssueForm(text));
      }),
      RUNS,
    );
  });

  it('the command parser always answers', () => {
    fc.assert(
      fc.property(hostileText, fc.array(fc.string(), { maxLength: 3 }), (body, environments) => {
        expect(['command', 'invalid', 'not-a-command']).toContain(parseCommand({ body, environments }).kind);
      }),
      RUNS,
    );
  });

  it('dispatch payloads of any shape are answered, and none pollutes a prototype', () => {
    const payload = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }),
      fc.anything({ maxDepth: 4, withObjectString: true }),
      fc
        .jsonValue()
        .map(
          (value) =>
            JSON.parse(`{"__proto__": {"polluted": true}, "x": ${JSON.stringify(value ?? null)}}`) as unknown,
        ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('workflow_dispatch', 'repository_dispatch'),
        payload,
        (name, clientPayload) => {
          expectAnswer(
            parseDispatch({
              name,
              payload: {
                action: 'implementation-request',
                client_payload: clientPayload,
                inputs: clientPayload,
              },
            }),
          );
        },
      ),
      RUNS,
    );
  });

  it('structured text, config and templates are answered with ok or a message', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const format of ['json', 'yaml'] as const) {
          const result = parseStructuredText({ text, format });
          if (!result.ok) expect(result.message).toEqual(expect.any(String));
        }
        const config = parseAgentConfig(text);
        if (!config.ok) expect(config.problems.length).toBeGreaterThan(0);
        const template = parseTemplate(text);
        if (!template.ok) expect(template.message).toEqual(expect.any(String));
      }),
      RUNS,
    );
  });

  it('the sanitizer keeps only words GitHub shows (the oracle: micromark + GitHub sanitize schema)', () => {
    fc.assert(
      fc.property(oracleText, (text) => {
        expect(wordsGitHubHides(sanitizeUntrustedText(text).text, text)).toEqual([]);
      }),
      RUNS,
    );
  });
});
