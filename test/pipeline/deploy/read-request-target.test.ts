import { requestDigest } from '../../../src/core/idempotency/request-digest.js';
import { checkParsedRequest } from '../../../src/core/request/check-parsed-request.js';
import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { readRequestTarget } from '../../../src/pipeline/deploy/read-request-target.js';

const fenced = (target: string) =>
  [
    '```json',
    JSON.stringify({
      execution_request: {
        task_type: 'application',
        task_name: 'Orders API',
        execution_mode: 'automated',
        target_environment: target,
      },
    }),
    '```',
  ].join('\n');

const digestOf = (body: string) => {
  const checked = checkParsedRequest(parseFencedPayload(body, 'comment'));
  if (!checked.ok) throw new Error('not a valid request');
  return requestDigest(checked.payload);
};

/** Issue #1's body and comment 77, as GitHub has them now; a missing comment answers 404. */
function client(texts: { issue?: string; comment?: string }) {
  return {
    issues: {
      async get() {
        return { data: { body: texts.issue ?? '', user: { login: 'requester-dev' } } };
      },
      async getComment() {
        if (texts.comment === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { body: texts.comment, user: { login: 'requester-dev' } } };
      },
    },
  };
}

const read = (
  texts: { issue?: string; comment?: string },
  marker: { generated_from?: string; request_comment_id?: number },
) =>
  readRequestTarget({
    client: client(texts),
    owner: 'Codertocat',
    repo: 'Hello-World',
    issueNumber: 1,
    marker,
  });

describe('readRequestTarget: the target of the request a task generated from, proven by its digest', () => {
  it('the issue body the task generated from gives its target', async () => {
    const body = fenced('development');
    expect(await read({ issue: body }, { generated_from: digestOf(body) })).toBe('development');
  });

  it('an `/implement` comment the task took its request from gives its target, not the issue body', async () => {
    const comment = `/implement\n\n${fenced('staging')}`;
    const marker = { generated_from: digestOf(comment), request_comment_id: 77 };
    expect(await read({ issue: fenced('production'), comment }, marker)).toBe('staging');
  });

  it.each([
    [
      'the text was edited since',
      { issue: fenced('production') },
      { generated_from: digestOf(fenced('development')) },
    ],
    ['no digest was recorded', { issue: fenced('development') }, {}],
    [
      'the request comment was deleted',
      { issue: fenced('development') },
      { generated_from: digestOf(fenced('development')), request_comment_id: 77 },
    ],
    ['the text holds no valid request', { issue: 'nothing here' }, { generated_from: 'a'.repeat(64) }],
  ] as const)('nothing when %s', async (_case, texts, marker) => {
    expect(await read(texts, marker)).toBeUndefined();
  });
});
