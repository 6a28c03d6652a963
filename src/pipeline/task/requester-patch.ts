import { sameAccount, type Account } from '../../core/review/account.js';
import { MAX_CO_REQUESTERS, MAX_REQUEST_EDITORS } from '../../core/task/trust-facts.js';
import type { ClearableField, MarkerPatch } from './marker-patch.js';

/** Who asked for a task: their login, and their GitHub account id and type when the event gave them. */
export interface Requester {
  readonly login: string;
  /** GitHub's numeric account id (the sender's `id`): it stays through a rename, the login does not. */
  readonly id?: number | undefined;
  /**
   * GitHub's account type (the sender's `type`: `User`, `Bot`, `Organization`): what tells a bot,
   * whose login need not end in `[bot]` (`isBotAccount`).
   */
  readonly type?: string | undefined;
  /**
   * Others who asked with them (marker `co_requesters`): whoever wrote the request text when
   * `login` only started the task, a `/retry` author running a changed request.
   */
  readonly others?: readonly Account[] | undefined;
  /**
   * Who rewrote the issue body that runs (marker `request_editors`), every one known so far: the
   * body's edit history read when the run started (`readRequestEditors`) and the edits recorded
   * since (`recordRequestEdit`). They should be among `others` too (that is what the approval rule
   * reads); absent or empty leaves the field as it is.
   */
  readonly editors?: readonly Account[] | undefined;
}

type RequesterField = 'requester' | 'requester_id' | 'requester_type' | 'co_requesters' | 'request_editors';

/**
 * The marker fields that record `requester` (`requester`, `requester_id`, `requester_type`,
 * `co_requesters`) as a move's `patch` and `clear`: an id or type the requester lacks is cleared,
 * so a login is never paired with another account's id or type (the approval rule,
 * `reviewPolicyFor`, trusts the id first and tells a bot by its type). `others` are kept once each,
 * without the requester (`sameAccount`); none clears the field. `editors`, when any, replace
 * `request_editors`. Nobody is dropped: a requester past the marker's bounds
 * (`requesterPastBound`) throws a `RangeError`, so callers check first and refuse the run.
 */
export function requesterPatch(requester: Requester): {
  patch: Pick<MarkerPatch, RequesterField>;
  clear: readonly ClearableField[];
} {
  const clear: ClearableField[] = [];
  if (requester.id === undefined) clear.push('requester_id');
  if (requester.type === undefined) clear.push('requester_type');
  const pastBound = requesterPastBound(requester);
  if (pastBound !== undefined) throw new RangeError(`a task cannot record who asked: ${pastBound}`);
  const others = distinctOthers(requester);
  if (others.length === 0) clear.push('co_requesters');
  return {
    patch: {
      requester: requester.login,
      ...(requester.id === undefined ? {} : { requester_id: requester.id }),
      ...(requester.type === undefined ? {} : { requester_type: requester.type }),
      ...(others.length === 0 ? {} : { co_requesters: others }),
      ...(requester.editors === undefined || requester.editors.length === 0
        ? {}
        : { request_editors: [...requester.editors] }),
    },
    clear,
  };
}

/**
 * Why `requester` cannot be recorded whole, in words that finish "…is not known because": more
 * distinct others than the marker keeps (`co_requesters`, `MAX_CO_REQUESTERS`) or more editors
 * (`request_editors`, `MAX_REQUEST_EDITORS`); `undefined` when it fits. One dropped could approve
 * their own text, so a run past the bound must not start (review 13m). Pure.
 */
export function requesterPastBound(requester: Requester): string | undefined {
  if (distinctOthers(requester).length > MAX_CO_REQUESTERS)
    return `more people asked for it or wrote it than a task records (${MAX_CO_REQUESTERS})`;
  if ((requester.editors?.length ?? 0) > MAX_REQUEST_EDITORS)
    return `more people edited it than a task records (${MAX_REQUEST_EDITORS})`;
  return undefined;
}

function distinctOthers(requester: Requester): Account[] {
  const kept: Account[] = [];
  for (const other of requester.others ?? []) {
    if (sameAccount(other, requester) || kept.some((one) => sameAccount(one, other))) continue;
    kept.push(other);
  }
  return kept;
}
