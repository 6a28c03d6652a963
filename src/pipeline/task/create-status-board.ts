import { recordTrigger, wasHandled } from '../../core/idempotency/handled-triggers.js';
import { holdsWrite, type MarkerWrite } from '../../core/state/holds-write.js';
import { recentWritesAfter } from '../../core/state/recent-writes.js';
import { httpStatusOf } from '../../github/http-status.js';
import { TriggerCarriedOutElsewhereError } from './trigger-carried-out-elsewhere-error.js';
import { markAnswered } from './answer-on-crash.js';
import { renderStatusComment } from '../../core/render/status-comment.js';
import { withDeploySection } from '../../core/render/with-deploy-section.js';
import {
  MAX_MARKER_WRITES,
  MAX_UNSENT_EVENTS,
  type TaskMarker,
  type UnsentArtifacts,
} from '../../core/state/state-marker.js';
import { randomBytes } from 'node:crypto';
import { canonicalRepository } from '../../core/task/canonical-repository.js';
import { replayableMarker } from '../../core/state/replayable-marker.js';
import { isEarlierState } from '../../core/state/is-earlier-state.js';
import { assertTransition, canTransition, type TaskState } from '../../core/state/task-state.js';
import { isSameEvent } from '../../core/task/same-event.js';
import { unrecordedSequences } from '../../core/task/unrecorded-sequences.js';
import { markerFieldsOf, recordFromMarker } from '../../core/task/record-from-marker.js';
import type { TaskEvent } from '../../core/task/task-event.js';
import { TASK_RECORD_SCHEMA_VERSION, type TaskRecord } from '../../core/task/task-record.js';
import { mergeTrustFacts, trustFactsOf, type TrustFacts } from '../../core/task/trust-facts.js';
import {
  writeStatusComment,
  type StatusCommentClient,
  type StatusCommentRef,
} from '../../github/status-comment.js';
import type { MirrorStores } from '../mirror/mirror-stores-for-config.js';
import type { ResentArtifacts } from '../mirror/resend-unsent-artifacts.js';
import type { ResentDeployments } from '../mirror/resend-unsent-deployments.js';
import type { UnsentDeployment } from '../../core/state/unsent-deployment.js';
import { resendEarlierArtifacts } from './resend-earlier-artifacts.js';
import { resendEarlierDeployments } from './resend-earlier-deployments.js';
import { boardAfterWrite } from './board-after-write.js';
import { mirrorTaskStep } from '../mirror/mirror-task-step.js';
import { migrateFormerTask } from '../mirror/migrate-former-task.js';
import { markerOutbox } from './marker-outbox.js';
import { pathFollows } from './path-follows.js';
import { detailsWith } from './details-with.js';
import { fitMarkerEvents } from './fit-marker-events.js';
import type { MoveOptions } from './move-options.js';
import { recordMove } from './record-move.js';
import { redactedTexts } from './redacted-texts.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import { storedArtifactPath } from '../../core/stores/redact-artifact-path.js';
import { unsentArtifactsOf } from '../../core/task/unsent-artifacts-of.js';
import { baseRead } from './base-read.js';
import type { StatusBoard } from './status-board.js';
import type { TaskStep } from './task-step.js';

/** Times a run applies its step again on top of another run's write before it gives up (logged). */
const MAX_REAPPLY = 3;

/**
 * How long (milliseconds) a board waits after its write before reading it back a second time
 * (`boardAfterWrite`'s `settle`). It covers another run's gap between its read just before writing
 * and its write landing (one request to GitHub, well under a second); a write landing there passed
 * this write's first read-back and is seen by the second.
 */
export const SETTLE_MS = 1_000;

/**
 * `existing` is the status the task continues from (`progressStatus`): its comment is edited and
 * its marker (and the record it carries) carried on; without one a new status comment is written.
 * Every marker is signed with `signingKey` when one is given. `mirrors` are written after each
 * move; a mirror that cannot be written adds a warning to the comment and never fails the move.
 */
export function createStatusBoard(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  taskId: string;
  existing: StatusCommentRef | undefined;
  signingKey: Buffer | undefined;
  /**
   * GitHub's id of the repository (`repository.id`, `GITHUB_REPOSITORY_ID`): written into the
   * marker (`repository_id`), so a rename or transfer keeps the task (`judgeMarker`).
   */
  repositoryId?: number | undefined;
  /** The trigger this run carries out; absent for moves no trigger asked for. */
  trigger?: string;
  mirrors?: Pick<MirrorStores, 'tasks' | 'events' | 'publisher'>;
  /**
   * Re-sends an earlier attempt's artifacts the store did not take (the marker's
   * `unsent_artifacts`; `resendUnsentArtifacts`). The next move calls it, names what was lost on
   * the comment once and clears the field; a failure keeps the field for the move after.
   */
  resendArtifacts?: (unsent: UnsentArtifacts) => Promise<ResentArtifacts>;
  /**
   * Re-sends deployment records the deployments store did not take (the marker's
   * `unsent_deployments`; `resendUnsentDeployments`) with the next step, any step.
   */
  resendDeployments?: (unsent: readonly UnsentDeployment[]) => Promise<ResentDeployments>;
  /**
   * Reads the status comment as it is now (`readStatusCommentById`), conditional on the `ETag` of
   * the board's last write or read. Given, the comment is read just before every write: another
   * run's write found there becomes the base this run's step is applied on (or refused on, when
   * the step cannot follow it). And every write is read back, once at once and once more after
   * `settle`: when another run's write replaced this one (its marker lacks this write's id), this
   * run's step is applied again on top of it, at most `MAX_REAPPLY` times, so neither step is lost
   * (GitHub keeps the last edit of a comment; its edit has no condition). The write ids in the
   * marker (`writes`, and `recent_writes` past that window) make applying again idempotent: a
   * write that carries this one's id already holds its step. A failed read is logged and the move stands; a 404 (a person deleted the
   * comment) makes the write create it anew from the record the board holds.
   */
  reread?: (commentId: number, etag?: string) => Promise<StatusCommentRef | 'unchanged' | undefined>;
  /**
   * Waits `SETTLE_MS` before a write is read back the second time (`boardAfterWrite`); absent,
   * each write is read back once. Tests pass a promise that resolves at once.
   */
  settle?: () => Promise<void>;
  /**
   * Lists the issue's status comments of this task (`listStatusComments`). Given, a write that
   * creates the comment is checked by this listing instead of the read-back (`boardAfterWrite`):
   * when another run created one first, this run's step is applied on top of the oldest and its
   * own comment taken out of play (`retire`), so the task keeps one board.
   */
  listBoards?: () => Promise<readonly StatusCommentRef[]>;
  /** Deletes (or marks) this run's second status comment (`retireDuplicateBoard`). */
  retire?: (duplicate: { commentId: number; keptId: number }) => Promise<unknown>;
  log?: (line: string) => void;
  now?: () => Date;
}): StatusBoard {
  const now = params.now ?? (() => new Date());
  const repo = canonicalRepository(`${params.owner}/${params.repo}`);
  let commentId = params.existing?.commentId;
  /** The comment's body as last read or written: `recordSteps` keeps all of it but the deploy section. */
  let body = params.existing?.body ?? '';
  // What the marker would replay is the writer's text: only a trusted marker's, of this task (`replayableMarker`).
  const carried =
    params.existing &&
    replayableMarker({ marker: params.existing.marker, trust: params.existing.trust, taskId: params.taskId });
  let marker: TaskMarker | undefined = carried?.marker;
  /** What the marker carried that is not replayed: said once, on the next status written in full. */
  let setAside = carried?.setAside;
  if (setAside !== undefined) params.log?.(`Task ${params.taskId}: ${setAside}`);
  /**
   * The task's id as the mirror's records may still spell it: a marker written before ids were
   * canonical, before a rename or transfer of the repository (`judgeMarker` found it this task's
   * by the repository's id), or one whose migration no mirror sync has confirmed yet
   * (`migrate_from`). Migrated before the step's marker is written (`migrateFormerly`); until
   * the tasks table has taken it, every marker keeps naming it (`migrate_from`).
   */
  let formerTaskId =
    carried?.marker.migrate_from ??
    (carried === undefined || carried.marker.task_id === params.taskId ? undefined : carried.marker.task_id);
  if (formerTaskId === params.taskId) formerTaskId = undefined;
  /** Only a trusted marker's former name (judged by the repository's id) may differ beyond case. */
  const renamed = params.existing?.trust === 'trusted';
  let state: TaskState = marker?.state ?? 'received';
  let record: TaskRecord | undefined =
    marker && recordFromMarker({ marker, taskId: params.taskId, repo, issueNumber: params.issueNumber });
  /** States passed since the last move, recorded with it. */
  let passed: TaskStep[] = [];
  /** The record version a mirror confirmed in this run: its events need not ride in the marker. */
  let confirmed = 0;
  const mirrored =
    params.mirrors !== undefined &&
    (params.mirrors.tasks !== undefined || params.mirrors.events !== undefined);

  let mirrorRead = false;
  /** The marker's events the results table held when this board first looked (`readMirrorAtStart`). */
  let heldAtStart: readonly TaskEvent[] = [];
  /** The mirror's record version when this board first looked; unknown when it could not be read. */
  let coveredAtStart: number | undefined;
  /**
   * Once per board: which of the events an earlier run left in the marker (its last move is
   * mirrored after its comment is written) the mirror already holds, so they leave the marker
   * instead of riding along in every later marker. The results table is asked for the events
   * themselves, not the tasks table for a version: after two runs raced, the table's version may be
   * the other run's, its events at those sequences other events than these. Without a results table
   * the tasks table's version confirms (no event is written anywhere then). A failed read confirms
   * nothing. The tasks table's version (or, without one, the results table's events) also says how
   * far the mirror got: a mirror configured after the task began lacks the steps before, which the
   * marker kept no copy of (`unrecordedAtStart`).
   */
  const readMirrorAtStart = async (): Promise<boolean> => {
    if (mirrorRead || !mirrored) return false;
    mirrorRead = true;
    const { tasks, events } = params.mirrors ?? {};
    // Records still under a former id (a migration that could not run yet) say nothing of how far it got.
    const stored =
      tasks !== undefined && formerTaskId === undefined
        ? await tasks.get(params.taskId).then(
            (found) => ({ found }),
            () => undefined,
          )
        : undefined;
    const adopted = stored?.found !== undefined && goOnFromNewerMirror(stored.found);
    if (marker === undefined) return adopted;
    if (events !== undefined && ((marker.unmirrored ?? []).length > 0 || tasks === undefined)) {
      const held = await events.list(params.taskId).catch(() => undefined);
      heldAtStart = held ?? [];
      if (tasks === undefined && held !== undefined) coveredAtStart = 0;
    }
    if (stored !== undefined) {
      const version = stored.found?.version ?? 0;
      if (events === undefined) confirmed = Math.max(confirmed, version);
      coveredAtStart = version;
    }
    return adopted;
  };

  /**
   * The tasks mirror holds a newer version of the task than the status comment's marker (or the
   * comment has no marker that reads back while the mirror holds the task): the comment was edited
   * back to an older signed body from its edit history, or its marker was pushed out of reach by a
   * line added under it. The versions of a task never go back (`isEarlierState`: the newest version
   * wins), so the board goes on from the mirror's record, the marker's run bookkeeping (write ids,
   * handled triggers) kept; a move the mirror's state does not allow is refused
   * (`IllegalTransitionError`), and a step without a move keeps the mirror's state. Logged. Returns
   * whether the board took the mirror's record.
   */
  const goOnFromNewerMirror = (stored: TaskRecord): boolean => {
    if (stored.task_id !== params.taskId || stored.version <= (record?.version ?? 0)) return false;
    params.log?.(
      `Task ${params.taskId}: the status comment holds ${marker === undefined ? 'no marker that reads back' : `an older state (version ${marker.version ?? 0}, ${marker.state})`} than the tasks mirror (version ${stored.version}, ${stored.status}): the task goes on from the mirror's record; the newest version wins`,
    );
    record = stored;
    state = stored.status;
    const trust = mirroredTrust(stored, marker);
    if (trust.trust_lost === true && marker?.trust_lost !== true)
      params.log?.(
        `Task ${params.taskId}: the tasks mirror's record does not carry who asked for the task and who pushed to it, and no marker does; no approval counts until a person merges`,
      );
    marker = {
      ...marker,
      ...markerFieldsOf(stored),
      ...trust,
      task_id: params.taskId,
      state: stored.status,
      updated_at: stored.updated_at,
    };
    return true;
  };

  /**
   * The sequences up to the base record's version the mirror lacks and nothing carries: named by
   * an `events_lost` event with the next move (`fitMarkerEvents`), never left a silent gap. Once
   * the marker carries that gap event, they are named. Unknown (the mirror unread): none.
   */
  const unrecordedAtStart = (): [number, number][] =>
    coveredAtStart === undefined || record === undefined
      ? []
      : unrecordedSequences({
          version: record.version,
          covered: Math.max(coveredAtStart, confirmed),
          held: heldAtStart,
          carried: marker?.unmirrored ?? [],
        });

  /**
   * Before a write: migrates the former id's records (`migrateFormerTask`), so the marker written
   * next no longer needs to name them. A mirror that cannot be reached leaves the migration pending:
   * the marker keeps `migrate_from` for the next step, whichever run takes it.
   */
  const migrateFormerly = async (): Promise<void> => {
    const tasks = params.mirrors?.tasks;
    if (formerTaskId === undefined || tasks === undefined) return;
    try {
      await migrateFormerTask({
        tasks,
        events: params.mirrors?.events,
        taskId: params.taskId,
        formerTaskId,
        renamed,
      });
      formerTaskId = undefined;
    } catch (error) {
      params.log?.(
        `Task ${params.taskId}: the records under ${formerTaskId} could not be migrated yet (${String(error)}); the status keeps naming them`,
      );
    }
  };

  const check = (to: TaskState) => {
    if (to !== state) assertTransition(state, to);
  };
  /** The `ETag` of the board's last write or read of the comment, for a conditional read of it. */
  let etag: string | undefined = params.existing?.etag;
  /** Whether a write of this run stood on the comment (read back, not replaced). */
  let stood = false;
  /** Whether the status this board started from already records its trigger as handled. */
  const handledAtStart = params.trigger !== undefined && wasHandled(marker?.handled_triggers, params.trigger);
  /** Why this board writes nothing more: another run carries out its trigger (`carriedOutElsewhere`). */
  let superseded: string | undefined;

  /**
   * Just before a write: reads the comment again (conditional on the `ETag` of the board's last
   * write or read, so an unchanged comment costs a 304, which GitHub does not count against the
   * rate limit). GitHub's edit of a comment has no condition: without this read, a run writing on
   * the base it read moments or minutes ago replaces another run's step written since, unnoticed.
   * Returns the comment when another run wrote it since (`baseRead`: `moved`), on which the step
   * must then be applied; otherwise `undefined`, and the write goes on from the base it has (a
   * failed read is logged).
   */
  const readBaseAgain = async (): Promise<StatusCommentRef | undefined> => {
    if (params.reread === undefined || commentId === undefined) return undefined;
    try {
      const seen = await params.reread(commentId, etag);
      const read = baseRead(seen, marker);
      if (read === 'earlier' && seen !== 'unchanged' && seen !== undefined)
        params.log?.(earlierStateLine(seen.marker, marker));
      if (read === 'current' && seen !== 'unchanged' && seen?.etag !== undefined) etag = seen.etag;
      return read === 'moved' && seen !== 'unchanged' ? seen : undefined;
    } catch (error) {
      if (httpStatusOf(error) === 404) {
        forget(`the status comment ${commentId} is gone (deleted)`);
        return undefined;
      }
      params.log?.(
        `Task ${params.taskId}: the status comment could not be read again before writing: ${String(error)}`,
      );
      return undefined;
    }
  };

  /**
   * The status comment was deleted (a person did, GitHub answers 404): the board still holds the
   * whole record, so its next write creates the comment again, in full, from it; the listing after
   * that write (`boardAfterWrite`) keeps one board if another run did the same.
   */
  const forget = (why: string) => {
    params.log?.(`Task ${params.taskId}: ${why}; this run writes the status again as a new comment`);
    commentId = undefined;
    etag = undefined;
    body = '';
  };

  /**
   * Takes `seen` (another run's write, read just before this run's) as the base, the states this
   * run passed since its last write on top of it. `to`, the state this step moves to (absent for a
   * step without a move), must follow from there along the states passed (`pathFollows`).
   */
  const rebaseOn = (seen: StatusCommentRef, to: TaskState | undefined): 'rebased' | 'cannot-follow' => {
    params.log?.(
      `Task ${params.taskId}: another run wrote the status comment since this run read it; applying this step on top of it`,
    );
    const passedBefore = passed;
    adopt(seen);
    passed = passedBefore;
    if (to === undefined) return 'rebased';
    if (!pathFollows({ from: state, passed, to })) return 'cannot-follow';
    state = passed.findLast((step) => step.type === 'state_changed')?.to ?? state;
    return 'rebased';
  };

  /** Writes `text` (edits the comment, or creates it when there is none or it was deleted since). */
  const write = async (text: (full: boolean) => string): Promise<{ created: boolean }> => {
    const send = () =>
      writeStatusComment({
        client: params.client,
        owner: params.owner,
        repo: params.repo,
        issueNumber: params.issueNumber,
        commentId,
        body: text(commentId === undefined),
      });
    let created = commentId === undefined;
    const written = await send().catch((error: unknown) => {
      if (created || httpStatusOf(error) !== 404) throw error;
      forget(`the status comment ${commentId} could not be edited: it is gone (deleted)`);
      created = true;
      return send();
    });
    body = text(created);
    etag = written.etag;
    commentId = written.commentId;
    return { created };
  };

  /**
   * Writes the step's marker (`shown`, which holds `written`) again — the repair after an older
   * marker was written back over it, the mirror warning — through the same read before the write
   * and read-backs after it as the step's own write, so it never writes blind over another run's
   * step. Returns another run's write found in its place that does not hold this step (the step is
   * to be applied on it again); `undefined` when written, or when another run's later write holds
   * the step already (that write is kept and taken as the base, this write dropped).
   */
  const rewrite = async (
    shown: TaskMarker,
    text: (full: boolean) => string,
    written: MarkerWrite,
  ): Promise<StatusCommentRef | undefined> => {
    const moved = await readBaseAgain();
    if (moved !== undefined && holdsWrite(moved.marker, written)) {
      params.log?.(
        `Task ${params.taskId}: another run wrote the status comment on top of this run's step; its write is kept`,
      );
      adopt(moved);
      return undefined;
    }
    if (moved !== undefined) return moved;
    const { created } = await write(text);
    marker = shown;
    const after = await afterWrite({ created, written });
    if (after.duplicate !== undefined && after.replaced !== undefined) {
      await retireDuplicate(after.duplicate, after.replaced);
      return after.replaced;
    }
    if (after.replaced === undefined || !isEarlierState(after.replaced.marker, shown)) return after.replaced;
    // Written back over again: said, not fought over; the next step's read before its write finds it.
    params.log?.(earlierStateLine(after.replaced.marker, shown));
    return undefined;
  };

  const afterWrite = (input: { created: boolean; written: MarkerWrite }) =>
    boardAfterWrite({
      commentId: commentId!,
      created: input.created,
      write: input.written,
      checkWrites: params.reread !== undefined,
      ...(etag === undefined ? {} : { etag }),
      ...(params.reread === undefined ? {} : { reread: params.reread }),
      ...(params.listBoards === undefined ? {} : { listBoards: params.listBoards }),
      ...(params.settle === undefined ? {} : { settle: params.settle }),
      log: (line) => params.log?.(`Task ${params.taskId}: ${line}`),
    });

  const retireDuplicate = async (duplicate: number, kept: StatusCommentRef) => {
    params.log?.(
      `Task ${params.taskId}: another run created the status comment at once; keeping the oldest (${kept.commentId})`,
    );
    await params.retire?.({ commentId: duplicate, keptId: kept.commentId }).catch((error: unknown) => {
      params.log?.(`Task ${params.taskId}: the second status comment could not be removed: ${String(error)}`);
    });
    adopt(kept);
  };

  /**
   * One step of the board: apply the move to the record, write the comment (re-rendered, or only
   * its deploy section and marker when `keepBody`), then the mirrors and the bus. Lifecycle events
   * the bus did not take stay in the marker's `unsent` and go again with the next step.
   */
  const commit = async (input: {
    to: TaskState;
    options: MoveOptions;
    keepBody: boolean;
    round?: number;
    /** Another run's write, read just before this step's write: the step is applied on top of it. */
    moved?: StatusCommentRef;
    /** The step's write id, kept when the step is applied again: a marker holding it holds the step. */
    writeId?: string;
  }): Promise<{ refused?: string; warning?: string; note?: string }> => {
    const { options, keepBody } = input;
    if (superseded !== undefined) return stopped(superseded, keepBody);
    const round = input.round ?? 0;
    const refreshed =
      input.moved === undefined ? 'kept' : rebaseOn(input.moved, keepBody ? undefined : input.to);
    if (refreshed === 'cannot-follow') {
      // Another run's write (read just now) moved the task where this step cannot follow: it stands.
      const refused = `another run moved the task to ${state}, from which this run's step to ${input.to} cannot follow; it is not written`;
      params.log?.(`Task ${params.taskId}: ${refused}`);
      return { refused };
    }
    const passedBefore = passed;
    const writeId = input.writeId ?? randomBytes(4).toString('hex');
    if (input.moved !== undefined || round > 0) {
      // Another run's write is the base now: it may hold this very step, or this very trigger.
      if (marker !== undefined && holdsWrite(marker, { id: writeId })) {
        params.log?.(
          `Task ${params.taskId}: the status comment holds this step already; it is not applied again`,
        );
        return {};
      }
      if (carriedOutElsewhere(options)) {
        superseded = `another run carries out the same trigger (${params.trigger}) on this task; this run stops`;
        params.log?.(`Task ${params.taskId}: ${superseded}`);
        return stopped(superseded, keepBody);
      }
    }
    // Migrated first: the mirror's records of this task are then under its id when read. A mirror
    // newer than the comment becomes the base (`goOnFromNewerMirror`) before the step is checked.
    await migrateFormerly();
    const adopted = await readMirrorAtStart();
    // Steps without a move (a deploy run's) keep whatever state the other run (or the mirror) left.
    const to = keepBody && (refreshed === 'rebased' || adopted) ? state : input.to;
    if (adopted && !keepBody) {
      // The states this run passed on the comment's older base are walked again from the mirror's.
      for (const step of passed) {
        if (step.type !== 'state_changed') continue;
        check(step.to);
        state = step.to;
      }
    }
    check(to);
    const at = now().toISOString();
    const texts = await redactedTexts(options);
    let recorded = recordMove({
      record,
      to,
      at,
      taskId: params.taskId,
      repo,
      params,
      passed,
      options: { ...options, ...texts },
    });
    if (keepBody && recorded.steps.length === 0) {
      const refused = recorded.problem ?? 'nothing to record';
      params.log?.(`Task ${params.taskId}: the status comment is not edited: ${refused}`);
      return { refused };
    }
    // The events the mirror may lack ride in the marker, bounded by count and size; what no longer
    // fits is named on the comment and recorded as an `events_lost` event, never dropped silently.
    const fitted = fitMarkerEvents({
      earlier: (marker?.unmirrored ?? []).filter(
        (event) => event.sequence > confirmed && !heldAtStart.some((held) => isSameEvent(held, event)),
      ),
      recorded,
      at,
      taskId: params.taskId,
      mirrored,
      unrecorded: unrecordedAtStart(),
    });
    recorded = fitted.recorded;
    const unmirrored = fitted.unmirrored;
    if (fitted.note !== undefined) params.log?.(`Task ${params.taskId}: ${fitted.note}`);
    const next: TaskMarker = {
      ...marker,
      ...options.patch,
      ...markerFieldsOf(recorded.record),
      ...(params.trigger === undefined
        ? {}
        : {
            handled_triggers: options.unhandled
              ? (marker?.handled_triggers ?? []).filter((key) => key !== params.trigger)
              : recordTrigger(marker?.handled_triggers, params.trigger),
          }),
      task_id: params.taskId,
      state: to,
      updated_at: at,
    };
    // The record carries the marker's trust facts, so a run going on from a mirror keeps them.
    // Written even when empty: a record's `trust` says what is known, its absence that nothing is.
    recorded = {
      ...recorded,
      record: { ...recorded.record, schema_version: TASK_RECORD_SCHEMA_VERSION, trust: trustFactsOf(next) },
    };
    const repositoryId = params.repositoryId ?? marker?.repository_id;
    if (repositoryId !== undefined) next.repository_id = repositoryId;
    // Until the tasks table has taken the former id's records, the marker keeps naming them.
    if (formerTaskId !== undefined && params.mirrors?.tasks !== undefined) next.migrate_from = formerTaskId;
    else delete next.migrate_from;
    for (const field of options.clear ?? []) delete next[field];
    // Why the task was cancelled says nothing once it is not: a later `/cancel` must not read it.
    if (to !== 'cancelled') delete next.cancelled_by_close;
    // Only a board that reads its comment back needs to find its write there.
    if (params.reread !== undefined) {
      next.writes = [...(marker?.writes ?? []), writeId].slice(-MAX_MARKER_WRITES);
      next.recent_writes = recentWritesAfter(marker?.recent_writes, writeId, new Date(at));
    }
    const resent = await resendEarlierArtifacts({
      marker,
      patch: options.patch,
      resend: params.resendArtifacts,
      log: params.log,
    });
    if (resent.cleared && options.patch?.unsent_artifacts === undefined) delete next.unsent_artifacts;
    // The paths ride in the public comment: one holding a secret (a marker an older version wrote,
    // a caller that did not redact) goes as the store keys it, never as written (issue #10).
    // Refitted (`unsentArtifactsOf`): a redacted path is longer than the one it stands for.
    if (next.unsent_artifacts !== undefined) {
      const { attempt, commit_sha: commitSha, paths, more = 0 } = next.unsent_artifacts;
      const refitted = unsentArtifactsOf({
        attempt,
        ...(commitSha === undefined ? {} : { commitSha }),
        paths: await Promise.all(paths.map(storedArtifactPath)),
      });
      const left = (refitted?.more ?? 0) + more;
      next.unsent_artifacts = {
        attempt,
        ...(commitSha === undefined ? {} : { commit_sha: commitSha }),
        paths: refitted?.paths ?? [],
        ...(left > 0 ? { more: left } : {}),
      };
    }
    const records = await resendEarlierDeployments({
      earlier: marker?.unsent_deployments,
      added: options.unsentDeployments,
      resend: params.resendDeployments,
      log: params.log,
    });
    if (records.unsent.length > 0) next.unsent_deployments = records.unsent;
    else delete next.unsent_deployments;
    const plainNote = detailsWith(undefined, [resent.note, records.note]).details;
    // The note names unsent paths: redacted as the move's other texts are.
    const note = plainNote === undefined ? undefined : await redactSecrets(plainNote);
    if (mirrored && unmirrored.length > 0) next.unmirrored = unmirrored;
    else delete next.unmirrored;
    // Outbox: the step's lifecycle events are in the marker before the bus sees them, so a crash
    // between this write and the publish leaves them for the next run; the write after the publish
    // confirms them (drops them). At least once: a consumer drops a `detail.event_id` it has seen.
    // The marker must fit a comment: past the bound the oldest go, and the comment says so.
    const { outbox, dropped } = markerOutbox({
      earlier: marker?.unsent,
      steps: recorded.steps,
      publishing: params.mirrors?.publisher !== undefined,
    });
    if (dropped !== undefined) params.log?.(`Task ${params.taskId}: ${dropped}`);
    if (outbox !== undefined && outbox.length > 0) next.unsent = outbox;
    else if (outbox !== undefined) delete next.unsent;
    /** `full`: the whole status, also for a step that keeps the body (a comment written anew). */
    const render = (shown: TaskMarker, warning: string | undefined, full = false) =>
      keepBody && !full
        ? withDeploySection({
            body,
            marker: shown,
            ...(params.signingKey === undefined ? {} : { signingKey: params.signingKey }),
          })
        : renderStatusComment({
            marker: shown,
            // The details as redacted with the move's other texts (`redactedTexts`), never as given.
            ...detailsWith(texts.details, [recorded.problem, note, setAside, fitted.note, dropped, warning]),
            ...(params.signingKey === undefined ? {} : { signingKey: params.signingKey }),
          });
    const moved = await readBaseAgain();
    if (moved !== undefined && round < MAX_REAPPLY) {
      const { moved: _earlier, ...step } = input;
      return commit({ ...step, moved, round: round + 1, writeId });
    }
    if (moved !== undefined)
      params.log?.(
        `Task ${params.taskId}: other runs wrote the status comment before each of ${MAX_REAPPLY + 1} tries; this run's step to ${to} is written over the last one (the read-back after it applies it again where it can)`,
      );
    const written: MarkerWrite = { id: writeId };
    const { created } = await write((full) => render(next, undefined, full));
    // Only a written state is the state: a failed write leaves the board (and the record) where it was.
    marker = next;
    if (!keepBody) setAside = undefined;
    state = to;
    record = recorded.record;
    passed = [];
    const after = await afterWrite({ created, written });
    const { duplicate } = after;
    let { replaced } = after;
    if (replaced !== undefined && duplicate === undefined && isEarlierState(replaced.marker, next)) {
      // An older marker written back over this run's: ignored, and this run's write made again.
      params.log?.(earlierStateLine(replaced.marker, next));
      replaced = await rewrite(next, (full) => render(next, undefined, full), written).catch(
        (error: unknown) => {
          params.log?.(
            `Task ${params.taskId}: the status comment could not be written again: ${String(error)}`,
          );
          return undefined;
        },
      );
    }
    if (duplicate !== undefined && replaced !== undefined) await retireDuplicate(duplicate, replaced);
    /**
     * Another run's write stands where this step's should (`replaced`): the step is applied again
     * on top of it when it can follow, at most `MAX_REAPPLY` times; the result of that, or
     * `undefined` when it is not applied again (logged).
     */
    const reapplyOn = async (
      replaced: StatusCommentRef,
    ): Promise<{ refused?: string; warning?: string; note?: string } | undefined> => {
      if (round >= MAX_REAPPLY) {
        params.log?.(
          `Task ${params.taskId}: another run replaced the status comment ${MAX_REAPPLY + 1} times; this run's step to ${to} stays in the mirrors only.`,
        );
        return undefined;
      }
      if (keepBody || replaced.marker.state === to || canTransition(replaced.marker.state, to)) {
        // Another run's step is on the comment now, not this one's: take it as the base and apply this step again.
        params.log?.(
          `Task ${params.taskId}: another run wrote the status comment at once; applying this step on top of it`,
        );
        adopt(replaced);
        passed = passedBefore;
        // Steps without a move (a deploy run's) keep whatever state the other run left.
        const { moved: _base, ...step } = input;
        return commit({ ...step, to: keepBody ? replaced.marker.state : to, round: round + 1, writeId });
      }
      params.log?.(
        `Task ${params.taskId}: another run moved the task to ${replaced.marker.state}, from which this run's step to ${to} cannot follow; it stays in the mirrors only.`,
      );
      return undefined;
    };
    if (replaced === undefined) stood = true;
    else {
      const reapplied = await reapplyOn(replaced);
      if (reapplied !== undefined) return reapplied;
    }
    const noted = note === undefined ? {} : { note };
    if (params.mirrors === undefined) return noted;
    const step = await mirrorTaskStep({
      mirror: params.mirrors,
      formerTaskId,
      renamed,
      record: recorded.record,
      unmirrored,
      steps: recorded.steps,
      unsent: next.unsent ?? [],
      ...(outbox === undefined ? {} : { outbox }),
    });
    if (step.sync?.status !== 'behind') confirmed = recorded.record.version;
    const unsent = step.unsent.slice(-MAX_UNSENT_EVENTS);
    const unsentChanged = unsent.length !== (next.unsent?.length ?? 0);
    if (step.warning === undefined && !unsentChanged) return noted;
    if (step.warning !== undefined) params.log?.(`Task ${params.taskId}: ${step.warning}`);
    const shown: TaskMarker = { ...next };
    if (unsent.length > 0) shown.unsent = unsent;
    else delete shown.unsent;
    // The warning (and what the bus still lacks) goes on the status comment; failing to say so must
    // not fail the task either. Read first and read back like the step's write: the mirror's
    // retries take seconds, in which another run may have written its step.
    const warningLine = step.warning === undefined ? undefined : `⚠️ ${step.warning}`;
    const lost = await rewrite(shown, (full) => render(shown, warningLine, full), written).catch(
      (error: unknown) => {
        params.log?.(`The mirror warning could not be written to the status comment: ${String(error)}`);
        return undefined;
      },
    );
    const reapplied = lost === undefined ? undefined : await reapplyOn(lost);
    const result = reapplied ?? noted;
    return step.warning === undefined ? result : { ...result, warning: step.warning };
  };

  /**
   * Whether the base this board took from another run's write already records this board's
   * trigger as handled while no write of this run stood on the comment yet: another delivery of
   * the same trigger got there first and carries it out (a trigger recorded in the status this
   * board started from says nothing of that, and neither does a move that gives the trigger up).
   */
  const carriedOutElsewhere = (options: MoveOptions): boolean =>
    params.trigger !== undefined &&
    options.unhandled !== true &&
    !stood &&
    !handledAtStart &&
    wasHandled(marker?.handled_triggers, params.trigger);

  /** A board whose trigger another run carries out writes nothing more: a move throws, steps are refused. */
  const stopped = (why: string, keepBody: boolean): { refused: string } => {
    if (keepBody) return { refused: why };
    const error = new TriggerCarriedOutElsewhereError(why);
    // Nothing to tell the person who asked: the run carrying the trigger out answers them.
    markAnswered(error);
    throw error;
  };

  const earlierStateLine = (seen: TaskMarker, base: TaskMarker | undefined) =>
    `Task ${params.taskId}: the status comment holds an older state (version ${seen.version ?? 0}, ${seen.state}) than this run builds on (version ${base?.version ?? 0}, ${base?.state ?? 'none'}): a marker written back over the live one is ignored; the newest version wins`;

  const adopt = (seen: StatusCommentRef) => {
    commentId = seen.commentId;
    marker = replayableMarker({ marker: seen.marker, trust: seen.trust, taskId: params.taskId }).marker;
    body = seen.body;
    etag = seen.etag;
    state = seen.marker.state;
    record = recordFromMarker({
      marker: seen.marker,
      taskId: params.taskId,
      repo,
      issueNumber: params.issueNumber,
    });
  };

  return {
    get current() {
      return marker;
    },
    get record() {
      return record;
    },
    pass(to) {
      check(to);
      passed.push({ type: 'state_changed', to });
      state = to;
    },
    async move(to, options = {}) {
      await commit({ to, options, keepBody: false });
    },
    async recordSteps(steps, options = {}) {
      return commit({ to: state, options: { ...options, steps }, keepBody: true });
    },
  };
}

/**
 * The trust facts a board going on from the mirror's `stored` record keeps: the record's merged
 * with the marker's (a replayed older marker may know someone the record does not, and the record
 * someone pushed since; `mergeTrustFacts` only ever adds). A record that carries none (schema 1, or
 * written where no comment backed it) while the marker did not read back, or carries none and the
 * marker is older: who asked and who pushed since is unknown, so `trust_lost` (no approval counts).
 */
function mirroredTrust(stored: TaskRecord, marker: TaskMarker | undefined): TrustFacts {
  if (stored.trust !== undefined) return mergeTrustFacts(stored.trust, marker);
  return { ...mergeTrustFacts(undefined, marker), trust_lost: true };
}
