import { objectPrefixIn } from '../../../../src/generation/offline/blueprints/infrastructure/object-prefix.js';
import { aboutOtherResourceOnly } from '../../../../src/generation/offline/blueprints/infrastructure/other-resources.js';

describe('objectPrefixIn', () => {
  it.each([
    ['Objects under the tmp/ prefix expire after 7 days', 'tmp/'],
    ['when a file lands in the incoming/ prefix', 'incoming/'],
    ['raw/2024/ moves to Glacier', 'raw/2024/'],
    ['the "logs" prefix', 'logs'],
    ['see https://example.com/a/ for details', undefined],
    ['and/or 24/7 TCP/IP input/output.', undefined],
  ])('%s → %s', (text, prefix) => {
    expect(objectPrefixIn(text)).toBe(prefix);
  });
});

describe('aboutOtherResourceOnly', () => {
  it('binds a queue sentence to the queue, a sentence naming the bucket to the bucket', () => {
    expect(
      aboutOtherResourceOnly(['the', 'dead', 'letter', 'queue', 'keeps', 'them', 'for', '14', 'days']),
    ).toBe(true);
    expect(aboutOtherResourceOnly(['encrypt', 'the', 'queue', 'and', 'the', 'bucket'])).toBe(false);
    expect(aboutOtherResourceOnly(['keep', 'objects', 'for', '7', 'years'])).toBe(false);
  });
});
