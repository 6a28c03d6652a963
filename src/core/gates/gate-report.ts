/** One problem a validation gate found; `path` points at the offending file when there is one. */
export interface GateFinding {
  readonly gate: GateName;
  readonly message: string;
  readonly path?: string;
}

/** `model-output` is not a gate run on a bundle: it reports an answer that never became one. */
export type GateName = 'paths' | 'limits' | 'secrets' | 'template' | 'typescript' | 'model-output';

export interface GateResult {
  readonly gate: GateName;
  readonly passed: boolean;
  readonly findings: readonly GateFinding[];
  /** Why the gate did not run (then `passed` is false and there are no findings); absent when it ran. */
  readonly skipped?: string;
}

export interface GateReport {
  readonly passed: boolean;
  readonly results: readonly GateResult[];
}

/** Limits and path rules the gates enforce; they come from the repository's config. */
export interface GatePolicy {
  readonly maxFiles: number;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  /** Glob-style prefixes a generated file may live under; empty means anywhere not forbidden. */
  readonly allowedPaths: readonly string[];
  /** Sub-paths of `.github/` that may be written (`workflows/`, `CODEOWNERS`); the rest of `.github/` is refused. */
  readonly allowedGithubPaths: readonly string[];
  /** Largest template the deploy can take: 51,200 bytes inline, 1 MB with a deployments bucket to upload it to. Absent: the inline limit. */
  readonly maxTemplateBytes?: number;
}
