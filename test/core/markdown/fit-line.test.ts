import { fitLine } from '../../../src/core/markdown/fit-line.js';
import { DEPLOYMENT_DESCRIPTION_LIMIT } from '../../../src/core/markdown/github-limits.js';

describe('fitLine', () => {
  it('cuts a 200-character deployment status description to 140 characters ending in …', () => {
    const text = `Deploy of orders-staging failed: ${'r'.repeat(200)}`.slice(0, 200);
    const line = fitLine({ text, limit: DEPLOYMENT_DESCRIPTION_LIMIT });
    expect(line).toHaveLength(140);
    expect(line.endsWith('…')).toBe(true);
    expect(line.startsWith('Deploy of orders-staging failed: ')).toBe(true);
  });

  it('keeps a short line and puts a multi-line one on one line', () => {
    expect(fitLine({ text: 'Deployed', limit: DEPLOYMENT_DESCRIPTION_LIMIT })).toBe('Deployed');
    expect(fitLine({ text: 'one\n\ntwo\r\nthree', limit: DEPLOYMENT_DESCRIPTION_LIMIT })).toBe(
      'one two three',
    );
  });

  it('never leaves half an emoji at the cut', () => {
    const line = fitLine({ text: '🚀'.repeat(100), limit: DEPLOYMENT_DESCRIPTION_LIMIT });
    expect(line.length).toBeLessThanOrEqual(140);
    expect(line).toBe(`${'🚀'.repeat(69)}…`);
  });
});
