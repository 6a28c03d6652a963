import {
  dispatchRequestId,
  OUT_OF_BOUNDS_REQUEST_ID,
} from '../../../src/core/idempotency/dispatch-request-id.js';
import { deeplyNestedPayload } from '../../support/adversarial-inputs.js';

const dispatch = (clientPayload: unknown) => ({
  name: 'repository_dispatch',
  payload: { action: 'implementation-request', client_payload: clientPayload },
});

describe('dispatchRequestId', () => {
  it('uses a plain request_id as sent, and names any other by its sha256', () => {
    expect(dispatchRequestId(dispatch({ request_id: 'JIRA-123' }))).toBe('JIRA-123');
    expect(dispatchRequestId(dispatch({ request_id: 'has spaces and / slashes' }))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a payload without request_id by its canonical digest: key order does not matter', () => {
    expect(dispatchRequestId(dispatch({ a: 1, b: [1, 2] }))).toBe(
      dispatchRequestId(dispatch({ b: [1, 2], a: 1 })),
    );
    expect(dispatchRequestId(dispatch({ a: 1 }))).not.toBe(dispatchRequestId(dispatch({ a: 2 })));
  });

  // Issue #7's example: a client_payload nested 5,000 levels threw an uncaught RangeError. The
  // request id is computed before the request is parsed (the app queues by it), so it must not walk it.
  it('names a payload past the nesting or count bounds without walking it', () => {
    expect(() => dispatchRequestId(dispatch(deeplyNestedPayload(5_000)))).not.toThrow();
    expect(dispatchRequestId(dispatch(deeplyNestedPayload(5_000)))).toBe(OUT_OF_BOUNDS_REQUEST_ID);
    const wide = Object.fromEntries(Array.from({ length: 6_000 }, (_, index) => [`k${index}`, index]));
    expect(dispatchRequestId(dispatch(wide))).toBe(OUT_OF_BOUNDS_REQUEST_ID);
  });
});
