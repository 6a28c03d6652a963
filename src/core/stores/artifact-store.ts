/** One artifact of one generation attempt: a generated file, the validation report, the prompt or the model's answer. */
export interface ArtifactRef {
  /** `owner/repo`. */
  readonly repo: string;
  readonly taskId: string;
  /** The generation attempt, from 1. */
  readonly attempt: number;
  /** Relative path inside the attempt, e.g. `files/src/app.ts` or `validation-report.json`. */
  readonly path: string;
  /**
   * True when `path` is one a store gave back (`StoredArtifact.path`, already redacted): a sync
   * reads and copies it under the same key. Absent, `path` is a name as a caller (or the model)
   * wrote it, and one that looks like a redacted path gets a key of its own
   * (`redactArtifactPath`), so it cannot overwrite the artifact stored under that key.
   */
  readonly storedPath?: true;
}

/** What a store gives back: its `path` is the stored one (`storedPath`), so it can be read and copied as it is. */
export interface StoredArtifact extends ArtifactRef {
  readonly storedPath: true;
  /** Where it is: the S3 key, or the path under the local folder (`artifactKey`). */
  readonly key: string;
  readonly contentType: string;
  /** Hex sha256 of the bytes, also kept in the object's metadata. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Where artifacts are kept for audit and for dashboards (DESIGN §11): the artifacts bucket at
 * `<owner>/<repo>/<task>/<attempt>/<path>`, or the same layout in a local folder. Every
 * implementation redacts what it is given at `put` (`redactArtifactBody`, a generated file
 * `files/<path>` by its path): the one place artifacts are redacted, so callers pass text as it
 * is; text already redacted is kept byte for byte.
 */
export interface ArtifactStore {
  put(
    artifact: ArtifactRef & { readonly body: string | Uint8Array; readonly contentType?: string },
  ): Promise<StoredArtifact>;
  /** The bytes and what is known of them; `undefined` when absent or when they no longer match their sha256. */
  get(ref: ArtifactRef): Promise<(StoredArtifact & { readonly body: Uint8Array }) | undefined>;
  /** Every artifact of the task (of one attempt, when given), ordered by key. */
  list(params: { repo: string; taskId: string; attempt?: number }): Promise<StoredArtifact[]>;
}
