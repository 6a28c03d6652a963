import { APPROVAL_CHECK_NAME, isAgentCheck, type CheckRunApp } from '../core/checks/agent-checks.js';
import type { ApprovalCheckView } from '../core/review/approval-check-view.js';

interface CheckRunOutput {
  title: string;
  summary: string;
}

interface ApprovalCheckRun {
  id: number;
  name: string;
  /** The App that created the run; only the agent's own is the agent's to edit. */
  app?: CheckRunApp | null;
  status: string;
  conclusion: string | null;
  output: { title: string | null };
}

export interface ApprovalCheckClient {
  checks: {
    listForRef(p: {
      owner: string;
      repo: string;
      ref: string;
      check_name: string;
      filter: 'latest';
      per_page: number;
    }): Promise<{ data: { check_runs: ApprovalCheckRun[] } }>;
    create(p: {
      owner: string;
      repo: string;
      name: string;
      head_sha: string;
      status: 'in_progress' | 'completed';
      conclusion?: 'success';
      output: CheckRunOutput;
    }): Promise<{ data: { id: number } }>;
    update(p: {
      owner: string;
      repo: string;
      check_run_id: number;
      status: 'in_progress' | 'completed';
      conclusion?: 'success';
      output: CheckRunOutput;
    }): Promise<unknown>;
  };
}

/**
 * Shows `view` as the `implementation-agent/approval` check run on `headSha`: the latest such run
 * on that commit made by the agent's own App (`agentAppSlug`, `isAgentCheck`) is edited in place (`PATCH /repos/{owner}/{repo}/check-runs/{id}`), and left alone
 * when it already says the same; without one a run is created. `fresh` (a commit the agent just
 * made) skips the lookup: nothing can be on it yet; `onlyIfMissing` leaves any run already there.
 * A run of that name made by another App (or a workflow) is not the agent's: GitHub refuses to
 * let another App edit it, and its word is not the agent's, so it is passed over. Returns whether
 * anything was written.
 *
 * A completed check run cannot go back to `in_progress` on GitHub ("a check run's status can only
 * move forward"), so an approval that is undone gets a new run, which as the latest hides the old.
 */
export async function publishApprovalCheck(params: {
  client: ApprovalCheckClient;
  owner: string;
  repo: string;
  headSha: string;
  view: ApprovalCheckView;
  /**
   * The App slug of the agent's own check runs (`agentAppSlugOf`). Without it any run of the name
   * counts as there (for `onlyIfMissing`), but none is edited: a new run is created instead.
   */
  agentAppSlug?: string;
  fresh?: boolean;
  /** Write only when the head has no approval check yet (what is there was decided by a review). */
  onlyIfMissing?: boolean;
}): Promise<boolean> {
  const { client, owner, repo, view } = params;
  const latest = params.fresh
    ? undefined
    : (
        await client.checks.listForRef({
          owner,
          repo,
          ref: params.headSha,
          check_name: APPROVAL_CHECK_NAME,
          filter: 'latest',
          per_page: 100,
        })
      ).data.check_runs.find((run) =>
        params.agentAppSlug === undefined
          ? run.name === APPROVAL_CHECK_NAME
          : isAgentCheck(run, params.agentAppSlug),
      );
  const fields = {
    status: view.status,
    ...(view.conclusion === undefined ? {} : { conclusion: view.conclusion }),
    output: { title: view.title, summary: view.summary },
  };
  if (latest && params.onlyIfMissing) return false;
  if (latest && latest.status === view.status && (latest.conclusion ?? undefined) === view.conclusion) {
    if (latest.output.title === view.title) return false;
  }
  if (latest && latest.status !== 'completed' && params.agentAppSlug !== undefined) {
    await client.checks.update({ owner, repo, check_run_id: latest.id, ...fields });
    return true;
  }
  await client.checks.create({ owner, repo, name: APPROVAL_CHECK_NAME, head_sha: params.headSha, ...fields });
  return true;
}
