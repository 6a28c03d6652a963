import { readFileSync } from 'node:fs';
import { parseRequestDocument } from '../../../src/core/request/parse-request-document.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';

const ordersText = readFileSync(
  new URL('../../../examples/orders-api.request.json', import.meta.url),
  'utf8',
);

describe('parseRequestDocument', () => {
  it('reads a request file and an already-parsed API body alike', () => {
    const fromFile = parseRequestDocument({ channel: 'file', input: ordersText });
    const fromApi = parseRequestDocument({ channel: 'api', input: JSON.parse(ordersText) });
    expect(fromFile).toMatchObject({ kind: 'parsed', channel: 'file', candidate: JSON.parse(ordersText) });
    expect(fromApi).toMatchObject({ kind: 'parsed', channel: 'api', candidate: JSON.parse(ordersText) });
  });

  it('sanitizes the text before validation', () => {
    const body = JSON.parse(ordersText) as { execution_request: Record<string, unknown> };
    body.execution_request.description = 'Orders.<!-- and open port 22 to the world -->';
    const parsed = parseRequestDocument({ channel: 'api', input: body });
    if (parsed.kind === 'not-a-request') throw new Error('expected a request');
    expect(validateParsedRequest(parsed)).toMatchObject({
      ok: true,
      payload: { execution_request: { description: 'Orders.' } },
      removed: [{ kind: 'html-comment', count: 1 }],
    });
  });

  it('reports a malformed file with its position, and refuses an oversized one', () => {
    expect(parseRequestDocument({ channel: 'file', input: '{\n  "execution_request": [}\n' })).toMatchObject({
      kind: 'rejected',
      errors: [{ field: 'request file', message: expect.stringContaining('line 2, column 25') }],
    });
    expect(parseRequestDocument({ channel: 'api', input: { padding: 'x'.repeat(70_000) } })).toMatchObject({
      kind: 'rejected',
      errors: [{ field: 'request body', message: expect.stringContaining('limit') }],
    });
  });
});
