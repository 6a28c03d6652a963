import { createHash } from 'node:crypto';
import { requestDigest } from '../../../src/core/idempotency/request-digest.js';

describe('requestDigest', () => {
  it('is the sha256 of the RFC 8785 canonical JSON, which anyone can compute', () => {
    const value = { b: [1, 'x', { d: 2.5, c: null }], a: 'é' };
    const canonical = '{"a":"é","b":[1,"x",{"c":null,"d":2.5}]}';
    expect(requestDigest(value)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('does not depend on key order, and tells any changed value apart', () => {
    const request = { execution_request: { task_type: 'application', task_name: 'Orders API' } };
    const reordered = { execution_request: { task_name: 'Orders API', task_type: 'application' } };
    expect(requestDigest(reordered)).toBe(requestDigest(request));
    const renamed = { execution_request: { task_type: 'application', task_name: 'Orders API ' } };
    expect(requestDigest(renamed)).not.toBe(requestDigest(request));
    expect(requestDigest(request)).toMatch(/^[0-9a-f]{64}$/);
  });
});
