import { redactArtifactBody } from '../../core/stores/redact-artifact-body.js';
import { keyPathOf } from '../../core/stores/redact-artifact-path.js';
import { HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { ArtifactRef, ArtifactStore, StoredArtifact } from '../../core/stores/artifact-store.js';
import { contentTypeFor } from '../../core/stores/content-type-for.js';
import { sha256Hex } from '../../core/stores/sha256-hex.js';
import { artifactKey, artifactPrefix, isShortenedKey } from '../../core/stores/store-keys.js';
import { bucketError } from './bucket-error.js';
import { putS3Object } from './put-s3-object.js';
import { readS3Object } from './read-s3-object.js';

/**
 * Artifacts in the artifacts bucket (DESIGN §11) at `<owner>/<repo>/<task>/<attempt>/<path>`, each
 * with its content type, its sha256 in metadata and SSE-KMS when a key is configured.
 */
export function createS3ArtifactStore(params: {
  s3: S3Client;
  bucket: string;
  kmsKeyId?: string;
  multipartThresholdBytes?: number;
}): ArtifactStore {
  const { s3, bucket } = params;
  const failure = (action: string, key: string, error: unknown) =>
    bucketError({ action, bucket, key, error });

  return {
    async put(artifact) {
      // Redacted here, at the port, so no caller can keep a secret by forgetting to redact first;
      // the body is scanned as the file its original path names (file-type rules).
      const storedPath = await keyPathOf(artifact);
      const key = artifactKey({ ...artifact, path: storedPath });
      const body = await redactArtifactBody(artifact.body, artifact.path);
      const contentType = artifact.contentType ?? contentTypeFor(artifact.path);
      try {
        const sha256 = await putS3Object({
          s3,
          bucket,
          key,
          body,
          contentType,
          ...pathMetadata(key, storedPath),
          ...(params.kmsKeyId === undefined ? {} : { kmsKeyId: params.kmsKeyId }),
          ...(params.multipartThresholdBytes === undefined
            ? {}
            : { multipartThresholdBytes: params.multipartThresholdBytes }),
        });
        return {
          ...refOf({ ...artifact, path: storedPath }),
          key,
          contentType,
          sha256,
          bytes: body.byteLength,
        };
      } catch (error) {
        throw failure('store the artifact at', key, error);
      }
    },

    async get(ref) {
      const storedPath = await keyPathOf(ref);
      const key = artifactKey({ ...ref, path: storedPath });
      const read = await readS3Object({ s3, bucket, key }).catch((error: unknown) => {
        throw failure('read the artifact at', key, error);
      });
      if (read === undefined) return undefined;
      const sha256 = sha256Hex(read.body);
      // Bytes that no longer match the hash written beside them are not what was stored.
      if (read.metadata['sha256'] !== sha256) return undefined;
      return {
        ...refOf({ ...ref, path: storedPath }),
        key,
        contentType: read.contentType ?? contentTypeFor(ref.path),
        sha256,
        bytes: read.body.byteLength,
        body: read.body,
      };
    },

    async list(where) {
      const prefix = artifactPrefix(where);
      const artifacts: StoredArtifact[] = [];
      let token: string | undefined;
      try {
        do {
          const page = await s3.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              ...(token === undefined ? {} : { ContinuationToken: token }),
            }),
          );
          for (const object of page.Contents ?? []) {
            if (object.Key === undefined) continue;
            const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: object.Key }));
            const rest = object.Key.slice(prefix.length).split('/');
            const [attempt, ...path] = where.attempt === undefined ? rest : [String(where.attempt), ...rest];
            artifacts.push({
              repo: where.repo,
              taskId: where.taskId,
              attempt: Number(attempt),
              path: pathOf(head.Metadata, path),
              storedPath: true,
              key: object.Key,
              contentType: head.ContentType ?? 'application/octet-stream',
              sha256: head.Metadata?.['sha256'] ?? '',
              bytes: object.Size ?? 0,
            });
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
      } catch (error) {
        throw failure('list artifacts under', prefix, error);
      }
      return artifacts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}

/**
 * S3 keeps at most 2 KB of user metadata, keys and values (AWS docs, "Working with object metadata"), `sha256`
 * taking 70 bytes of it; a longer path is left out and read back from the key, where its shortened part stays `~<hash>`.
 */
const MAX_PATH_METADATA_BYTES = 1900;

/**
 * A shortened key (`isShortenedKey`) no longer spells its path: the path goes beside it as base64url of its UTF-8
 * (metadata is ASCII; base64 is the shortest of those encodings: 4 bytes for 3).
 */
function pathMetadata(key: string, path: string): { metadata?: Record<string, string> } {
  const encoded = Buffer.from(path, 'utf8').toString('base64url');
  return isShortenedKey(key) && encoded.length <= MAX_PATH_METADATA_BYTES
    ? { metadata: { path: encoded } }
    : {};
}

function pathOf(metadata: Record<string, string> | undefined, keyPath: readonly string[]): string {
  const stored = metadata?.['path'];
  return stored === undefined
    ? keyPath.map(decodeURIComponent).join('/')
    : Buffer.from(stored, 'base64url').toString('utf8');
}

/** The ref of a stored artifact: its path is the stored one (`storedPath`). */
function refOf(ref: ArtifactRef): ArtifactRef & { readonly storedPath: true } {
  return { repo: ref.repo, taskId: ref.taskId, attempt: ref.attempt, path: ref.path, storedPath: true };
}
