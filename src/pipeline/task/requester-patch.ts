import type { ClearableField, MarkerPatch } from './marker-patch.js';

/** Who asked for a task: their login, and their GitHub account id when the event gave it. */
export interface Requester {
  readonly login: string;
  /** GitHub's numeric account id (the sender's `id`): it stays through a rename, the login does not. */
  readonly id?: number | undefined;
}

/**
 * The marker fields that record `requester` (`requester`, `requester_id`) as a move's `patch` and
 * `clear`: a requester without an id clears the id an earlier requester left, so a login is never
 * paired with another account's id (the self-approval rule, `reviewPolicyFor`, trusts the id first).
 */
export function requesterPatch(requester: Requester): {
  patch: Pick<MarkerPatch, 'requester' | 'requester_id'>;
  clear: readonly ClearableField[];
} {
  return requester.id === undefined
    ? { patch: { requester: requester.login }, clear: ['requester_id'] }
    : { patch: { requester: requester.login, requester_id: requester.id }, clear: [] };
}
