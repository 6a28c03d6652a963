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
}

type RequesterField = 'requester' | 'requester_id' | 'requester_type';

/**
 * The marker fields that record `requester` (`requester`, `requester_id`, `requester_type`) as a
 * move's `patch` and `clear`: an id or type the requester lacks is cleared, so a login is never
 * paired with another account's id or type (the approval rule, `reviewPolicyFor`, trusts the id
 * first and tells a bot by its type).
 */
export function requesterPatch(requester: Requester): {
  patch: Pick<MarkerPatch, RequesterField>;
  clear: readonly ClearableField[];
} {
  const clear: ClearableField[] = [];
  if (requester.id === undefined) clear.push('requester_id');
  if (requester.type === undefined) clear.push('requester_type');
  return {
    patch: {
      requester: requester.login,
      ...(requester.id === undefined ? {} : { requester_id: requester.id }),
      ...(requester.type === undefined ? {} : { requester_type: requester.type }),
    },
    clear,
  };
}
