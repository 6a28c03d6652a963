/** One update of a branch as `GET /repos/{owner}/{repo}/activity` lists it; `timestamp` is GitHub's clock. */
export interface RefActivity {
  readonly before: string;
  readonly after: string;
  readonly timestamp: string;
}

/** A check suite of the current head as `GET /repos/{owner}/{repo}/commits/{ref}/check-suites` lists it. */
export interface CheckSuiteFact {
  readonly created_at: string;
}

export type HeadAtRequest =
  /** The current head (or merge commit) provably existed when the command was given. */
  | { readonly kind: 'proven'; readonly sha: string }
  /**
   * The branch moved (or the pull request merged) after the command. `shaAtRequest` is what was
   * there then, when GitHub's record shows it.
   */
  | {
      readonly kind: 'moved';
      readonly reason: 'pushed' | 'merged';
      readonly movedAt: string;
      readonly shaAtRequest?: string;
    }
  /** GitHub holds no server-side record that places the current head before the command. */
  | { readonly kind: 'unproven' };

const NO_COMMIT = /^0{40}$/;

/**
 * What a pull request pointed to when a command was given (DESIGN §5b), from server-side facts
 * only — commit dates are written by whoever pushes and prove nothing:
 * 1. a merged pull request: GitHub's `merged_at` against the command's `created_at`;
 * 2. the head branch's ref updates (repository activity, GitHub's timestamps): the first update
 *    after the command moved it, and its `before` is what was there; with none after, the newest
 *    update before the command must have left the branch at the current head;
 * 3. else the check suites GitHub creates when a sha is pushed: the first one's `created_at` is
 *    when the current head reached GitHub.
 * `activity` and `checkSuites` are absent when GitHub did not answer them (an older GitHub, a fork).
 */
export function headAtRequest(params: {
  requestedAt: string;
  currentHead: string;
  merged?: { sha: string; mergedAt: string };
  activity?: readonly RefActivity[];
  checkSuites?: readonly CheckSuiteFact[];
}): HeadAtRequest {
  const requestedAt = Date.parse(params.requestedAt);
  if (params.merged) {
    return Date.parse(params.merged.mergedAt) <= requestedAt
      ? { kind: 'proven', sha: params.merged.sha }
      : { kind: 'moved', reason: 'merged', movedAt: params.merged.mergedAt };
  }
  const fromActivity = params.activity && readActivity(params.activity, requestedAt, params.currentHead);
  if (fromActivity) return fromActivity;
  const [firstSuite] = [...(params.checkSuites ?? [])].sort(
    (left, right) => Date.parse(left.created_at) - Date.parse(right.created_at),
  );
  if (!firstSuite) return { kind: 'unproven' };
  return Date.parse(firstSuite.created_at) <= requestedAt
    ? { kind: 'proven', sha: params.currentHead }
    : { kind: 'moved', reason: 'pushed', movedAt: firstSuite.created_at };
}

/** `undefined` when the activity does not settle it: empty, or not yet showing the current head. */
function readActivity(
  activity: readonly RefActivity[],
  requestedAt: number,
  currentHead: string,
): HeadAtRequest | undefined {
  const oldestFirst = [...activity].sort(
    (left, right) => Date.parse(left.timestamp) - Date.parse(right.timestamp),
  );
  const firstAfter = oldestFirst.find((update) => Date.parse(update.timestamp) > requestedAt);
  if (firstAfter) {
    return {
      kind: 'moved',
      reason: 'pushed',
      movedAt: firstAfter.timestamp,
      ...(NO_COMMIT.test(firstAfter.before) ? {} : { shaAtRequest: firstAfter.before }),
    };
  }
  const lastBefore = oldestFirst.at(-1);
  return lastBefore && sameSha(lastBefore.after, currentHead)
    ? { kind: 'proven', sha: currentHead }
    : undefined;
}

function sameSha(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}
