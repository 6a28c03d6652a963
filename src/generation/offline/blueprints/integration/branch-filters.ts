import { BRANCH_FIELDS } from './branch-fields.js';
import type { StoryMessage } from './message-types.js';
import { storyBranch } from './story-branch.js';

/**
 * The messages with the branch their story names matched on each event's branch field (BRANCH_FIELDS):
 * `a workflow run fails on the main branch` takes `workflow_run` only with
 * `workflow_run.head_branch` main, so a run on another branch is acknowledged and dropped. An event
 * taken whole gains an entry with no action; one taken for some actions has the branch added to each.
 * Events with no branch field are left as they are, and said by branchGaps.
 */
export function withBranchFilters(messages: readonly StoryMessage[]): StoryMessage[] {
  return messages.map((message) => {
    const branch = message.intent === undefined ? undefined : storyBranch(message.intent.text);
    if (branch === undefined || message.deliveryTypes === undefined) return message;
    const actions = message.deliveryActions ?? [];
    const filtered = message.deliveryTypes.flatMap((event) => {
      const field = BRANCH_FIELDS[event];
      const own = actions.filter((entry) => entry.event === event);
      if (field === undefined) return own;
      const where = { [field.path]: `${field.prefix}${branch}` };
      return own.length === 0
        ? [{ event, name: event, where }]
        : own.map((entry) => ({ ...entry, where: { ...entry.where, ...where } }));
    });
    return { ...message, deliveryActions: filtered };
  });
}

/** An event action that narrows its event by the branch alone: the event is still taken for every action. */
export function branchOnly(entry: {
  readonly event: string;
  readonly action?: string;
  readonly where?: object;
}): boolean {
  const field = BRANCH_FIELDS[entry.event];
  return (
    entry.action === undefined &&
    field !== undefined &&
    Object.keys(entry.where ?? {}).every((path) => path === field.path)
  );
}

/**
 * What a story's branch became, when not a match on every event that answers it: the events with no
 * branch field (GitHub's `issues`), a sender whose events are not known here, or a story no message
 * is of. Never dropped silently.
 */
export function branchGaps(params: {
  readonly text: string;
  readonly messages: readonly StoryMessage[];
}): string[] {
  const branch = storyBranch(params.text);
  if (branch === undefined) return [];
  const own = params.messages.filter((message) => message.intent?.text === params.text);
  if (own.length === 0)
    return [
      `the branch \`${branch}\` is not matched: no event type here is this story's alone to filter on it`,
    ];
  return own.flatMap((message) => {
    if (message.deliveryTypes === undefined)
      return [
        `the branch \`${branch}\` is not matched: the sender's branch field is not known here, so ${message.messageType} is taken on every branch; check it in src/message-handlers.ts`,
      ];
    const unfiltered = message.deliveryTypes.filter((event) => {
      const path = BRANCH_FIELDS[event]?.path;
      return !(message.deliveryActions ?? []).some(
        (entry) => entry.event === event && path !== undefined && entry.where?.[path] !== undefined,
      );
    });
    return unfiltered.length === 0
      ? []
      : [
          `the branch \`${branch}\` is not matched: \`${unfiltered.join('`, `')}\` carries no one branch field known here, so every such delivery becomes ${message.messageType} whatever its branch`,
        ];
  });
}
