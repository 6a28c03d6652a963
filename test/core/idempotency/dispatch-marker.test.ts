import {
  dispatchKeysFrom,
  parseDispatchMarker,
  renderDispatchMarker,
} from '../../../src/core/idempotency/dispatch-marker.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';

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

describe('signed dispatch markers', () => {
  const markerKeys = markerKeysFrom({ secret: 'new-secret', previousSecret: 'old-secret' }) as MarkerKeys;
  const keys = dispatchKeysFrom(markerKeys) as MarkerKeys;
  const oldKeys = dispatchKeysFrom(markerKeysFrom({ secret: 'old-secret' })) as MarkerKeys;

  it('with a key, reads only a marker signed with it (or the previous key during a rotation)', () => {
    expect(parseDispatchMarker(renderDispatchMarker('ORD-1', keys.current), keys)).toBe('ORD-1');
    expect(parseDispatchMarker(renderDispatchMarker('ORD-1', oldKeys.current), keys)).toBe('ORD-1');
    expect(parseDispatchMarker(renderDispatchMarker('ORD-1'), keys)).toBeUndefined();
    const foreign = dispatchKeysFrom(markerKeysFrom({ secret: 'another' })) as MarkerKeys;
    expect(parseDispatchMarker(renderDispatchMarker('ORD-1', foreign.current), keys)).toBeUndefined();
  });

  it('refuses a signed marker whose id was changed, and a status-marker key’s signature', () => {
    const tampered = renderDispatchMarker('ORD-1', keys.current).replace('ORD', 'ORX');
    expect(parseDispatchMarker(tampered, keys)).toBeUndefined();
    expect(parseDispatchMarker(renderDispatchMarker('ORD-1', markerKeys.current), keys)).toBeUndefined();
  });

  it('reads the last marker of the body: a copy inside the request text before it does not count', () => {
    const body = `${renderDispatchMarker('FORGED')}\n\n${renderDispatchMarker('ORD-1', keys.current)}`;
    expect(parseDispatchMarker(body, keys)).toBe('ORD-1');
  });

  it('without a key, reads a signed marker too (the signature is not checked)', () => {
    expect(parseDispatchMarker(renderDispatchMarker('ORD-1', keys.current))).toBe('ORD-1');
  });
});
