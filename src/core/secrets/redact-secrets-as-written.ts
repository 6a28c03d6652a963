import { replaceMatches } from './replace-matches.js';
import { scanSecretsAsWritten } from './scan-secrets-as-written.js';

/**
 * `text` with every secret the scanner finds replaced by a marker naming its kind, e.g.
 * `[REDACTED:aws-secret-access-key]`; every other occurrence of the same value goes too, and a
 * secret written in adjacent quoted pieces (`scanSecretsAsWritten`: a `!Join` PEM key,
 * `'ghp_' + 'abc…'`) goes from every piece.
 * Internal to the redaction path: it scans the text only as written, so an escaped secret
 * (`{\"aws_secret_access_key\":\"…\"}`) passes it. Outgoing text uses `redactSecrets`, which
 * also decodes escapes and embedded JSON.
 * `path` (repository-relative) lets file-type rules apply when the text is a file's content.
 * A text with more secrets of one kind than the scanner lists (MAX_REPORTS_PER_RULE) is replaced
 * whole by TOO_MANY_SECRETS_MARKER: the rest were not located, so nothing of it may go out.
 * Throws when the scanner fails, so a caller never sends text it could not check.
 */
export async function redactSecretsAsWritten(text: string, path?: string): Promise<string> {
  const matches = await scanSecretsAsWritten(path === undefined ? { text } : { text, path });
  return replaceMatches({ text, matches });
}
