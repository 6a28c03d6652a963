import type { NoRollbackReason, RollbackSelection, RollbackTargetRequest } from './select-rollback-target.js';

/** Answers that older deployments cannot change, whatever was asked. */
const FINAL_REASONS: ReadonlySet<NoRollbackReason> = new Set([
  'invalid-sha',
  'ambiguous-sha',
  'already-current',
  'other-environment',
]);

/**
 * Whether a selection made from the newest deployments holds however many older ones follow (the
 * Deployments API lists newest first), so `/rollback` reads no further. A target is found newest
 * first; a deployment named by id is what it is; but "never succeeded" for a sha, or "nothing
 * earlier", may change on an older page.
 */
export function isRollbackSelectionSettled(params: {
  selection: RollbackSelection;
  target?: RollbackTargetRequest;
}): boolean {
  const { selection, target } = params;
  if (selection.kind === 'target') return true;
  if (FINAL_REASONS.has(selection.reason)) return true;
  const aboutNamedDeployment = selection.reason === 'never-succeeded' || selection.reason === 'dry-run';
  return target?.kind === 'deployment' && aboutNamedDeployment;
}
