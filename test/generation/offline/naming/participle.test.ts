import { participle } from '../../../../src/generation/offline/naming/participle.js';

describe('participle: the status a verb sets', () => {
  it('makes a regular -en verb regular: reopen → reopened, not a status named "reopen"', () => {
    expect(participle('reopen')).toBe('reopened');
    expect(participle('harden')).toBe('hardened');
    expect(participle('listen')).toBe('listened');
  });

  it('keeps a word that already is a participle', () => {
    expect(participle('written')).toBe('written');
    expect(participle('frozen')).toBe('frozen');
    expect(participle('approved')).toBe('approved');
  });

  it('keeps the irregular and regular forms it had', () => {
    expect(participle('open')).toBe('open');
    expect(participle('ship')).toBe('shipped');
    expect(participle('place')).toBe('placed');
    expect(participle('pay')).toBe('paid');
    expect(participle('resolve')).toBe('resolved');
  });
});
