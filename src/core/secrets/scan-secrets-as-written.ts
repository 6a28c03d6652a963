import { scanBase64Literals } from './scan-base64-literals.js';
import { scanJoinedPieces } from './scan-joined-pieces.js';
import { scanSecrets, type SecretMatch } from './scan-secrets.js';

/**
 * Every secret in `text` as written, for the redactor and the secrets gate alike, so the two
 * cannot drift: what the scanner finds in the text (`scanSecrets`, with `path`'s file-type rules),
 * what it finds once adjacent quoted pieces are joined (`scanJoinedPieces`: a `!Join` PEM
 * key, `'ghp_' + 'abc…'`) and what it finds in runs of base64 that decode to text
 * (`scanBase64Literals`: a token written base64-encoded, over the whole run), in order of where
 * each starts. Throws when the scanner fails.
 */
export async function scanSecretsAsWritten(params: { text: string; path?: string }): Promise<SecretMatch[]> {
  const plain = await scanSecrets(params);
  const joined = await scanJoinedPieces(params.text);
  const encoded = await scanBase64Literals(params.text);
  if (joined.length === 0 && encoded.length === 0) return plain;
  return [...plain, ...joined, ...encoded].sort((a, b) => a.range[0] - b.range[0]);
}
