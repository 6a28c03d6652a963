import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { MAX_REQUEST_LENGTH } from '../../../src/core/request/request-size-limit.js';

const WHOLE_PAYLOAD = {
  execution_request: {
    task_type: 'infrastructure',
    task_name: 'Event archive',
    execution_mode: 'hybrid',
    target_environment: 'staging',
  },
  assessment_results: { overall_score: 8 },
};

describe('parseFencedPayload', () => {
  it('reads a whole payload from a ```json block in prose', () => {
    const body = `Please build this.\n\n\`\`\`json\n${JSON.stringify(WHOLE_PAYLOAD, null, 2)}\n\`\`\`\n\nThanks!`;
    expect(parseFencedPayload(body)).toMatchObject({
      kind: 'parsed',
      channel: 'issue-payload',
      candidate: WHOLE_PAYLOAD,
    });
  });

  it('wraps a bare execution_request in a ```yaml block, keeping payload sections beside it', () => {
    const body = [
      '```yaml',
      'task_type: application',
      'task_name: Orders API',
      'execution_mode: guided',
      'target_environment: development',
      'support_artifacts:',
      '  user_stories: [As a customer I can place an order]',
      '```',
    ].join('\n');
    expect(parseFencedPayload(body, 'comment')).toMatchObject({
      kind: 'parsed',
      candidate: {
        execution_request: {
          task_type: 'application',
          task_name: 'Orders API',
          execution_mode: 'guided',
          target_environment: 'development',
        },
        support_artifacts: { user_stories: ['As a customer I can place an order'] },
      },
    });
  });

  it('accepts ```yml and tilde fences, and skips blocks that are not payloads', () => {
    const body = `\`\`\`json\n{"log": "unrelated"}\n\`\`\`\n~~~yml\nexecution_request:\n  task_type: testing\n~~~`;
    expect(parseFencedPayload(body)).toMatchObject({
      candidate: { execution_request: { task_type: 'testing' } },
    });
  });

  it('reports malformed JSON with the block line and the position inside it', () => {
    const body =
      'Intro\n\n```json\n{\n  "execution_request": {\n    "task_type": "application",,\n  }\n}\n```';
    const result = parseFencedPayload(body);
    expect(result).toMatchObject({ kind: 'rejected', channel: 'issue-payload' });
    const [error] = result.kind === 'rejected' ? result.errors : [];
    expect(error?.field).toBe('issue body');
    expect(error?.message).toContain('starting on line 3');
    expect(error?.message).toContain('line 3, column 32');
  });

  it('says there is no payload when there is no json or yaml block', () => {
    expect(parseFencedPayload('```ts\nconst a = 1;\n```').kind).toBe('not-a-request');
    expect(parseFencedPayload('just words').kind).toBe('not-a-request');
  });

  it('keeps unknown extra fields', () => {
    const body = `\`\`\`json\n${JSON.stringify({ ...WHOLE_PAYLOAD, upstream: { ticket: 'PLAT-42' } })}\n\`\`\``;
    expect(parseFencedPayload(body)).toMatchObject({ candidate: { upstream: { ticket: 'PLAT-42' } } });
  });

  it('rejects a body over the size limit before looking inside it', () => {
    const padding = 'x'.repeat(MAX_REQUEST_LENGTH);
    const body = `\`\`\`json\n${JSON.stringify({ ...WHOLE_PAYLOAD, padding })}\n\`\`\``;
    expect(parseFencedPayload(body)).toEqual({
      kind: 'rejected',
      channel: 'issue-payload',
      errors: [
        expect.objectContaining({
          field: 'issue body',
          message: expect.stringContaining('over the 65,536-character limit'),
        }),
      ],
    });
  });
});
