import { fitBody } from '../core/markdown/fit-body.js';
import { PULL_REQUEST_BODY_LIMIT } from '../core/markdown/github-limits.js';
import { untrustedInline } from '../core/markdown/untrusted-inline.js';
import type { FileMode, GitDataClient } from './git-data-client.js';
import { httpStatusOf } from './http-status.js';
import { readTreeEntries, type TreeClient } from './read-tree-entries.js';

/** GitHub's compare lists at most 300 changed files (docs.github.com, *Compare two commits*). */
const COMPARE_FILE_LIMIT = 300;

export interface RevertClient extends GitDataClient {
  repos: {
    compareCommitsWithBasehead(p: {
      owner: string;
      repo: string;
      basehead: string;
      per_page: number;
    }): Promise<{
      data: {
        status: string;
        files?: Array<{ filename: string; status: string; previous_filename?: string }>;
      };
    }>;
  };
  git: GitDataClient['git'] & TreeClient['git'];
  pulls: GitDataClient['pulls'];
}

/**
 * Keeps git honest after a rollback: a pull request against the default branch that puts every
 * file the rolled-back change touched back as it was at the good sha (files it added are removed).
 * `undefined` when the rolled-back sha is not on the default branch; `{ problem }` when GitHub's
 * answers cannot show the whole change (more files than compare lists), so no partial revert is made.
 */
export async function openRevertPullRequest(params: {
  client: RevertClient;
  owner: string;
  repo: string;
  defaultBranch: string;
  environment: string;
  goodSha: string;
  badSha: string;
  rollbackDeploymentId: number;
}): Promise<{ number: number; url: string } | { problem: string } | undefined> {
  const { client, owner, repo } = params;
  const onDefault = await client.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${params.badSha}...${params.defaultBranch}`,
    per_page: 1,
  });
  // `ahead` or `identical`: the default branch contains the rolled-back sha.
  if (onDefault.data.status !== 'ahead' && onDefault.data.status !== 'identical') return undefined;
  const changed = await client.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${params.goodSha}...${params.badSha}`,
    per_page: 300,
  });
  const files = changed.data.files ?? [];
  if (files.length >= COMPARE_FILE_LIMIT) {
    return {
      problem:
        `the change touches ${COMPARE_FILE_LIMIT} files or more, more than GitHub's compare lists, ` +
        'so no revert pull request was opened; please revert it by hand',
    };
  }
  const paths = [
    ...new Set(
      files.flatMap((file) =>
        file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
      ),
    ),
  ];
  if (paths.length === 0) return undefined;
  const good = await readTreeEntries({ client, owner, repo, treeSha: params.goodSha, paths });
  const head = (await client.git.getRef({ owner, repo, ref: `heads/${params.defaultBranch}` })).data.object
    .sha;
  const baseTree = (await client.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
  const tree = await client.git.createTree({
    owner,
    repo,
    base_tree: baseTree,
    tree: paths.map((path) => {
      const entry = good.get(path);
      return entry?.sha
        ? { path, mode: (entry.mode ?? '100644') as FileMode, type: 'blob' as const, sha: entry.sha }
        : { path, mode: '100644' as const, type: 'blob' as const, sha: null };
    }),
  });
  const short = params.badSha.slice(0, 7);
  const commit = await client.git.createCommit({
    owner,
    repo,
    message: `Revert ${short}: rolled back in ${params.environment}\n\nRestores the files it changed as they were at ${params.goodSha}.`,
    tree: tree.data.sha,
    parents: [head],
  });
  const branch = `revert/${params.environment}-${short}`;
  await pointBranch({ client, owner, repo, branch, sha: commit.data.sha });
  const pull = await client.pulls.create({
    owner,
    repo,
    head: branch,
    base: params.defaultBranch,
    title: `Revert ${short} (rolled back in ${params.environment})`,
    body: fitBody({
      limit: PULL_REQUEST_BODY_LIMIT,
      body: [
        `Deployment ${params.rollbackDeploymentId} rolled **${untrustedInline(params.environment)}** back from \`${short}\` to \`${params.goodSha.slice(0, 7)}\`.`,
        'This pull request makes the default branch match what runs: every file that change touched is restored as it was at the good sha, and files it added are removed.',
        'Review it against later work on the same files before merging.',
      ].join('\n\n'),
    }),
  });
  return { number: pull.data.number, url: pull.data.html_url };
}

async function pointBranch(params: {
  client: RevertClient;
  owner: string;
  repo: string;
  branch: string;
  sha: string;
}) {
  const { client, owner, repo, branch, sha } = params;
  try {
    await client.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
  } catch (error) {
    // A second rollback of the same sha reuses its revert branch.
    if (httpStatusOf(error) !== 422) throw error;
    await client.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true });
  }
}
