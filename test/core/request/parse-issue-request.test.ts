import { readFileSync } from 'node:fs';
import { parseIssueRequest } from '../../../src/core/request/parse-issue-request.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';

function example(name: string): string {
  return readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
}

function validated(body: string | null) {
  const parsed = parseIssueRequest(body);
  if (parsed.kind === 'not-a-request') throw new Error('parseIssueRequest must always answer');
  return validateParsedRequest(parsed);
}

describe('parseIssueRequest', () => {
  it('reads the form, and the form wins over the json block inside its additional context', () => {
    const result = validated(example('orders-api.issue.md'));
    expect(result).toMatchObject({
      ok: true,
      channel: 'issue-form',
      payload: {
        execution_request: {
          task_type: 'application',
          task_name: 'Orders API',
          deployment_strategy: 'canary',
        },
        assessment_results: { overall_score: 7.5 },
        planning_results: { timeline: '12 months', milestones: ['MVP', 'GA'] },
        team: 'payments',
      },
    });
  });

  it('falls back to a fenced payload', () => {
    expect(validated(example('payments-webhook.issue.md'))).toMatchObject({
      ok: true,
      channel: 'issue-payload',
      payload: { execution_request: { task_type: 'integration', task_name: 'Payments webhook' } },
    });
  });

  it('explains both formats, with an example, when the body has neither', () => {
    for (const body of ['Please build an orders API, thanks!', null]) {
      const result = validated(body);
      expect(result).toMatchObject({ ok: false, errors: [{ field: 'issue body' }] });
      const [error] = result.ok ? [] : result.errors;
      expect(error?.message).toContain('issue form');
      expect(error?.message).toContain('fenced json or yaml block');
      expect(error?.fix).toContain('"execution_request"');
    }
  });

  it('rejects a 1 MB body without parsing it', () => {
    const form = example('orders-api.issue.md');
    const body = form.replace('### Description\n\n', `### Description\n\n${'a'.repeat(1024 * 1024)}\n`);
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const result = validated(body);
    expect(result).toEqual({
      ok: false,
      channel: 'issue-form',
      removed: [],
      errors: [
        {
          field: 'issue body',
          message: `is ${body.length.toLocaleString('en-US')} characters, over the 65,536-character limit for a request (GitHub's own limit for an issue or comment); it was not read`,
          fix: expect.any(String),
        },
      ],
    });
  });
});
