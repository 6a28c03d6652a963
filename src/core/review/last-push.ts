import { z } from 'zod';

/**
 * Who pushed a task branch's head, as the status marker records it (`last_push`): the head sha and
 * its pusher, `pushAuthor`'s classification of the `pull_request.synchronize` delivery's `sender`
 * (GitHub's record of whose push it was), or `agent` for a commit the agent wrote itself.
 */
export const lastPushSchema = z.strictObject({
  /** The commit's sha as GitHub gives it (lowercase hex). */
  sha: z.string().min(1).max(64),
  by: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agent') }),
    z.strictObject({ kind: z.enum(['human', 'bot']), login: z.string().min(1).max(100) }),
  ]),
});

export type LastPush = z.infer<typeof lastPushSchema>;
