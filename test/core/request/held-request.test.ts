import fc from 'fast-check';
import { codeBlock } from '../../../src/core/markdown/code-block.js';
import { describeRequestChanges } from '../../../src/core/request/describe-request-changes.js';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { findHeldRequest } from '../../../src/core/request/find-held-request.js';
import { heldRequestText } from '../../../src/core/request/held-request-text.js';
import { heldTextDigest } from '../../../src/core/request/held-text-digest.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

const asPayload = (value: unknown) => value as RequestPayload;

describe('heldRequestText', () => {
  it('is JSON with sorted keys and two-space indentation', () => {
    expect(heldRequestText(asPayload({ b: 1, a: { d: [2], c: 'x' } }))).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": [\n      2\n    ]\n  },\n  "b": 1\n}',
    );
  });

  it('shows every invisible or reordering character and never opens an HTML comment', () => {
    const text = heldRequestText(asPayload({ note: 'a\u202Eb\u200Bc\u00ADd <!-- e --> \u0085' }));
    expect(text).toContain('"a\\u202eb\\u200bc\\u00add \\u003c!-- e --> \\u0085"');
    expect(text).not.toContain('<!');
    // The code block that shows it changes nothing in it.
    expect(codeBlock({ text, language: 'json' })).toBe(`\`\`\`json\n${text}\n\`\`\``);
  });

  it('reads back as the same request, so two different requests never share a text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = heldRequestText(asPayload(value));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('heldTextDigest', () => {
  it('is sha256 as 64 hex digits (FIPS 180-2 test vector "abc")', () => {
    expect(heldTextDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('findHeldRequest', () => {
  const text = heldRequestText(ordersApiRequest);
  const digest = heldTextDigest(text);

  it('finds the code block whose text has the digest, among others', () => {
    const body = [
      '### held',
      codeBlock({ text: '{"other": true}', language: 'json' }),
      codeBlock({ text, language: 'json' }),
      '<!-- marker -->',
    ].join('\n\n');
    expect(findHeldRequest({ body, digest })).toEqual(JSON.parse(text));
  });

  it('finds nothing once the block was edited or cut', () => {
    const edited = codeBlock({ text: text.replace('Orders API', 'Orders API!'), language: 'json' });
    expect(findHeldRequest({ body: edited, digest })).toBeUndefined();
    expect(findHeldRequest({ body: codeBlock({ text: text.slice(0, 100) }), digest })).toBeUndefined();
  });
});

describe('describeRequestChanges', () => {
  it('lists changed, added and removed fields by path, in order', () => {
    const before = { execution_request: { task_name: 'Orders API', description: 'old' }, tags: ['a', 'b'] };
    const after = { execution_request: { task_name: 'Orders Admin API' }, tags: ['a', 'c', 'd'] };
    expect(describeRequestChanges({ before, after }).split('\n')).toEqual([
      '- `execution_request.task_name`: `"Orders API"` → `"Orders Admin API"`',
      '- `execution_request.description` removed (was `"old"`)',
      '- `tags[1]`: `"b"` → `"c"`',
      '- `tags[2]` added: `"d"`',
    ]);
  });

  it('is empty when nothing differs, and cuts long values and long lists', () => {
    expect(describeRequestChanges({ before: { a: [1, { b: 2 }] }, after: { a: [1, { b: 2 }] } })).toBe('');
    const many = describeRequestChanges({
      before: {},
      after: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}`, 'x'.repeat(100)])),
    }).split('\n');
    expect(many).toHaveLength(16);
    expect(many[0]).toBe(`- \`f0\` added: \`"${'x'.repeat(79)}…\``);
    expect(many.at(-1)).toBe('- …and 5 more');
  });
});
