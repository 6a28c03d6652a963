import { redactJsonStrings } from './redact-json-strings.js';
import { textTemplateSecretMarkers } from './structured-file-secrets.js';

export { TOO_MANY_SECRETS_MARKER } from './secret-markers.js';

/**
 * `text` with every secret replaced by a marker naming its kind, e.g.
 * `[REDACTED:aws-secret-access-key]`: the one redaction path for text that leaves the process
 * (prompts, findings, comments, events, artifacts, logs). The text is scanned as written and
 * decoded too (escapes, level after level, and JSON documents inside it), so an escaped secret
 * (`"{\"aws_secret_access_key\":\"…\"}"`) goes as well (`redactJsonStrings`).
 * `path` (repository-relative) makes the text a file's content, so file-type rules apply (an
 * `.npmrc` token) and a file whose secret shows only once decoded goes as markers alone.
 * A text with more secrets of one kind than the scanner lists goes whole as
 * TOO_MANY_SECRETS_MARKER; one the decoding could not finish within its bounds as
 * NOT_SCANNED_MARKER. A text quoting a YAML template (a fenced block, or the text itself) whose
 * literal intrinsics assemble a secret (`textTemplateSecretMarkers`: `!Sub`, `!Join`, `!Select`) goes
 * as markers alone, as the secrets gate refuses it. Throws when the scanner fails, so a caller never sends text it could not check.
 */
export async function redactSecrets(text: string, path?: string): Promise<string> {
  if (path === undefined) {
    // Read after redaction, so only what shows once evaluated withholds the whole text.
    const redacted = await redactJsonStrings(text);
    const markers = await textTemplateSecretMarkers(redacted, { json: false });
    return markers.length > 0 ? markers.join('\n') : redacted;
  }
  return (await redactJsonStrings({ path, content: text })).content;
}
