import { REPOSITORY_PERMISSIONS, type RepositoryPermission } from '../core/deploy/repository-permission.js';
import { httpStatusOf } from './http-status.js';

export interface PermissionClient {
  repos: {
    getCollaboratorPermissionLevel(p: {
      owner: string;
      repo: string;
      username: string;
    }): Promise<{ data: { permission: string; role_name?: string } }>;
  };
}

/**
 * The user's role on the repository: `role_name` distinguishes maintain and triage, which the
 * legacy `permission` field folds into write and read; a custom role falls back to that legacy
 * level. A non-collaborator (404) has none.
 */
export async function repositoryPermissionLevel(params: {
  client: PermissionClient;
  owner: string;
  repo: string;
  username: string;
}): Promise<RepositoryPermission> {
  try {
    const { data } = await params.client.repos.getCollaboratorPermissionLevel({
      owner: params.owner,
      repo: params.repo,
      username: params.username,
    });
    return asPermission(data.role_name) ?? asPermission(data.permission) ?? 'none';
  } catch (error) {
    if (httpStatusOf(error) === 404) return 'none';
    throw error;
  }
}

function asPermission(value: string | undefined): RepositoryPermission | undefined {
  return REPOSITORY_PERMISSIONS.find((permission) => permission === value);
}
