import { redactArtifactBody } from '../core/stores/redact-artifact-body.js';
import { keyPathOf } from '../core/stores/redact-artifact-path.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ArtifactRef, ArtifactStore, StoredArtifact } from '../core/stores/artifact-store.js';
import { contentTypeFor } from '../core/stores/content-type-for.js';
import { sha256Hex } from '../core/stores/sha256-hex.js';
import { artifactKey, artifactPrefix } from '../core/stores/store-keys.js';
import { parseStoredJson } from './parse-stored-json.js';
import { readOptionalFile } from './read-optional-file.js';
import { writeFileAtomically } from './write-file-atomically.js';

const metadataSchema = z.object({
  repo: z.string(),
  taskId: z.string(),
  attempt: z.number().int().positive(),
  path: z.string(),
  key: z.string(),
  contentType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

/**
 * Artifacts in a folder, laid out as the artifacts bucket: `<root>/artifacts/<key>` holds the
 * bytes and `<root>/artifact-metadata/<key>.json` what S3 keeps as object metadata (content type,
 * sha256), in a tree of its own so no artifact's name can collide with it. A sidecar that does not
 * parse (cut short by a crash, edited) makes only its own artifact damaged: `get` answers
 * `undefined` for it, as for bytes that no longer match, and `list` still names it (its key, an
 * empty `sha256`, 0 bytes) beside the intact ones, so a sync copies the rest and names it.
 */
export function createFilesystemArtifactStore(root: string): ArtifactStore {
  const bytesFile = (key: string) => path.join(root, 'artifacts', ...key.split('/'));
  const metadataFile = (key: string) => `${path.join(root, 'artifact-metadata', ...key.split('/'))}.json`;
  /** The sidecar of `key`: `undefined` when there is none, `'damaged'` when it does not parse. */
  const readMetadata = async (key: string): Promise<StoredArtifact | 'damaged' | undefined> => {
    const file = metadataFile(key);
    const bytes = await readOptionalFile(file);
    if (bytes === undefined) return undefined;
    try {
      const stored = parseStoredJson({ text: bytes.toString('utf8'), schema: metadataSchema, source: file });
      return { ...stored, storedPath: true };
    } catch {
      return 'damaged';
    }
  };
  /** What `list` shows of an artifact whose sidecar is damaged: its key and where it sits, nothing it claimed. */
  const damagedEntry = (
    params: { repo: string; taskId: string; attempt?: number },
    prefix: string,
    key: string,
  ) => {
    // Under the task's prefix a key is `<attempt>/<path>`; under an attempt's, `<path>`.
    const [first = '', ...rest] = key.slice(prefix.length).split('/');
    const [attempt, filePath] =
      params.attempt === undefined
        ? [Number(first), rest.join('/')]
        : [params.attempt, key.slice(prefix.length)];
    return {
      repo: params.repo,
      taskId: params.taskId,
      attempt,
      path: filePath,
      storedPath: true as const,
      key,
      contentType: contentTypeFor(filePath),
      sha256: '',
      bytes: 0,
    };
  };

  return {
    async put(artifact) {
      // Redacted here, at the port, so no caller can keep a secret by forgetting to redact first;
      // the body is scanned as the file its original path names (file-type rules).
      const storedPath = await keyPathOf(artifact);
      const key = artifactKey({ ...artifact, path: storedPath });
      const body = await redactArtifactBody(artifact.body, artifact.path);
      // The sidecar keeps what S3 keeps; `storedPath` is said of what is given back, not written.
      const stored = {
        repo: artifact.repo,
        taskId: artifact.taskId,
        attempt: artifact.attempt,
        path: storedPath,
        key,
        contentType: artifact.contentType ?? contentTypeFor(artifact.path),
        sha256: sha256Hex(body),
        bytes: body.byteLength,
      };
      await writeFileAtomically(bytesFile(key), body);
      await writeFileAtomically(metadataFile(key), JSON.stringify(stored, null, 2) + '\n');
      return { ...stored, storedPath: true };
    },

    async get(ref: ArtifactRef) {
      const key = artifactKey({ ...ref, path: await keyPathOf(ref) });
      const [metadata, body] = await Promise.all([readMetadata(key), readOptionalFile(bytesFile(key))]);
      // Bytes that no longer match their hash are not what was stored.
      if (metadata === undefined || metadata === 'damaged') return undefined;
      if (body === undefined || sha256Hex(body) !== metadata.sha256) return undefined;
      return { ...metadata, body: new Uint8Array(body) };
    },

    async list(params) {
      const prefix = artifactPrefix(params);
      const folder = path.join(root, 'artifact-metadata', ...prefix.split('/').filter((part) => part !== ''));
      const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        },
      );
      const keys = entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
        .map((entry) =>
          path.relative(folder, path.join(entry.parentPath, entry.name.slice(0, -'.json'.length))),
        )
        .map((relative) => prefix + relative.split(path.sep).join('/'))
        .sort();
      const found = await Promise.all(
        keys.map(async (key) => {
          const metadata = await readMetadata(key);
          return metadata === 'damaged' ? damagedEntry(params, prefix, key) : metadata;
        }),
      );
      return found.filter((artifact): artifact is StoredArtifact => artifact !== undefined);
    },
  };
}
