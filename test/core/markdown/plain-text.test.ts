import { plainText } from '../../../src/core/markdown/plain-text.js';
import { untrustedInline } from '../../../src/core/markdown/untrusted-inline.js';

describe('plainText', () => {
  it('reads our markdown as the text a reader sees', () => {
    expect(plainText('Delete it with `aws cloudformation delete-stack --stack-name a_b` **now**')).toBe(
      'Delete it with aws cloudformation delete-stack --stack-name a_b now',
    );
  });

  it('gives back untrusted text exactly as it was before escaping', () => {
    const raw = 'Resource [X] <failed> *again* @team #12 a|b `c` AT&T &amp; 50$';
    expect(plainText(`Failed: ${untrustedInline(raw)}`)).toBe(`Failed: ${raw}`);
  });
});
