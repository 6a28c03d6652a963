import { sameAccount, type Account } from '../../core/review/account.js';
import { readIssueBodyEditors } from '../../github/read-issue-body-editors.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { MAX_CO_REQUESTERS, MAX_REQUEST_EDITORS } from '../../core/task/trust-facts.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { EDITORS_PAST_BOUND, requestEditorsOf } from './record-request-edit.js';

/**
 * Whoever rewrote an issue body besides those already counted as asking: `known` (possibly none),
 * or `unknown` with why, in words that finish "who edited the request is not known because…";
 * `lasting` when no later run of the body can know them (the body's edit history keeps every edit:
 * more editors than a task records, more edits than the agent reads), so only a request in an
 * `/implement` comment or a new issue can run.
 */
export type RequestEditors =
  | { readonly kind: 'known'; readonly editors: readonly Account[] }
  | { readonly kind: 'unknown'; readonly why: string; readonly lasting?: true };

/**
 * The editors of issue `issueNumber`'s body (review 9m) when a run of the body starts (a
 * labeling, a bare `/implement`, a `/retry`): those the task's marker recorded (`request_editors`)
 * and every editor in the body's edit history (`readIssueBodyEditors`: GitHub's REST API does not
 * say who edited, GraphQL does), each once, leaving out the requester and the co-requesters,
 * counted already. Fails closed: `unknown` when the marker says more edited it than it keeps
 * (`request_editors_past_bound`), the runtime has no GraphQL client, the history cannot be read
 * whole, or there are more editors than a marker keeps (`MAX_REQUEST_EDITORS`), or more
 * co-requesters and editors together than it keeps (`MAX_CO_REQUESTERS`): one dropped could
 * approve their own text.
 */
export async function readRequestEditors(
  deps: Pick<TaskEventDependencies, 'graphql'>,
  params: {
    repository: RepositoryRef;
    issueNumber: number;
    requester: Account;
    coRequesters: readonly Account[];
    /** The task's marker, when it has one: what it recorded of the body's editors. */
    marker: Pick<TaskMarker, 'request_editors' | 'request_editors_past_bound'> | undefined;
  },
): Promise<RequestEditors> {
  const recorded = requestEditorsOf(params.marker, undefined);
  if (recorded.kind === 'unknown') return recorded;
  if (deps.graphql === undefined)
    return { kind: 'unknown', why: 'this runtime gives no GraphQL client to read the edit history with' };
  const history = await readIssueBodyEditors({
    graphql: deps.graphql,
    owner: params.repository.owner,
    repo: params.repository.repo,
    issueNumber: params.issueNumber,
  });
  if (history.kind === 'unknown') return history;
  const others = distinctBeside([params.requester], params.coRequesters);
  const editors = distinctBeside([params.requester, ...others], [...recorded.editors, ...history.editors]);
  if (editors.length > MAX_REQUEST_EDITORS || others.length + editors.length > MAX_CO_REQUESTERS)
    return { kind: 'unknown', why: EDITORS_PAST_BOUND, lasting: true };
  return { kind: 'known', editors };
}

/** `accounts` once each, without any of `counted` (`sameAccount`). */
function distinctBeside(counted: readonly Account[], accounts: readonly Account[]): Account[] {
  const kept: Account[] = [];
  for (const account of accounts) {
    if (![...counted, ...kept].some((known) => sameAccount(known, account))) kept.push(account);
  }
  return kept;
}
