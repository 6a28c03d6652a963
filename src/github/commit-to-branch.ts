import { redactSecrets } from '../core/secrets/redact-secrets.js';
import type { GitDataClient } from './git-data-client.js';

/**
 * One commit on `branch` on top of `parentSha` writing `files` (path → text), in a constant number
 * of calls (one tree with inline contents, one commit, one ref update; DESIGN §6). The ref moves
 * without force, so a push that raced ahead of `parentSha` makes GitHub refuse it (422) rather
 * than lose someone's commit. File modes are kept from the parent tree (`base_tree`) only for
 * paths not written; written paths are regular files (`100644`). The message is redacted here, at
 * the sink (`redactSecrets`): once pushed it stays in the repository's history.
 */
export async function commitToBranch(params: {
  client: Pick<GitDataClient, 'git'>;
  owner: string;
  repo: string;
  branch: string;
  parentSha: string;
  files: ReadonlyMap<string, string>;
  message: string;
}): Promise<string> {
  const { client, owner, repo } = params;
  const baseTree = (await client.git.getCommit({ owner, repo, commit_sha: params.parentSha })).data.tree.sha;
  const tree = await client.git.createTree({
    owner,
    repo,
    base_tree: baseTree,
    tree: [...params.files].map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
  });
  const commit = await client.git.createCommit({
    owner,
    repo,
    message: await redactSecrets(params.message),
    tree: tree.data.sha,
    parents: [params.parentSha],
  });
  await client.git.updateRef({
    owner,
    repo,
    ref: `heads/${params.branch}`,
    sha: commit.data.sha,
    force: false,
  });
  return commit.data.sha;
}
