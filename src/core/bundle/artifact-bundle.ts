import type { RequirementCoverage } from './requirement-coverage.js';

/** What one generation attempt produced; checked by the validation gates before any PR exists. */
export type FileRole = 'source' | 'template' | 'test' | 'doc' | 'config';

export interface GeneratedFile {
  /** Repository-relative POSIX path. */
  readonly path: string;
  readonly content: string;
  readonly role: FileRole;
}

export interface ArtifactBundle {
  readonly summary: string;
  /** Ordered implementation steps, shown in the PR body. */
  readonly plan: readonly string[];
  readonly files: readonly GeneratedFile[];
  /** Path (within `files`) of the CloudFormation template, when the change has one. */
  readonly templatePath?: string;
  /** What a reviewer should look at closely (IAM, replacements, public exposure...). */
  readonly riskNotes: readonly string[];
  /**
   * Each user story, description sentence and setting of the request, with what answers it.
   * Absent when the provider does not report it (the PR body then says so).
   */
  readonly coverage?: readonly RequirementCoverage[];
}
