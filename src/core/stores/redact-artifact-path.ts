import { redactSecrets } from '../secrets/redact-secrets.js';
import { sha256Hex } from './sha256-hex.js';

/** Hex digits of the path's sha256 added to a redacted path: 64 bits, so paths differing only in their secrets stay distinct. */
const HASH_DIGITS = 16;
/** What a redacted path becomes when redaction leaves no valid relative path (a secret across `/`). */
const SECRET_PATH_NAME = 'secret-path';

/**
 * An artifact's path as an artifact store may keep it in its key and metadata (issue #10: secrets
 * never reach what the stores keep; model output chooses generated files' paths). The path
 * unchanged when it holds no secret; otherwise redacted by the one redaction path
 * (`redactSecrets`), with `~` and 16 hex digits of the original path's sha256 before the file
 * name's extension, so the same path always gives the same key and two paths differing only in
 * their secrets give two (the hash of a token-bearing path does not give the token back). When
 * redaction leaves no valid relative path, the path's first folder (`files`) then
 * `secret-path~<hash>`. Idempotent: a redacted path holds no secret. Throws when the scanner fails.
 */
export async function redactArtifactPath(path: string): Promise<string> {
  const redacted = await redactSecrets(path);
  if (redacted === path) return path;
  const hash = sha256Hex(path).slice(0, HASH_DIGITS);
  const segments = redacted.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    const [first] = path.split('/');
    const folder = first !== undefined && first === segments[0] && segments.length > 1 ? `${first}/` : '';
    return `${folder}${SECRET_PATH_NAME}~${hash}`;
  }
  const name = segments.pop() ?? '';
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return [...segments, `${stem}~${hash}${extension}`].join('/');
}
