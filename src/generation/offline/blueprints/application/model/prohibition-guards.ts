import type { Operation, ProhibitedChange } from './resource-model-types.js';
import { unique } from './unique.js';
import { wordsOfText } from './words-of-text.js';

/**
 * The routes refuse (409) what a status-qualified prohibition forbids (`A canceled subscription
 * cannot be changed.`): its statuses join the `refusedFrom` of every update, set and move of the
 * resource (for a change) and of its delete (for a delete). A move a story asks to make from that
 * status (`reactivate a canceled subscription`) is the story's own exception and stays allowed;
 * coverage names it. Prohibitions with no status are met by the routes a service lacks instead.
 */
export function guardedByProhibitions(
  operations: readonly Operation[],
  prohibitions: readonly ProhibitedChange[],
): Operation[] {
  return operations.map((operation) => {
    const statuses = unique(
      prohibitions.flatMap((prohibition) =>
        prohibition.resource === operation.resource && forbidsKind(prohibition, operation)
          ? (prohibition.inStatuses ?? []).filter((status) => !startsFrom(operation, status))
          : [],
      ),
    );
    return statuses.length === 0
      ? operation
      : { ...operation, refusedFrom: unique([...operation.refusedFrom, ...statuses]) };
  });
}

/** Whether the prohibition forbids what the operation does: a change (update, set, move) or a delete. */
export function forbidsKind(prohibition: ProhibitedChange, operation: Operation): boolean {
  return (
    (prohibition.changes &&
      (operation.kind === 'update' || operation.kind === 'set' || operation.kind === 'transition')) ||
    (prohibition.deletes && operation.kind === 'delete')
  );
}

/** A move whose story names the status it starts from (`reactivate a canceled subscription`). */
export function startsFrom(operation: Operation, status: string): boolean {
  const parts = status.split('_');
  return (
    operation.kind === 'transition' &&
    operation.stories.some((story) => {
      const words = wordsOfText(story.intent.text);
      return words.some((_, at) => parts.every((part, offset) => words[at + offset] === part));
    })
  );
}
