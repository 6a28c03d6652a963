/**
 * A user's permission on the repository, as GitHub's collaborator permission endpoint reports it
 * (`role_name` collapsed to the five built-in levels), plus `none` for users who are not collaborators.
 */
export const REPOSITORY_PERMISSIONS = ['admin', 'maintain', 'write', 'triage', 'read', 'none'] as const;

export type RepositoryPermission = (typeof REPOSITORY_PERMISSIONS)[number];

const CHANGING_PERMISSIONS: readonly RepositoryPermission[] = ['admin', 'maintain', 'write'];

/** Commands that change anything (deploy, rollback, unlock…) need write or more (DESIGN §8). */
export function canChange(permission: RepositoryPermission): boolean {
  return CHANGING_PERMISSIONS.includes(permission);
}
