/** How far one requirement of the request is met by what was generated. */
export type CoverageStatus = 'covered' | 'partial' | 'not_covered';

/** Where a requirement comes from: a user story, a sentence of the description, or a request setting. */
export type RequirementSource =
  | { readonly kind: 'story'; readonly number: number }
  | { readonly kind: 'description'; readonly sentence: number }
  | { readonly kind: 'setting'; readonly name: 'deployment_strategy' };

/** A generated test that proves a requirement: its file in the bundle and its exact title. */
export interface TestEvidence {
  readonly path: string;
  readonly title: string;
}

/**
 * One requirement and what answers it. `text` is the requester's words (untrusted, escaped when
 * rendered); `implementedBy` and `gaps` are written by the provider. Claims are checked against the
 * bundle (`checkCoverage`) before anything shows them.
 */
export interface RequirementCoverage {
  readonly source: RequirementSource;
  readonly text: string;
  readonly status: CoverageStatus;
  readonly implementedBy?: string;
  readonly tests: readonly TestEvidence[];
  /** Logical IDs of template resources the requirement relies on. */
  readonly resources: readonly string[];
  /** What is missing, and why; empty when covered. */
  readonly gaps: readonly string[];
}
