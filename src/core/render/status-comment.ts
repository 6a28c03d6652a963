import type { TaskState } from '../state/task-state.js';
import { renderStateMarker, type TaskMarker } from '../state/state-marker.js';

/** The progress steps a requester sees, and the first state at which each is done. */
const STEPS: ReadonlyArray<{ label: string; doneFrom: readonly TaskState[] }> = [
  {
    label: 'Request validated',
    doneFrom: [
      'generating',
      'validating',
      'pr_open',
      'changes_requested',
      'approved',
      'merged',
      'deploying',
      'deployed',
      'rolled_back',
    ],
  },
  {
    label: 'Code, template and tests generated',
    doneFrom: [
      'validating',
      'pr_open',
      'changes_requested',
      'approved',
      'merged',
      'deploying',
      'deployed',
      'rolled_back',
    ],
  },
  {
    label: 'Validation gates passed',
    doneFrom: ['pr_open', 'changes_requested', 'approved', 'merged', 'deploying', 'deployed', 'rolled_back'],
  },
  {
    label: 'Pull request opened',
    doneFrom: ['pr_open', 'changes_requested', 'approved', 'merged', 'deploying', 'deployed', 'rolled_back'],
  },
  { label: 'Approved', doneFrom: ['approved', 'merged', 'deploying', 'deployed', 'rolled_back'] },
  { label: 'Merged', doneFrom: ['merged', 'deploying', 'deployed', 'rolled_back'] },
];

const HEADLINES: Readonly<Record<TaskState, string>> = {
  received: '⏳ Request received',
  awaiting_approval: '✋ Waiting for a maintainer: someone with write access must comment `/approve`',
  awaiting_input: '❓ Waiting for your answer to the question below',
  generating: '⚙️ Generating',
  validating: '🔎 Validating',
  pr_open: '📬 Pull request open for review',
  changes_requested: '✏️ Changes requested: regenerating',
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
 * detail (request errors, gate failures) and the hidden marker that carries the state.
 */
export function renderStatusComment(params: {
  marker: TaskMarker;
  taskName?: string;
  details?: string;
}): string {
  const { marker } = params;
  const environment = marker.environment ? ` (${marker.environment})` : '';
  const lines = [
    `### implementation-agent: ${HEADLINES[marker.state]}${environment}`,
    '',
    ...STEPS.map((step) => `- [${step.doneFrom.includes(marker.state) ? 'x' : ' '}] ${step.label}`),
    '',
    `Attempt ${marker.attempt} · cost so far $${marker.cost_usd.toFixed(4)}` +
      (marker.pull_number ? ` · PR #${marker.pull_number}` : ''),
  ];
  if (params.details) lines.push('', params.details);
  lines.push('', renderStateMarker(marker));
  return lines.join('\n') + '\n';
}
