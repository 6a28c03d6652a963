/** Every change set this agent creates starts with this, so the deploy role can be scoped to them. */
export const CHANGE_SET_NAME_PREFIX = 'implementation-agent-';

/**
 * The change set for one GitHub deployment. Unique per stack, as CloudFormation requires, and a
 * valid change set name (letters, digits and hyphens, starting with a letter, at most 128 characters).
 */
export function changeSetNameFor(deploymentId: number): string {
  return `${CHANGE_SET_NAME_PREFIX}${deploymentId}`;
}
