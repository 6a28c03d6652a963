import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactSecrets, TOO_MANY_SECRETS_MARKER } from '../../../src/core/secrets/redact-secrets.js';
import { scanJoinedPieces } from '../../../src/core/secrets/scan-joined-pieces.js';

/**
 * Issue #10: a list of split tokens back to back (`['ghp_', '<A>', 'ghp_', '<B>', …]`) is found
 * one token per rescan (each runs into the next, so the rule's look-ahead refuses all but the
 * last), and past 16 rescans the whole text went out as not-scanned. Rescans now read only a
 * window before each match, so any number of them costs work in proportion to the list.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** A distinct 36-character token body ending in a digit (so the next token's look-behind passes). */
const body = (index: number) =>
  Array.from({ length: 30 }, (_, at) => ALPHABET[(index * 7 + at * 3) % ALPHABET.length]).join('') +
  String(index).padStart(6, '0');
const splitTokens = (count: number) =>
  Array.from({ length: count }, (_, index) => `'ghp_', '${body(index)}'`).join(', ');

describe('a long list of split tokens back to back is scanned, not withheld (#10)', () => {
  it('redacts every one of 40 tokens, each from its own pieces, and leaves the rest of the text', async () => {
    const text = `tokens = [${splitTokens(40)}]\nplain = 'words'`;
    const redacted = await redactSecrets(text);
    expect(redacted).not.toBe(TOO_MANY_SECRETS_MARKER);
    expect(redacted).toContain("plain = 'words'");
    for (let index = 0; index < 40; index += 1) expect(redacted).not.toContain(body(index));
  });

  it('the gate finds all 40, as joined findings', async () => {
    const found = await findFileSecrets({ path: 'notes.txt', content: `t = [${splitTokens(40)}]` });
    expect(found.asWritten.filter((match) => !match.overflow)).toHaveLength(40);
  });

  it('costs scans and characters in proportion to the list, not its square', async () => {
    const cost = async (count: number) => {
      const work = { piecesVisited: 0, scans: 0, charactersScanned: 0 };
      const matches = await scanJoinedPieces(`t = [${splitTokens(count)}]`, work);
      expect(matches.filter((match) => !match.overflow)).toHaveLength(count);
      return work;
    };
    const small = await cost(25);
    const large = await cost(100);
    expect(large.charactersScanned).toBeLessThanOrEqual(small.charactersScanned * 4 * 1.5);
    expect(large.piecesVisited).toBeLessThanOrEqual(small.piecesVisited * 4 * 1.5);
    expect(large.scans).toBeLessThanOrEqual(100 + 2);
  });
});
