import { withKeptEditedNote } from '../core/render/kept-edited-note.js';
import type { GeneratedFile } from '../core/bundle/artifact-bundle.js';
import { withGeneratedFilesRecord } from '../core/bundle/generated-files-record.js';
import { fitBody } from '../core/markdown/fit-body.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';
import { PULL_REQUEST_BODY_LIMIT } from '../core/markdown/github-limits.js';
import type { GitDataClient } from './git-data-client.js';
import { httpStatusOf } from './http-status.js';
import { readRetiredFiles } from './read-retired-files.js';
import type { TreeClient } from './read-tree-entries.js';

/** The only GitHub calls publishing needs; Probot's and @actions/github's Octokit both fit. */
export interface PullRequestClient extends GitDataClient {
  git: GitDataClient['git'] & TreeClient['git'];
  pulls: GitDataClient['pulls'] & {
    list(p: { owner: string; repo: string; head: string; state: 'open' }): Promise<{
      data: Array<{ number: number; html_url: string; node_id?: string; base?: { ref: string } }>;
    }>;
    update(p: {
      owner: string;
      repo: string;
      pull_number: number;
      title: string;
      body: string;
    }): Promise<unknown>;
  };
  issues: {
    addLabels(p: { owner: string; repo: string; issue_number: number; labels: string[] }): Promise<unknown>;
  };
}

export interface PublishedPullRequest {
  readonly number: number;
  readonly url: string;
  readonly commitSha: string;
  readonly created: boolean;
  /** This call moved the branch to `commitSha` (false: the files were unchanged, the head is as it was). */
  readonly pushed: boolean;
  /**
   * The branch did not exist and was made at `commitSha`, whose only parent is the base branch's
   * head: nothing anyone pushed to a branch of that name before is in it.
   */
  readonly branchCreated: boolean;
  /**
   * The branch's head before this call (40 hex), which the commit was built on (or, unchanged, is
   * still the head); undefined when the branch was made (`branchCreated`). Whose commit it is is the
   * caller's to judge (`unvalidatedHead`): someone may have pushed it without the agent knowing.
   */
  readonly builtOn?: string;
  /** The branch the pull request merges into, as GitHub has it (someone may have retargeted it). */
  readonly base: string;
  /** The GraphQL node id (`PR_…`) GitHub returns with the pull request; for GraphQL mutations. */
  readonly nodeId?: string;
  /** Paths the commit deleted: the previous generation's files this one no longer writes (`readRetiredFiles`). */
  readonly retired: readonly string[];
  /**
   * Files the previous generation wrote and this one no longer writes that were kept because
   * someone changed them on the branch since (`retiredFiles`): theirs to keep or delete.
   */
  readonly keptEdited: readonly string[];
  /** Why the previous generation's files could not be read (none were retired); absent when they were. */
  readonly retiredUnread?: string;
}

/**
 * Writes the files as one commit on `branch` (one tree with inline contents, one commit, one
 * ref update — a constant number of calls whatever the file count) and opens or updates the PR.
 * Re-running adds a commit to the same branch (none when the files are unchanged) and edits the
 * same PR; nothing is duplicated. The body is cut to GitHub's 65,536-character limit with
 * "…and N more" (a file table of thousands of rows would otherwise be refused). It builds on the
 * branch's head whoever pushed it (`builtOn` names it) and keeps the open pull request's base
 * (`base`): judging either is the caller's. The title, body and commit message are redacted here,
 * at the sink (`redactSecrets`), as every GitHub sink's text is: they are built from the request
 * (a token pasted into the issue title becomes the task name), and a commit message, once pushed,
 * stays in the repository's history. Throws when the scanner fails, before anything is written.
 * The commit message lists the service-folder files written (`Generated-File` trailers). With
 * `previousGeneration` and an existing branch, the commit also deletes the files that generation
 * recorded in the service folders this one writes and this one no longer writes, unless someone
 * changed them since (`readRetiredFiles`: a tree entry with `sha: null` deletes its path,
 * docs.github.com *Create a tree*), as the CLI's commit does: files anyone else added, or outside
 * those folders, stay.
 */
export async function publishPullRequest(params: {
  client: PullRequestClient;
  owner: string;
  repo: string;
  baseBranch: string;
  branch: string;
  files: readonly GeneratedFile[];
  commitMessage: string;
  title: string;
  body: string;
  labels: readonly string[];
  /**
   * The commit the task's previous generation pushed to `branch` (the marker's `generated_commit`);
   * absent: nothing is retired.
   */
  previousGeneration?: string;
}): Promise<PublishedPullRequest> {
  const { client, owner, repo } = params;
  const title = await redactSecrets(params.title);
  // The commit lists what it generated: the next generation retires from that list, never from the
  // tree, which also holds files people added (`withGeneratedFilesRecord`).
  const commitMessage = await redactSecrets(
    withGeneratedFilesRecord(
      params.commitMessage,
      params.files.map((file) => file.path),
    ),
  );
  const existingHead = await findBranchHead(client, { owner, repo, branch: params.branch });
  const parent =
    existingHead ??
    (await client.git.getRef({ owner, repo, ref: `heads/${params.baseBranch}` })).data.object.sha;
  const baseTree = (await client.git.getCommit({ owner, repo, commit_sha: parent })).data.tree.sha;
  // A branch made anew holds none of the previous generation's commits: nothing there to retire.
  const retiring =
    existingHead !== undefined && params.previousGeneration !== undefined
      ? await retiredOrProblem({
          client,
          owner,
          repo,
          previousGeneration: params.previousGeneration,
          headTree: baseTree,
          generated: params.files.map((file) => file.path),
        })
      : { retired: [], keptEdited: [] };
  const { retired } = retiring;
  const tree = await client.git.createTree({
    owner,
    repo,
    base_tree: baseTree,
    tree: [
      ...params.files.map((file) => ({
        path: file.path,
        mode: '100644' as const,
        type: 'blob' as const,
        content: file.content,
      })),
      ...retired.map((path) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: null })),
    ],
  });
  // A re-run that generated the same files changes nothing: no empty commit on the branch.
  const unchanged = existingHead !== undefined && tree.data.sha === baseTree;
  const commitSha = unchanged
    ? existingHead
    : (
        await client.git.createCommit({
          owner,
          repo,
          message: commitMessage,
          tree: tree.data.sha,
          parents: [parent],
        })
      ).data.sha;
  if (existingHead === undefined)
    await client.git.createRef({ owner, repo, ref: `refs/heads/${params.branch}`, sha: commitSha });
  else if (!unchanged)
    await client.git.updateRef({ owner, repo, ref: `heads/${params.branch}`, sha: commitSha, force: false });

  // Files a person changed that this generation no longer writes stay: the body says so, where the user reads.
  const body = fitBody({
    body: await redactSecrets(withKeptEditedNote(params.body, retiring.keptEdited)),
    limit: PULL_REQUEST_BODY_LIMIT,
  });
  const open = await client.pulls.list({ owner, repo, head: `${owner}:${params.branch}`, state: 'open' });
  const existing = open.data[0];
  const pull = existing
    ? (await client.pulls.update({
        owner,
        repo,
        pull_number: existing.number,
        title,
        body,
      }),
      existing)
    : (
        await client.pulls.create({
          owner,
          repo,
          head: params.branch,
          base: params.baseBranch,
          title,
          body,
        })
      ).data;
  if (params.labels.length > 0)
    await client.issues.addLabels({ owner, repo, issue_number: pull.number, labels: [...params.labels] });
  return {
    number: pull.number,
    url: pull.html_url,
    commitSha,
    created: !existing,
    pushed: !unchanged,
    branchCreated: existingHead === undefined,
    ...(existingHead === undefined ? {} : { builtOn: existingHead.toLowerCase() }),
    base: existing?.base?.ref ?? params.baseBranch,
    ...(pull.node_id === undefined ? {} : { nodeId: pull.node_id }),
    retired,
    keptEdited: retiring.keptEdited,
    ...(retiring.problem === undefined ? {} : { retiredUnread: retiring.problem }),
  };
}

/**
 * `readRetiredFiles`, or why it could not say (nothing retired then): removing stale files is the
 * commit's cleanup, and a GitHub error reading the previous generation must not cost the run the
 * generation it publishes.
 */
async function retiredOrProblem(
  params: Parameters<typeof readRetiredFiles>[0],
): Promise<{ retired: string[]; keptEdited: string[]; problem?: string }> {
  try {
    return await readRetiredFiles(params);
  } catch (error) {
    return { retired: [], keptEdited: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

async function findBranchHead(
  client: PullRequestClient,
  p: { owner: string; repo: string; branch: string },
): Promise<string | undefined> {
  try {
    return (await client.git.getRef({ owner: p.owner, repo: p.repo, ref: `heads/${p.branch}` })).data.object
      .sha;
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
}
