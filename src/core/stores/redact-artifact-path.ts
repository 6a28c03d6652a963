import { redactSecrets } from '../secrets/redact-secrets.js';
import { sha256Hex } from './sha256-hex.js';

/** Hex digits of the path's sha256 added to a redacted path: 64 bits, so paths differing only in their secrets stay distinct. */
const HASH_DIGITS = 16;
/** What a redacted path becomes when redaction leaves no valid relative path (a secret across `/`). */
const SECRET_PATH_NAME = 'secret-path';

/**
 * What every tagged path holds and no untagged key does: `~` and HASH_DIGITS lowercase hex digits.
 * A literal path holding it is tagged too, so literal keys and tagged keys never meet.
 */
const TAG = new RegExp(`~[0-9a-f]{${HASH_DIGITS}}`);

/**
 * An artifact's path as an artifact store may keep it in its key and metadata (issue #10: secrets
 * never reach what the stores keep; model output chooses generated files' paths), for a path as a
 * caller (or the model) wrote it. The path unchanged when it holds no secret and no tag (`~` and
 * 16 hex digits); otherwise redacted by the one redaction path (`redactSecrets`), with `~` and 16
 * hex digits of the original path's sha256 before the file name's extension, so the same path
 * always gives the same key and two paths differing only in their secrets give two (the hash of a
 * token-bearing path does not give the token back). When redaction leaves no valid relative path,
 * the path's first folder (`files`) then `secret-path~<hash>`. A path spelling another's redacted
 * path (the model can compute the hash) is tagged again with its own hash: an untagged key never
 * holds a tag and a tagged one always does, so no file can overwrite another's stored artifact.
 * So this is not idempotent: a path a store gave back goes through `storedArtifactPath`. Throws
 * when the scanner fails.
 */
export async function redactArtifactPath(path: string): Promise<string> {
  const redacted = await redactSecrets(path);
  if (redacted === path && !TAG.test(path)) return path;
  return tagged(path, redacted);
}

/**
 * The key path of a path a store gave back (`StoredArtifact.path`, `ArtifactRef.storedPath`):
 * the path itself, redacted already, so a sync copies it under the same key. Still redacted, should
 * a secret be in it after all (a bug upstream), the same way as `redactArtifactPath`. Idempotent.
 */
export async function storedArtifactPath(path: string): Promise<string> {
  const redacted = await redactSecrets(path);
  return redacted === path ? path : tagged(path, redacted);
}

/** The stored path of an artifact ref: by `storedArtifactPath` for one a store gave back, else `redactArtifactPath`. */
export function keyPathOf(ref: { readonly path: string; readonly storedPath?: true }): Promise<string> {
  return ref.storedPath === true ? storedArtifactPath(ref.path) : redactArtifactPath(ref.path);
}

function tagged(path: string, redacted: string): string {
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
