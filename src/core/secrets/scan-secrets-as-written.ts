import { scanJoinedPieces } from './scan-joined-pieces.js';
import { scanSecrets, type SecretMatch } from './scan-secrets.js';

/**
 * Every secret in `text` as written, for the redactor and the secrets gate alike, so the two
 * cannot drift: what the scanner finds in the text (`scanSecrets`, with `path`'s file-type rules)
 * and what it finds once adjacent quoted pieces are joined (`scanJoinedPieces`: a `!Join` PEM
 * key, `'ghp_' + 'abc…'`), in order of where each starts. Throws when the scanner fails.
 */
export async function scanSecretsAsWritten(params: { text: string; path?: string }): Promise<SecretMatch[]> {
  const plain = await scanSecrets(params);
  const joined = await scanJoinedPieces(params.text);
  if (joined.length === 0) return plain;
  return [...plain, ...joined].sort((a, b) => a.range[0] - b.range[0]);
}
