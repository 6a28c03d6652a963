import { z } from 'zod';
import { accountOf, accountSchema } from '../review/account.js';
import { accountsUnion } from '../review/accounts-union.js';
import { foreignPushesAfter, foreignPushSchema, MAX_FOREIGN_PUSHES } from '../review/foreign-push.js';
import { MAX_HUMAN_PUSHERS, pushersAfter } from '../review/human-pushers-after.js';
import { lastPushSchema } from '../review/last-push.js';

/** Most co-requesters a task keeps (the marker's `co_requesters` bound). */
export const MAX_CO_REQUESTERS = 10;

/** Most editors of an issue body a task keeps (the marker's `request_editors` bound). */
export const MAX_REQUEST_EDITORS = 10;

/**
 * What the approval rule knows people by (`reviewPolicyFor`): who asked for the task, who else
 * pushed to its branch and which pushes nobody can name. The status comment's marker carries these
 * fields; the task record carries a copy (`trust`, record schema 2), so a run that goes on from a
 * mirror's record because the marker did not read back (`goOnFromNewerMirror`) gets them back
 * instead of writing a marker without them, under which the requester's own approval would count.
 * `trust_lost`: the facts were missing where they had to be found (a record written before it
 * carried them, a list past its bound while merging, more pushers than `human_pushers` keeps:
 * `pushersPatch`): no approval counts (`applyReviewPolicy`),
 * and an automated task falls back to guided (`TRUST_LOST_REASON`: not merged nor deployed
 * unattended), so a person with write access merges it by hand. It clears only when a run makes the
 * task's branch anew from the base (`RECREATED_BRANCH_RESETS`): nothing pushed before is under the
 * new head and the run records who asked this time. An approval never clears it: whose approval
 * counts is the very fact that was lost. Field names and bounds are the marker's.
 */
export const trustFactsSchema = z.object({
  requester: z.string().min(1).max(100).optional(),
  requester_id: z.number().int().positive().optional(),
  requester_type: accountSchema.shape.type,
  co_requesters: z.array(accountSchema).max(MAX_CO_REQUESTERS).optional(),
  last_push: lastPushSchema.optional(),
  human_pushers: z
    .array(z.union([z.string().min(1).max(100), accountSchema]))
    .max(MAX_HUMAN_PUSHERS)
    .optional(),
  foreign_pushes: z.array(foreignPushSchema).max(MAX_FOREIGN_PUSHES).optional(),
  unvalidated_push: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  trust_lost: z.literal(true).optional(),
});

export type TrustFacts = z.infer<typeof trustFactsSchema>;

/** The keys of `TrustFacts`, in the marker's order. */
export const TRUST_FACT_KEYS = Object.keys(trustFactsSchema.shape) as (keyof TrustFacts)[];

/** The trust facts `holder` (a marker, a record's `trust`) carries; absent ones left out. Pure. */
export function trustFactsOf(holder: TrustFacts | undefined): TrustFacts {
  const facts: Record<string, unknown> = {};
  for (const key of TRUST_FACT_KEYS) if (holder?.[key] !== undefined) facts[key] = holder[key];
  return facts as TrustFacts;
}

/** Whether `facts` says anything at all. */
export function hasTrustFacts(facts: TrustFacts | undefined): boolean {
  return facts !== undefined && Object.keys(trustFactsOf(facts)).length > 0;
}

/**
 * The trust facts of two versions of one task merged so that nobody set aside by either is let
 * back in: the newer's requester (the older's joins the co-requesters unless the newer's is the same
 * account id, or the same login when the older kept no id), every co-requester and pusher of both
 * (`accountsUnion`: no account id is ever lost, a login-only record never replaces an id-bearing
 * one; `foreignPushesAfter`), the newer's last push
 * and unvalidated push (else the older's), `trust_lost` when either has it. Sets only ever grow:
 * a union past a list's bound is not cut; it sets `trust_lost` instead (fails closed). Pure.
 */
export function mergeTrustFacts(newer: TrustFacts | undefined, older: TrustFacts | undefined): TrustFacts {
  const a = trustFactsOf(newer);
  const b = trustFactsOf(older);
  let lost = a.trust_lost === true || b.trust_lost === true;
  const requester = a.requester === undefined ? b : a;
  const other = a.requester === undefined ? undefined : b;
  const extra =
    other?.requester !== undefined && !coversRequester(requester, other.requester, other.requester_id)
      ? [
          {
            login: other.requester,
            ...idOf(other.requester_id),
            ...(other.requester_type === undefined ? {} : { type: other.requester_type }),
          },
        ]
      : [];
  const coRequesters = accountsUnion([...(b.co_requesters ?? []), ...(a.co_requesters ?? []), ...extra]);
  const pushers = pushersAfter(accountsUnion([...(b.human_pushers ?? []), ...(a.human_pushers ?? [])]), []);
  const foreign = foreignPushesAfter({ recorded: b.foreign_pushes, pushes: a.foreign_pushes ?? [] });
  const pushes = foreign.pushes;
  if (coRequesters.length > MAX_CO_REQUESTERS || pushers.pastBound || foreign.pastBound) lost = true;
  const lastPush = a.last_push ?? b.last_push;
  const unvalidated = a.unvalidated_push ?? b.unvalidated_push;
  return {
    ...(requester.requester === undefined ? {} : { requester: requester.requester }),
    ...(requester.requester_id === undefined ? {} : { requester_id: requester.requester_id }),
    ...(requester.requester_type === undefined ? {} : { requester_type: requester.requester_type }),
    ...(coRequesters.length === 0
      ? {}
      : { co_requesters: coRequesters.slice(-MAX_CO_REQUESTERS).map(accountOf) }),
    ...(lastPush === undefined ? {} : { last_push: lastPush }),
    ...(pushers.pushers.length === 0 ? {} : { human_pushers: pushers.pushers }),
    ...(pushes.length === 0 ? {} : { foreign_pushes: pushes }),
    ...(unvalidated === undefined ? {} : { unvalidated_push: unvalidated }),
    ...(lost ? { trust_lost: true as const } : {}),
  };
}

const idOf = (id: number | undefined) => (id === undefined ? {} : { id });

/**
 * Whether `kept`'s requester stands for the other version's (`login`, `id`), so that one need not
 * join the co-requesters: the same account id when it has one (a login alone, or another id under the same login,
 * would lose the id that still sets the account aside after a rename), else the same login.
 */
function coversRequester(kept: TrustFacts, login: string, id: number | undefined): boolean {
  if (id !== undefined) return kept.requester_id === id;
  return kept.requester?.toLowerCase() === login.toLowerCase();
}
