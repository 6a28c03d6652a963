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

  it('reads no Object.prototype member as an irregular form (`constructor`, `__proto__` in issue text)', () => {
    expect(participle('constructor')).toBe('constructored');
    expect(participle('__proto__')).toBe('__proto__ed');
  });

  it('keeps the irregular and regular forms it had', () => {
    expect(participle('open')).toBe('open');
    expect(participle('ship')).toBe('shipped');
    expect(participle('place')).toBe('placed');
    expect(participle('pay')).toBe('paid');
    expect(participle('resolve')).toBe('resolved');
  });

  it.each([
    ['freeze', 'frozen'],
    ['withdraw', 'withdrawn'],
    ['hide', 'hidden'],
    ['sell', 'sold'],
    ['take', 'taken'],
    ['choose', 'chosen'],
    ['give', 'given'],
    ['override', 'overridden'],
    ['write', 'written'],
    ['send', 'sent'],
    ['buy', 'bought'],
    ['pay', 'paid'],
    ['break', 'broken'],
    ['undo', 'undone'],
    ['withhold', 'withheld'],
    ['unfreeze', 'unfrozen'],
  ])('gives the irregular verb "%s" its participle "%s"', (verb, expected) => {
    expect(participle(verb)).toBe(expected);
  });

  it('keeps an irregular participle as it is and leaves regular look-alikes regular', () => {
    expect(participle('sold')).toBe('sold');
    expect(participle('withdrawn')).toBe('withdrawn');
    expect(participle('freed')).toBe('freed');
    expect(participle('approve')).toBe('approved');
    expect(participle('draw')).toBe('drawn');
    expect(participle('show')).toBe('shown');
  });
});
