import { sameAccount, type Account } from '../../core/review/account.js';
import { readIssueBodyEditors } from '../../github/read-issue-body-editors.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { MAX_CO_REQUESTERS } from '../../core/task/trust-facts.js';
import { MAX_REQUEST_EDITORS } from './record-request-edit.js';

/**
 * Whoever rewrote an issue body besides those already counted as asking: `known` (possibly none),
 * or `unknown` with why, in words that finish "who edited the request is not known because…".
 */
export type RequestEditors =
  | { readonly kind: 'known'; readonly editors: readonly Account[] }
  | { readonly kind: 'unknown'; readonly why: string };

/**
 * The editors of issue `issueNumber`'s body (review 9m) when a run of the body starts: those the
 * task recorded (`recorded`, marker `request_editors`) and every editor in the body's edit history
 * (`readIssueBodyEditors`: GitHub's REST API does not say who edited, GraphQL does), each once,
 * leaving out the requester and the co-requesters, counted already. Fails closed: `unknown` when
 * the runtime has no GraphQL client, the history cannot be read whole, or more editors than a
 * marker keeps (`MAX_REQUEST_EDITORS`), or more co-requesters and editors together than it keeps
 * (`MAX_CO_REQUESTERS`): one dropped could approve their own text.
 */
export async function readRequestEditors(
  deps: Pick<TaskEventDependencies, 'graphql'>,
  params: {
    repository: RepositoryRef;
    issueNumber: number;
    requester: Account;
    coRequesters: readonly Account[];
    recorded: readonly Account[];
  },
): Promise<RequestEditors> {
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
  const editors = distinctBeside([params.requester, ...others], [...params.recorded, ...history.editors]);
  if (editors.length > MAX_REQUEST_EDITORS || others.length + editors.length > MAX_CO_REQUESTERS)
    return { kind: 'unknown', why: `more people wrote it than a task records (${MAX_CO_REQUESTERS})` };
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
