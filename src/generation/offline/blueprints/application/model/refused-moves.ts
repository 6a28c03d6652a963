import type { DescriptionSentence } from '../../../naming/description-sentences.js';
import { verbForms } from '../../../naming/verb-forms.js';
import { mentions } from './mentions.js';
import type { Operation, RefusedMove, Resource } from './resource-model-types.js';
import { unique } from './unique.js';

/**
 * Words after which a named status is where the move is allowed, not refused (`cannot be cancelled
 * until it is paid`): such a clause is no refusal in that status.
 */
const INVERTING = new Set(['until', 'unless', 'before', 'without', 'except', 'till']);
/** Words between a negation and its verb (`cannot be`, `can never ever be`). */
const FILLERS = new Set(['be', 'ever', 'not', 'been', 'get', 'have', 't']);
/** Words joining refused verbs (`cancelled or refunded`). */
const JOINERS = new Set(['or', 'and', 'nor']);
/** Modals a `not` after which refuses (`must not be assigned`). */
const MODALS = new Set(['can', 'may', 'must', 'should', 'shall', 'will', 'could']);

/** Where the clause refuses (`cannot`, `never`, `must not`, `can't`), or -1. */
function negationAt(words: readonly string[]): number {
  return words.findIndex(
    (word, at) =>
      word === 'cannot' ||
      word === 'never' ||
      (word === 'not' && MODALS.has(words[at - 1] ?? '')) ||
      (word === 't' && ['can', 'won', 'mustn'].includes(words[at - 1] ?? '')),
  );
}

/** Whether the words name the status (`in_repair` as `in`, `repair`) anywhere but at the given places. */
function namesStatus(words: readonly string[], status: string, skipped: ReadonlySet<number>): boolean {
  const parts = status.split('_');
  return words.some((_, at) =>
    parts.every((part, offset) => words[at + offset] === part && !skipped.has(at + offset)),
  );
}

/**
 * `A retired laptop cannot be assigned.`, `Shipped orders can never be cancelled or refunded.`: a
 * clause that refuses, after its negation, a form of one of the resource's status moves (`assigned`
 * for `assign`) and names, elsewhere, a status of the resource (`retired`): the move is refused in
 * that status (`… once it is shipped` too; never `… until it is paid`, which allows it there). The
 * moves that keep the status and record who holds the item (`assign a vehicle to a driver`, where
 * the statuses have no `assigned`) are refused so too. A
 * clause naming no status (`Laptops cannot be assigned.`) is no guard: it would refuse
 * what a story asks, so the routes stay as the stories make them. Changes and deletes are
 * prohibitions (prohibited-changes.ts). `resources`: the model's, with their status machines.
 */
export function refusedMoves(
  sentences: readonly DescriptionSentence[],
  resources: readonly {
    readonly resource: Resource;
    readonly head: string;
    /** Moves that keep the status and record who holds the item (`assign`), beside the machine's. */
    readonly recording?: readonly string[];
  }[],
): RefusedMove[] {
  return sentences.flatMap((sentence) =>
    sentence.clauses.flatMap((clause) => {
      const words = clause.words;
      const negation = negationAt(words);
      if (negation === -1 || words.some((word) => INVERTING.has(word))) return [];
      return resources.flatMap(({ resource, head, recording = [] }) => {
        const machine = resource.status;
        if (machine === undefined || !mentions(words, head)) return [];
        // `mark-implemented` is refused as `cannot be implemented`: the status it sets, as a verb.
        const formsOf = (move: { action: string; to: string }) => [
          ...verbForms(move.action),
          ...(move.to === '' || move.to.includes('_') ? [] : [move.to]),
        ];
        const verbAt = new Set(refusedVerbs(words, negation));
        const moves = [...machine.transitions, ...recording.map((action) => ({ action, to: '' }))];
        const actions = unique(
          moves.flatMap((move) =>
            [...verbAt].some((at) => formsOf(move).includes(words[at] ?? '')) ? [move.action] : [],
          ),
        );
        const statuses = unique([
          machine.initial,
          ...machine.transitions.map((move) => move.to),
          ...machine.setElsewhere,
        ]);
        const inStatuses = statuses.filter((status) => namesStatus(words, status, verbAt));
        if (actions.length === 0 || inStatuses.length === 0) return [];
        return [{ resource: resource.name, actions, inStatuses, words }];
      });
    }),
  );
}

/**
 * Where the refused verbs stand: right after the negation and its fillers (`cannot be`, `can never
 * ever be`), joined by `or`/`and` (`cancelled or refunded`); a status named later (`once shipped`)
 * is where they are refused, not one of them.
 */
function refusedVerbs(words: readonly string[], negation: number): number[] {
  let at = negation + 1;
  while (FILLERS.has(words[at] ?? '')) at += 1;
  const verbs: number[] = [];
  while (at < words.length) {
    verbs.push(at);
    if (!JOINERS.has(words[at + 1] ?? '')) break;
    at += 2;
  }
  return verbs;
}

/** The move routes refuse (409) the statuses a clause refuses them in, beside those they already refuse. */
export function guardedMoves(operations: readonly Operation[], refused: readonly RefusedMove[]): Operation[] {
  return operations.map((operation) => {
    if (operation.kind !== 'transition' || operation.action === undefined) return operation;
    // `reopen a closed ticket` beside `A closed ticket cannot be reopened.`: the story and the rule
    // disagree, and the route stays as the story asks (coverage says so).
    const statuses = refused
      .flatMap((move) =>
        move.resource === operation.resource && move.actions.includes(operation.action ?? '')
          ? move.inStatuses
          : [],
      )
      .filter((status) => !operation.onlyIn.includes(status));
    return statuses.length === 0
      ? operation
      : { ...operation, refusedFrom: unique([...operation.refusedFrom, ...statuses]) };
  });
}
