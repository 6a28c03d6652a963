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
 * legacy `permission` field folds into write and read. A non-collaborator (404) has none.
 */
export async function repositoryPermissionLevel(params: {
  client: PermissionClient;
  owner: string;
  repo: string;
  username: string;
}): Promise<string> {
  try {
    const { data } = await params.client.repos.getCollaboratorPermissionLevel({
      owner: params.owner,
      repo: params.repo,
      username: params.username,
    });
    return data.role_name ?? data.permission;
  } catch (error) {
    if (httpStatusOf(error) === 404) return 'none';
    throw error;
  }
}
