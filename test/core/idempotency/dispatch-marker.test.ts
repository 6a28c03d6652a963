import { parseDispatchMarker, renderDispatchMarker } from '../../../src/core/idempotency/dispatch-marker.js';

describe('the dispatch marker', () => {
  it('reads back the request id it was written with, from anywhere in an issue body', () => {
    const body = `Dispatched by @octocat.\n\n\`\`\`json\n{}\n\`\`\`\n\n${renderDispatchMarker('ORD-1234')}\n`;
    expect(parseDispatchMarker(body)).toBe('ORD-1234');
  });

  it('cannot be closed early by the id it carries', () => {
    const id = 'a --> <script>';
    const marker = renderDispatchMarker(id);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(parseDispatchMarker(marker)).toBe(id);
  });

  it('reads nothing from a body without one, or with one that does not parse', () => {
    expect(parseDispatchMarker('An ordinary issue')).toBeUndefined();
    expect(parseDispatchMarker('<!-- implementation-agent:dispatch {"request_id": -->')).toBeUndefined();
    expect(parseDispatchMarker('<!-- implementation-agent:dispatch {"request_id": 7} -->')).toBeUndefined();
  });
});
