import { z } from 'zod';

/**
 * Who pushed a task branch's head, as the status marker records it (`last_push`): the head sha and
 * its pusher, `pushAuthor`'s classification of the `pull_request.synchronize` delivery's `sender`
 * (GitHub's record of whose push it was: `bot` when its account `type` is not `User`), or `agent`
 * for a commit the agent wrote itself.
 */
export const lastPushSchema = z.strictObject({
  /** The commit's sha as GitHub gives it (lowercase hex). */
  sha: z.string().min(1).max(64),
  by: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agent') }),
    z.strictObject({
      kind: z.enum(['human', 'bot']),
      login: z.string().min(1).max(100),
      /** GitHub's account id of the sender (absent in older markers): it stays through a rename. */
      id: z.number().int().positive().optional(),
    }),
  ]),
});

export type LastPush = z.infer<typeof lastPushSchema>;
