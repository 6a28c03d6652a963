import { isAgentCheck, VALIDATION_CHECK_NAME, type CheckRunApp } from './agent-checks.js';

export type ChecksState = 'success' | 'pending' | 'failure' | 'none';

/** A check run as `GET /repos/{owner}/{repo}/commits/{ref}/check-runs` lists it. */
export interface CheckRunFact {
  readonly name: string;
  /** `queued`, `in_progress`, `completed`, `waiting`, `requested` or `pending`. */
  readonly status: string;
  readonly conclusion: string | null;
  /** The App that created it; the agent's own checks are told apart by it, not by name alone. */
  readonly app?: CheckRunApp | null;
}

/** A commit status as `GET /repos/{owner}/{repo}/commits/{ref}/status` lists it: the latest per context. */
export interface CommitStatusFact {
  readonly context: string;
  /** `error`, `failure`, `pending` or `success`. */
  readonly state: string;
}

export interface ChecksVerdict {
  /** The repository's CI on the sha: every check run and commit status except the agent's own. */
  readonly state: ChecksState;
  /** Names of failing check runs and contexts of failing statuses. */
  readonly failing: readonly string[];
  readonly pending: readonly string[];
  /** The agent's validation check on the sha, judged by the validation rule; `none` when absent. */
  readonly validation: ChecksState;
}

type Verdict = 'success' | 'pending' | 'failure';

/** Conclusions GitHub counts as passing (docs.github.com, *About status checks*: skipped and neutral pass). */
const PASSING_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);

/**
 * The one green-checks rule (DESIGN §5b): check runs (GitHub Actions, apps) and commit statuses
 * (Jenkins-style CI) both count, as in GitHub's own status rollup. Any failure fails; else anything
 * still running is pending; else success, or `none` when nothing reported. An unknown conclusion or
 * state is not proof of success and counts as a failure. The agent's own checks (`isAgentCheck`: its
 * names, created by `agentAppSlug`) are left out of CI; a check of another App that uses one of
 * those names is CI like any other.
 */
export function combineChecks(params: {
  checkRuns: readonly CheckRunFact[];
  statuses: readonly CommitStatusFact[];
  agentAppSlug: string;
}): ChecksVerdict {
  const ours = (run: CheckRunFact) => isAgentCheck(run, params.agentAppSlug);
  const ci = [
    ...params.checkRuns
      .filter((run) => !ours(run))
      .map((run) => ({ name: run.name, verdict: checkRunVerdict(run) })),
    ...params.statuses.map((status) => ({ name: status.context, verdict: statusVerdict(status.state) })),
  ];
  const validationRuns = params.checkRuns.filter((run) => ours(run) && run.name === VALIDATION_CHECK_NAME);
  return {
    state: overall(ci.map((entry) => entry.verdict)),
    failing: ci.filter((entry) => entry.verdict === 'failure').map((entry) => entry.name),
    pending: ci.filter((entry) => entry.verdict === 'pending').map((entry) => entry.name),
    validation: overall(validationRuns.map(checkRunVerdict)),
  };
}

function checkRunVerdict(run: CheckRunFact): Verdict {
  if (run.status !== 'completed') return 'pending';
  return PASSING_CONCLUSIONS.has(run.conclusion ?? '') ? 'success' : 'failure';
}

function statusVerdict(state: string): Verdict {
  if (state === 'success') return 'success';
  return state === 'pending' ? 'pending' : 'failure';
}

function overall(verdicts: readonly Verdict[]): ChecksState {
  if (verdicts.length === 0) return 'none';
  if (verdicts.includes('failure')) return 'failure';
  return verdicts.includes('pending') ? 'pending' : 'success';
}
