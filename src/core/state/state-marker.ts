import { z } from 'zod';
import { taskIdSchema } from '../task/task-id-schema.js';
import { signMarkerText } from './marker-signature.js';
import { taskStateSchema } from './task-state-schema.js';
import { outcomeSummarySchema } from '../outcome/outcome-summary.js';
import { handledTriggersSchema } from '../idempotency/handled-triggers.js';
import { EXECUTION_MODES, TASK_TYPES } from '../request/execution-request.js';
import { lastPushSchema } from '../review/last-push.js';
import { foreignPushSchema } from '../review/foreign-push.js';
import { accountSchema } from '../review/account.js';
import { lifecycleEventSchema, MAX_UNSENT_EVENTS } from '../task/lifecycle-event.js';
import { taskEventSchema } from '../task/task-event.js';
import { mergeEnvironmentDeploys } from '../task/merge-environment-deploys.js';
import { environmentDeploySchema, recordVersionSchema, tokenTotalsSchema } from '../task/task-record.js';
import { MAX_UNSENT_DEPLOYMENTS, unsentDeploymentSchema } from './unsent-deployment.js';
import { fitMarkerLists } from './fit-marker-lists.js';

/**
 * Events the marker keeps for a mirror that has not confirmed them. A mirror is out for this many
 * steps of one task only in an outage far longer than any run; the oldest are dropped past it.
 */
export const MAX_UNMIRRORED_EVENTS = 40;

/** The marker's `unsent` keeps at most this many lifecycle events, as a log's record does. */
export { MAX_UNSENT_EVENTS } from '../task/lifecycle-event.js';

/**
 * Artifact paths the marker names when an attempt's artifacts did not reach the store: an attempt
 * has a few fixed artifacts and the generated files, which the config's `limits.max_files` bounds
 * (100 by default); past this many paths the rest are counted in `more`, so the marker fits a comment.
 */
export const MAX_UNSENT_ARTIFACT_PATHS = 60;
/** The longest path the marker names (characters); a longer one is counted in `more`. */
export const MAX_UNSENT_ARTIFACT_PATH_CHARS = 400;
/**
 * Characters the named paths may take as the marker writes them (`markerChars`: `-` and `>` take
 * six each), so 60 long hyphenated paths cannot crowd the comment past GitHub's 65,536; past it
 * the rest are counted in `more`.
 */
export const MAX_UNSENT_ARTIFACT_CHARS = 10_000;

/**
 * What of one attempt's artifacts did not reach the artifacts store (`storeAttemptArtifacts`): the
 * next step re-sends the generated files from `commit_sha` (the agent's own commit of them, on the
 * task's branch) and the validation report re-derived from them, and names the rest as lost.
 */
export const unsentArtifactsSchema = z.object({
  attempt: z.number().int().positive(),
  /** The commit the agent pushed the attempt's files in; absent when they were never published. */
  commit_sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  /**
   * Paths inside the attempt (`files/<path>`, `validation-report.json`, `prompt.json`…); empty
   * when none fit the marker (all counted in `more`).
   */
  paths: z.array(z.string().min(1).max(MAX_UNSENT_ARTIFACT_PATH_CHARS)).max(MAX_UNSENT_ARTIFACT_PATHS),
  /** Paths beyond `paths`, not named: lost unless they are `files/` of the commit. */
  more: z.number().int().positive().optional(),
});

export type UnsentArtifacts = z.infer<typeof unsentArtifactsSchema>;

/** Write ids the marker keeps (`writes`): enough to see the few runs that can race on one comment. */
export const MAX_MARKER_WRITES = 8;

/**
 * How long (milliseconds) a write's id stays in the marker's `recent_writes` after it was made:
 * longer than any run checks its write (a read-back at once and one after `SETTLE_MS`, each tried
 * twice, plus at most `MAX_REAPPLY` rounds of that), with room for runners' clock skew.
 */
export const RECENT_WRITE_MS = 15 * 60_000;

/**
 * Most ids `recent_writes` keeps, newest kept: past this many writes within `RECENT_WRITE_MS`,
 * a run checking an older write can no longer prove it held and applies its step again.
 */
export const MAX_RECENT_WRITES = 32;

const MARKER_PREFIX = '<!-- implementation-agent:state ';
const MARKER_SUFFIX = ' -->';
const SIGNATURE_PREFIX = ' hmac-sha256=';
/** The whole marker line: the JSON, then the signature when the writer had a key. */
const MARKER_LINE = /^<!-- implementation-agent:state (\{.*\})(?: hmac-sha256=([0-9a-f]{64}))? -->$/;

/** What the status comment carries between stateless runs (DESIGN §3). */
export const taskMarkerSchema = z
  .object({
    task_id: taskIdSchema,
    /**
     * GitHub's numeric id of the task's repository (`repository.id` of a webhook payload,
     * `GITHUB_REPOSITORY_ID` in a workflow), which stays through a rename or a transfer while the
     * name in `task_id` changes: a marker of the same id under another name is this task
     * (`judgeMarker`), one of another id never is. Absent in markers written before it was kept.
     */
    repository_id: z.number().int().positive().optional(),
    /**
     * The task's id as its records in the mirror may still be spelled (`Acme/Shop#7` before ids
     * were canonical; `acme/shop#7` before the repository became `acme/store`), kept until a
     * mirror sync has migrated them (`migrateFormerTask`): a step whose sync fails must not lose
     * the only place that names them.
     */
    migrate_from: taskIdSchema.optional(),
    state: taskStateSchema,
    attempt: z.number().int().nonnegative(),
    branch: z.string().optional(),
    pull_number: z.number().int().positive().optional(),
    environment: z.string().optional(),
    /** The `/implement` comment that holds the request, when it did not come from the issue body. */
    request_comment_id: z.number().int().positive().optional(),
    /** Where the generated CloudFormation template lives on the branch; `/deploy` deploys it. */
    template_path: z.string().optional(),
    /**
     * The commit the task's latest generation pushed (`publishPullRequest`): the next generation
     * deletes the files it wrote there that it no longer writes (`readRetiredFiles`). Absent in
     * markers written before it was kept: that re-run retires nothing. As GitHub gives it, like
     * `last_push`'s sha.
     */
    generated_commit: z.string().min(1).max(64).optional(),
    cost_usd: z.number().nonnegative().default(0),
    /** Who asked for the task (a GitHub login): guided mode's self-approval rule reads it. */
    requester: z.string().min(1).max(100).optional(),
    /**
     * The requester's GitHub account id (review #9h): the self-approval rule knows them by it
     * through a rename. Absent in markers written before it was kept: the login alone then.
     */
    requester_id: z.number().int().positive().optional(),
    /**
     * The requester's account type as the event's `sender.type` gave it (`User`, `Bot`,
     * `Organization`): GitHub vouches for it, while a login says nothing (its Copilot coding agent
     * is `Copilot`, type `Bot`, no `[bot]` suffix). The approval rule needs two writers for a bot's
     * task (`applyReviewPolicy`). Absent in markers written before it was kept: unknown, and the
     * rule then goes by the login's `[bot]` suffix alone (`isBotAccount`).
     */
    requester_type: accountSchema.shape.type,
    /**
     * Everyone else who asked for the task (review 9l): the request text's author when another
     * person started it (labeled the issue, or ran its body with `/implement`), and whoever ran a
     * request changed since its last run with `/retry`. The self-approval rule sets their approvals
     * aside as it does the requester's (`applyReviewPolicy`). Absent in markers written before it
     * was kept, or when the requester alone asked.
     */
    co_requesters: z.array(accountSchema).max(10).optional(),
    /**
     * Who rewrote the issue body this task runs from (review 9m): read from the body's edit
     * history (GraphQL `userContentEdits`) when a labeling, a bare `/implement` or a `/retry`
     * starts a run of it, and from each later `issues.edited` delivery's sender (whichever request
     * the task runs meanwhile), in order, at most 10 (past that, `request_editors_past_bound`): a
     * later run of the body runs their text, so they join that run's `co_requesters`. Absent in
     * markers written before it was kept, or when nobody else edited it.
     */
    request_editors: z.array(accountSchema).max(10).optional(),
    /**
     * More people rewrote the issue body than `request_editors` keeps (review 13m): whoever was not
     * kept could approve their own text, so no run of the body starts while this is set
     * (`request_editors_unknown`, whose answer says running the body again is refused the same
     * way); a request posted in a `/implement` comment still runs, and so does a new issue. The
     * body's edits stay in its history, so nothing clears it.
     */
    request_editors_past_bound: z.literal(true).optional(),
    updated_at: z.string(),
    /**
     * Read only: where markers written before the record took deploys kept the deploy state. Read
     * into `environments` (`mergeEnvironmentDeploys`) and never written again.
     */
    deploys: z.record(z.string(), environmentDeploySchema).optional(),

    // Approval binding (#8 kind 3).
    /**
     * sha256 (hex) of the request text the hold showed (`heldRequestText`); `/approve` releases the
     * request only while its text still has this digest.
     */
    request_digest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),

    // Idempotency (core/idempotency): what this task has already carried out, so a redelivered or
    // overlapping trigger is not carried out again.
    /** Triggers carried out, newest last (`opened`, `comment:<id>`, `dispatch:<request id>`…). */
    handled_triggers: handledTriggersSchema.optional(),
    /** `requestDigest` of the request the latest generation was made from. */
    generated_from: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),

    // Mode decision (#9 items 4, 6): what the risk classifier made of the latest generation, so a
    // later event (a review, the merge) knows whether the task runs automated or guided.
    /** The mode the task runs in (`effectiveMode`): hybrid and automated resolve to one of these. */
    effective_mode: z.enum(['automated', 'guided', 'manual']).optional(),
    risk_level: z.enum(['low', 'high']).optional(),
    /**
     * The branch the task's pull request was opened against (#9 review: a PR retargeted elsewhere
     * is not merged by the agent). Absent in older markers: the repository's default branch.
     */
    base_branch: z.string().min(1).max(255).optional(),
    /**
     * The head someone other than the agent pushed to the task's branch, recorded when the guard
     * fell the task back to guided (review #9b), or when a run or feedback commit found the branch
     * head was not the agent's recorded commit (`unvalidatedHead`, review #9e: a push it never saw).
     * A re-run builds on the branch head, so the push stays in it: the task stays guided
     * (`guidedAfterPush`) while this is set. Dropped only with a branch made anew
     * (`RECREATED_BRANCH_RESETS`).
     */
    unvalidated_push: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .optional(),
    /** Commits pushed for review feedback (`iterateOnFeedback`); `review.max_iterations` bounds it. */
    feedback_iterations: z.number().int().nonnegative().optional(),
    /** GitHub's time of the newest feedback taken in; older feedback is never taken in again. */
    feedback_since: z.string().max(40).optional(),
    /**
     * The newest push to the task's branch the agent knows of, and who made it (#9 review: the
     * pusher's own approval of it is set aside, `review.allow_pusher_approval`). Absent in markers
     * written before pushes were recorded: the rule then sets no pusher aside.
     */
    last_push: lastPushSchema.optional(),
    /**
     * Everyone but the agent who pushed to the task's branch (#9c review: `humanPushersAfter`),
     * lowercase logins with GitHub's account id and type when known (a bare login in older
     * markers; review #9h: the id survives a rename, the type tells a bot), at most 20 (past that,
     * `trust_lost` instead of dropping one: review 13o, `pushersPatch`). The agent's commits on top do not reset it: an approval from
     * one of them is set aside (`review.allow_pusher_approval`), since their commits stay under
     * the agent's head. Dropped only by a run that makes the branch anew from the base branch (it
     * was deleted: `RECREATED_BRANCH_RESETS`). Absent: none recorded.
     */
    human_pushers: z
      .array(z.union([z.string().min(1).max(100), accountSchema]))
      .max(20)
      .optional(),
    /**
     * Pushes to the task's branch someone other than the agent made, and who made each as GitHub
     * said (#9 review: the `pull_request.synchronize` sender, or the repository activity's actor for
     * a push no event named, `readPushers`); `login` absent: GitHub could not say, so the approval
     * rule asks for two writers (`applyReviewPolicy`). Oldest first, at most `MAX_FOREIGN_PUSHES`;
     * dropped with a branch made anew (`RECREATED_BRANCH_RESETS`).
     */
    foreign_pushes: z.array(foreignPushSchema).max(20).optional(),
    /**
     * Set when the board went on from a record without the trust facts above and no marker to take
     * them from (`goOnFromNewerMirror`, `mergeTrustFacts`), or when more people pushed to the branch
     * than `human_pushers` keeps (`pushersPatch`): who asked and who pushed is unknown, so
     * no approval counts (`applyReviewPolicy`), an automated task falls back to guided
     * (`TRUST_LOST_REASON`) and a person merges by hand. Dropped only with a branch made anew
     * (`RECREATED_BRANCH_RESETS`).
     */
    trust_lost: z.literal(true).optional(),
    /**
     * Set while GitHub's auto-merge of an automated task is off because a counted request for
     * changes stands (`standingChangesRequest`): the sync turned it off, or a run did not turn it
     * on. Once none stands, the head passes the agent's validation and the task still runs
     * automated at low risk, the sync turns it on again (`rearmAutoMerge`) and drops this, once.
     */
    auto_merge_held: z.literal(true).optional(),
    /**
     * Set when the task needs GitHub's auto-merge off (it fell back to guided, was cancelled) and
     * GitHub did not confirm turning it off (`disarmAutoMerge`): it may still be on. The next sync of
     * the open pull request asks again (`autoMergeStep`) and drops this once GitHub confirms.
     */
    auto_merge_off_pending: z.literal(true).optional(),
    /**
     * Set when the task was cancelled because its pull request was closed unmerged: reopening the
     * pull request brings the task back (`cancelled → pr_open`), and a run that catches up on a
     * reopen it missed knows it. Absent on a task cancelled with `/cancel`; dropped on any move out
     * of `cancelled` (the status board).
     */
    cancelled_by_close: z.literal(true).optional(),

    // The task record (core/task, DESIGN §3) beyond the fields above, so a stateless run re-derives
    // it from GitHub alone (`recordFromMarker`). Absent in markers written before records.
    /** The record's version: how many events the task has taken in. */
    version: recordVersionSchema.optional(),
    /** The record's `pull_opened_version` and `pull_closed_version`: whether its pull request is open. */
    pull_opened_version: recordVersionSchema.optional(),
    pull_closed_version: recordVersionSchema.optional(),
    created_at: z.string().optional(),
    task_name: z.string().max(200).optional(),
    task_type: z.enum(TASK_TYPES).optional(),
    execution_mode: z.enum(EXECUTION_MODES).optional(),
    model: z.string().max(200).optional(),
    tokens: tokenTotalsSchema.optional(),
    /**
     * Environment name → its deploy state (DESIGN §3), the record's `environments`: deploys move it
     * (`applyDeployEvent`), never `state`. Absent until the first deploy.
     */
    environments: z.record(z.string(), environmentDeploySchema).optional(),
    /**
     * The record's last outcome (`summarizeOutcome`: scalars, texts at most 2,000 characters), so a
     * run continuing from the comment keeps it in the record it writes to the mirrors.
     */
    last_outcome: outcomeSummarySchema.optional(),
    /** The task's events a configured mirror has not confirmed yet, oldest first: the next run writes them. */
    unmirrored: z.array(taskEventSchema).max(MAX_UNMIRRORED_EVENTS).optional(),
    /** Lifecycle events the configured bus has not taken yet, oldest first: the next step sends them again. */
    unsent: z.array(lifecycleEventSchema).max(MAX_UNSENT_EVENTS).optional(),
    /**
     * Ids of the writes this marker builds on, newest last (8 hex digits each): a run that reads
     * its comment back after writing finds its own id there unless another run's write replaced
     * its own, and then applies its step again on top (the status board).
     */
    writes: z
      .array(z.string().regex(/^[0-9a-f]{8}$/))
      .max(MAX_MARKER_WRITES)
      .optional(),
    /**
     * Ids of this marker's line of writes made in the last `RECENT_WRITE_MS` (`at`: epoch
     * seconds), newest last, at most `MAX_RECENT_WRITES`: a run checking its write after more than
     * `MAX_MARKER_WRITES` later writes pushed it out of `writes` still finds it here, so only a run
     * that replaced it (and never holds it) makes the step apply again (`holdsWrite`).
     */
    recent_writes: z
      .array(z.object({ id: z.string().regex(/^[0-9a-f]{8}$/), at: z.number().int().nonnegative() }))
      .max(MAX_RECENT_WRITES)
      .optional(),
    /** An attempt's artifacts the artifacts store did not take: the next step re-sends what it can rebuild. */
    unsent_artifacts: unsentArtifactsSchema.optional(),
    /** Deployment records the deployments store did not take: the next step re-sends them. */
    unsent_deployments: z.array(unsentDeploymentSchema).max(MAX_UNSENT_DEPLOYMENTS).optional(),
  })
  // One per-environment field: an old marker's `deploys` is read into `environments`.
  .transform(({ deploys, ...marker }) => {
    const environments = mergeEnvironmentDeploys(marker.environments, deploys);
    return environments === undefined ? marker : { ...marker, environments };
  });

export type TaskMarker = z.infer<typeof taskMarkerSchema>;

/** A marker as read from a comment: the state, and the exact JSON text its signature covers. */
export interface MarkerLine {
  readonly marker: TaskMarker;
  readonly json: string;
  /** HMAC-SHA256 of `json` as hex, when the writer signed it. */
  readonly signature: string | undefined;
}

/**
 * The hidden marker line: `<!-- implementation-agent:state {json} hmac-sha256=<hex> -->`, the
 * signature (see `signMarkerText`) present when a key is given. JSON can't end the HTML comment
 * early once `--` and `>` are escaped. The marker's lists are held to their shared budget first
 * (`fitMarkerLists`), so the line always fits a comment; `renderStatusComment` names what that drops.
 */
export function renderStateMarker(marker: TaskMarker, signingKey?: Buffer): string {
  const json = JSON.stringify(fitMarkerLists(marker).marker)
    .replace(/-/g, '\\u002d')
    .replace(/>/g, '\\u003e');
  return markerLine(json, signingKey);
}

/**
 * Reads the marker at its one place: the last non-blank line of the status comment, where the
 * agent writes it and where `fitBody` keeps it. A marker anywhere else in the body (quoted,
 * pasted, in a code block) is not the agent's and yields `undefined`, as does one that does not
 * match the schema: state is only read when it is well formed.
 */
export function readStateMarker(body: string): MarkerLine | undefined {
  const lastLine = body.trimEnd().split(/\r?\n/).at(-1) ?? '';
  const match = MARKER_LINE.exec(lastLine);
  const json = match?.[1];
  if (json === undefined) return undefined;
  try {
    const parsed = taskMarkerSchema.safeParse(JSON.parse(json));
    return parsed.success ? { marker: parsed.data, json, signature: match?.[2] } : undefined;
  } catch {
    return undefined;
  }
}

/** The state a status comment carries, for display; whether to trust it is `judgeMarker`'s call. */
export function parseStateMarker(body: string): TaskMarker | undefined {
  return readStateMarker(body)?.marker;
}

/**
 * `body` with its marker signed again under `key`, the JSON text left byte for byte as it was
 * (a key rotation re-signs, it does not rewrite). A body without a marker is returned unchanged.
 */
export function resignStateMarker(body: string, key: Buffer): string {
  const trimmed = body.trimEnd();
  const start = trimmed.lastIndexOf('\n') + 1;
  const line = readStateMarker(trimmed);
  if (!line) return body;
  return `${trimmed.slice(0, start)}${markerLine(line.json, key)}${body.slice(trimmed.length)}`;
}

function markerLine(json: string, key: Buffer | undefined): string {
  const signature = key === undefined ? '' : `${SIGNATURE_PREFIX}${signMarkerText(json, key)}`;
  return `${MARKER_PREFIX}${json}${signature}${MARKER_SUFFIX}`;
}
