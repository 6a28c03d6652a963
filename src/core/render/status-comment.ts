import { untrustedInline } from '../markdown/untrusted-inline.js';
import type { TaskState } from '../state/task-state.js';
import { fitMarkerLists, type MarkerListsDropped } from '../state/fit-marker-lists.js';
import { renderStateMarker, type TaskMarker } from '../state/state-marker.js';
import { TRUST_LOST_REASON } from '../task/trust-lost-reason.js';
import { renderDeploySection } from './deploy-section.js';

/**
 * How far along the happy path each state is; a step is ticked once the task has reached its rank.
 * Off-path states (waiting, failed, cancelled) tick nothing: the headline says what happened.
 */
const PROGRESS: Readonly<Record<TaskState, number>> = {
  received: 0,
  held: 0,
  awaiting_input: 0,
  failed: 0,
  cancelled: 0,
  generating: 1,
  validating: 2,
  // The CLI's end: validated and committed, but no pull request was opened.
  committed: 3,
  pr_open: 4,
  changes_requested: 4,
  approved: 5,
  merged: 6,
  deploying: 6,
  deployed: 6,
  rolled_back: 6,
};

const STEPS = [
  'Request validated',
  'Code, template and tests generated',
  'Validation gates passed',
  'Pull request opened',
  'Approved',
  'Merged',
] as const;

const HEADLINES: Readonly<Record<TaskState, string>> = {
  received: '⏳ Request received',
  held: '✋ Waiting for a maintainer: someone with write access must comment `/approve`',
  awaiting_input: '❓ Waiting for your answer to the question below',
  generating: '⚙️ Generating',
  validating: '🔎 Validating',
  pr_open: '📬 Pull request open for review',
  committed: '📦 Committed to its local branch (no pull request)',
  changes_requested: '✏️ Changes requested by a reviewer',
  approved: '✅ Approved',
  merged: '🎉 Merged',
  deploying: '🚀 Deploying',
  deployed: '🟢 Deployed',
  rolled_back: '↩️ Rolled back',
  failed: '❌ Failed',
  cancelled: '🚫 Cancelled',
};

/**
 * The one status comment on the request's issue, edited in place: headline, checklist, cost, any
 * detail (request errors, gate failures) and the hidden marker that carries the state. `details`
 * is our markdown, with untrusted text already escaped where it was inserted (`core/markdown`);
 * the writer fits the whole body to GitHub's limit, keeping the marker last.
 */
export function renderStatusComment(params: {
  marker: TaskMarker;
  taskName?: string;
  details?: string;
  /** Signs the marker (`renderStateMarker`); the App always has a key, the Action when `marker-secret` is set. */
  signingKey?: Buffer;
}): string {
  const fitted = fitMarkerLists(params.marker);
  const { marker } = fitted;
  const environment = marker.environment ? ` (${untrustedInline(marker.environment)})` : '';
  const lines = [
    `### implementation-agent: ${HEADLINES[marker.state]}${environment}`,
    '',
    ...STEPS.map((label, index) => `- [${PROGRESS[marker.state] > index ? 'x' : ' '}] ${label}`),
    '',
    `Attempt ${marker.attempt} · cost so far $${marker.cost_usd.toFixed(4)}` +
      (marker.pull_number ? ` · PR #${marker.pull_number}` : ''),
  ];
  if (params.details) lines.push('', params.details);
  // Said on every write while it holds (rendered from the marker): nothing is set aside silently.
  if (marker.trust_lost === true) lines.push('', TRUST_LOST_NOTE);
  const deploys = renderDeploySection(marker.environments);
  if (deploys !== '') lines.push('', deploys);
  const dropped = droppedNote(fitted.dropped);
  if (dropped !== undefined) lines.push('', dropped);
  lines.push('', renderStateMarker(marker, params.signingKey));
  return lines.join('\n') + '\n';
}

/** How the note on what `fitMarkerLists` dropped begins (`statusDetailsOf` stops at it). */
export const DROPPED_NOTE_START = '⚠️ Not delivered and no longer kept';

/** How the note on a task whose trust facts were lost (`trust_lost`) begins (`statusDetailsOf` stops at it). */
export const TRUST_LOST_NOTE_START = '⚠️ No approval counts on this task:';

/** The note a status comment shows while its marker carries `trust_lost`: why, and what a person does. */
const TRUST_LOST_NOTE = `${TRUST_LOST_NOTE_START} ${TRUST_LOST_REASON}. A person with write access merges it by hand; it clears only when the task's branch is made anew from the base.`;

/** The line after the checklist that counts attempts and cost; details follow it. */
export const ATTEMPT_LINE = /^Attempt \d+ · cost so far \$/;

/** What `fitMarkerLists` left out of the marker, named on the comment: never dropped silently. */
function droppedNote(dropped: MarkerListsDropped): string | undefined {
  const parts = [
    [dropped.unmirrored, 'event(s) for the mirror tables'],
    [dropped.unsent, 'lifecycle event(s) for the event bus'],
    [dropped.unsent_artifacts, 'artifact path(s) for the artifacts store'],
    [dropped.unsent_deployments, 'deployment record(s) for the deployments store'],
  ] as const;
  const named = parts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  if (named.length === 0) return undefined;
  return `${DROPPED_NOTE_START} (the status must fit GitHub's comment limit): the oldest ${named.join(', ')}.`;
}
