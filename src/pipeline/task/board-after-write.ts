import { holdsWrite, withLaterWrites, type MarkerWrite } from '../../core/state/holds-write.js';
import type { StatusCommentRef } from '../../github/status-comment.js';

/** What a board finds after its write: another run's board in its place, and its own duplicate. */
export interface AfterWrite {
  /** The board this run's step must be applied on top of; absent when its write stands. */
  readonly replaced?: StatusCommentRef;
  /** This run's own comment when it turned out to be a second board: to be taken out of play. */
  readonly duplicate?: number;
}

/**
 * Times each read-back is tried: a read-back that failed (a 5xx, a reset connection) would leave a
 * racing run's write over this one unseen, so it is tried once more before it is given up (logged).
 */
const READ_BACK_TRIES = 2;

/**
 * Checks a status comment write against what GitHub now holds, at the cost of one call. An edit
 * is read back (`reread`): when the marker there does not provably hold `write` (`holdsWrite`: its
 * window of write ids names the write, or a write an earlier read-back proved built on it), another
 * run's write replaced it (GitHub keeps the last edit). The read is conditional
 * on the write's `etag`: a 304 (`'unchanged'`) proves the write stands without spending rate
 * limit. The write's own response cannot prove that: it is the comment as this run wrote it,
 * whatever another run writes a moment later; so after a `settle` delay the edit is read back once
 * more. Each read-back stands alone: one that fails is tried again (`READ_BACK_TRIES`), and a
 * first read-back given up still leaves the second. A write that created the comment is checked by
 * listing the boards instead (`listBoards`, the same one call on a new issue): two runs
 * that each found no comment each created one, and both keep the oldest (lowest id, which GitHub
 * assigns in order), so the younger run's comment is its `duplicate` and the oldest is `replaced`
 * for it. `write` is only looked for when the board records its writes (`checkWrites`). Never
 * throws: a failed read is logged and the write stands.
 */
export async function boardAfterWrite(params: {
  commentId: number;
  created: boolean;
  write: MarkerWrite;
  checkWrites: boolean;
  etag?: string;
  reread?: (commentId: number, etag?: string) => Promise<StatusCommentRef | 'unchanged' | undefined>;
  listBoards?: () => Promise<readonly StatusCommentRef[]>;
  /**
   * Waits before the edit is read back a second time (`SETTLE_MS`); absent, it is read back once.
   * Another run that read the comment (its base) just before this write landed writes a moment
   * after this write's first read-back; the second read sees that write, so this step is applied
   * on top of it instead of lost.
   */
  settle?: () => Promise<void>;
  log: (line: string) => void;
}): Promise<AfterWrite> {
  const { commentId } = params;
  // What is proven built on the write grows with each read-back that holds it: a later read-back
  // whose window has moved past the write may still name one of those writes.
  let write = params.write;
  const lacksWrite = (seen: StatusCommentRef | undefined) => {
    if (seen === undefined || !params.checkWrites) return false;
    if (!holdsWrite(seen.marker, write)) return true;
    write = withLaterWrites(write, seen.marker);
    return false;
  };
  if (params.created && params.listBoards !== undefined) {
    try {
      const boards = (await params.listBoards()).filter((board) => board.trust === 'trusted');
      const oldest = boards.reduce<StatusCommentRef | undefined>(
        (first, board) => (first === undefined || board.commentId < first.commentId ? board : first),
        undefined,
      );
      if (oldest !== undefined && oldest.commentId !== commentId)
        return { replaced: oldest, duplicate: commentId };
      return lacksWrite(oldest) ? { replaced: oldest! } : {};
    } catch (error) {
      params.log(`the status comments could not be listed after a write: ${String(error)}`);
      return {};
    }
  }
  const { reread } = params;
  if (reread === undefined) return {};
  const readBack = async (which: string): Promise<AfterWrite> => {
    for (let tries = 1; ; tries += 1) {
      try {
        const seen = await reread(commentId, params.etag);
        if (seen === 'unchanged') return {};
        return seen?.trust === 'trusted' && lacksWrite(seen) ? { replaced: seen } : {};
      } catch (error) {
        const given = tries >= READ_BACK_TRIES ? '; given up' : '; trying again';
        params.log(
          `the status comment could not be read back (${which}, try ${tries}): ${String(error)}${given}`,
        );
        if (tries >= READ_BACK_TRIES) return {};
      }
    }
  };
  const first = await readBack('at once');
  if (first.replaced !== undefined || params.settle === undefined || !params.checkWrites) return first;
  // A run that read the comment just before this write landed writes a moment later, over it.
  await params.settle();
  return readBack('after the settle delay');
}
