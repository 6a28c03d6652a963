import {
  MAX_NESTING_DEPTH,
  sanitizeRequestCandidate,
} from '../../../src/core/request/sanitize-request-candidate.js';

describe('sanitizeRequestCandidate', () => {
  it('cleans every string and key, drops emptied stories, and totals what it removed', () => {
    const result = sanitizeRequestCandidate({
      execution_request: { task_name: 'Orders\u200B API', description: 'ok <!-- a --><!-- b -->' },
      support_artifacts: { user_stories: ['As a user I can pay', '<!-- only a comment -->'] },
      ['te\u200Bam']: '<b>payments</b>',
    });
    expect(result.candidate).toEqual({
      execution_request: { task_name: 'Orders API', description: 'ok' },
      support_artifacts: { user_stories: ['As a user I can pay'] },
      team: 'payments',
    });
    // The key's invisible character is taken off too, but keys are names, not text: only values are counted.
    expect(result.removed).toEqual([
      { kind: 'invisible-character', count: 1 },
      { kind: 'html-comment', count: 3 },
      { kind: 'html-tag', count: 2 },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('drops prototype keys and keeps numbers, booleans and null as they are', () => {
    const result = sanitizeRequestCandidate(
      JSON.parse('{"__proto__": {"polluted": true}, "n": 1, "b": false, "z": null}'),
    );
    expect(result.candidate).toEqual({ n: 1, b: false, z: null });
    expect(Object.getPrototypeOf(result.candidate)).toBe(Object.prototype);
  });

  it('reports values nested deeper than any request needs instead of walking them', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < MAX_NESTING_DEPTH + 5; level += 1) deep = { next: deep };
    const result = sanitizeRequestCandidate({ context: deep });
    expect(result.problems).toEqual([
      expect.objectContaining({ message: `is nested more than ${MAX_NESTING_DEPTH} levels deep` }),
    ]);
    expect(result.problems[0]?.field.split('.')).toHaveLength(MAX_NESTING_DEPTH);
  });
});
