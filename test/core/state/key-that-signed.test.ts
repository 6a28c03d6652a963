import { keyThatSigned } from '../../../src/core/state/key-that-signed.js';

const current = Buffer.from('current-key');
const previous = Buffer.from('previous-key');
const other = Buffer.from('other-key');
const signedBy = (signer: Buffer) => (key: Buffer) => key.equals(signer);

describe('keyThatSigned', () => {
  it('names the current key first', () => {
    expect(keyThatSigned({ current, previous }, () => true)).toBe('current');
  });

  it('names the previous key during a rotation', () => {
    expect(keyThatSigned({ current, previous }, signedBy(previous))).toBe('previous');
  });

  it('finds no key when the signature holds under neither', () => {
    expect(keyThatSigned({ current, previous }, signedBy(other))).toBeUndefined();
  });

  it('does not accept the previous key once the rotation ended', () => {
    expect(keyThatSigned({ current }, signedBy(previous))).toBeUndefined();
  });
});
