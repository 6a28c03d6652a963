import { checkParsedRequest } from '../../../src/core/request/check-parsed-request.js';
import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { readExample } from '../../fixtures/webhook-payloads.js';

const fenced = (json: string) =>
  parseFencedPayload(['/implement', '```json', json, '```'].join('\n'), 'comment');

describe('checkParsedRequest', () => {
  it('gives the valid request', () => {
    const checked = checkParsedRequest(fenced(readExample('orders-api.request.json')));
    expect(checked.ok && checked.payload.execution_request.task_name).toBe('Orders API');
  });

  it('answers every field error in one message', () => {
    const checked = checkParsedRequest(fenced('{"execution_request": {"task_type": "spaceship"}}'));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain('task_type');
  });

  it('says no request was found, in the words the caller gives', () => {
    const nothing = { kind: 'not-a-request', reason: 'no fenced block' } as const;
    expect(checkParsedRequest(nothing)).toEqual({
      ok: false,
      message: 'No implementation request was found.',
    });
    expect(checkParsedRequest(nothing, 'Nothing in the dispatch payload.')).toEqual({
      ok: false,
      message: 'Nothing in the dispatch payload.',
    });
  });
});
