import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { verbForms } from '../../naming/verb-forms.js';
import { withArticle } from '../../naming/article.js';
import { singular } from '../../naming/singular.js';
import type { Operation, Resource, ResourceModel } from './model/resource-model-types.js';
import { verbsOfKind } from './model/verb-kind.js';

/** The words of a resource's names (`line-items` → `line`, `items`): the last names the thing. */
const lastWordOf = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+|(?=[A-Z])/)
    .at(-1)
    ?.toLowerCase() ?? name;

/** Words that ask for a change to happen with no caller (`escalated automatically`). */
const BY_ITSELF = ['automatically', 'automatic', 'itself'];

/**
 * Rules a description states that the routes its nouns and verbs name do not do by themselves, as
 * capabilities that are recognised but not generated (so the row says why and is never met by the
 * route alone), or generated when the route really enforces them:
 * - `Deleting a project deletes its tasks`: a delete of one resource that removes another's items;
 *   every DELETE removes one item, so the other resource's items stay.
 * - `Urgent tickets … are escalated automatically`: a status reached with no caller; every status
 *   move is a route someone calls, nothing runs on a timer.
 * - `Only draft invoices can be edited`: a change allowed in one status, met only when the route
 *   refuses every other status.
 */
export function ruleCapabilities(model: ResourceModel, test: (title: string) => TestEvidence): Capability[] {
  return [...cascades(model), ...heldDeletes(model, test), ...automaticMoves(model), ...onlyInStatus(model)];
}

/** Words that say the item holds what is under it (`while it has bins`, `a warehouse with bins`). */
const HOLDING = ['has', 'have', 'with', 'contains'];

/**
 * `Deleting a warehouse is not allowed while it has bins.`: met by the delete route that answers 409
 * while items made under it exist (proved by its story's test). Its asking words hold the cascade's
 * and one more, so the cascade (`add the cascade to the delete route`) stands aside for this clause.
 */
function heldDeletes(model: ResourceModel, test: (title: string) => TestEvidence): Capability[] {
  const deletes = verbsOfKind('delete').flatMap(verbForms);
  return model.operations.flatMap((operation) => {
    const children = operation.refusedWhileHas ?? [];
    if (operation.kind !== 'delete' || children.length === 0) return [];
    const parent = lastWordOf(operation.resource);
    const held = children.map((collection) => collection.replace(/-/g, ' '));
    return [
      {
        when: deletes.flatMap((verb) =>
          children.flatMap((collection) =>
            HOLDING.map((word) => [verb, parent, lastWordOf(collection), word]),
          ),
        ),
        implementedBy: `${operation.routeKey} answers 409 while ${withArticle(operation.resource)} has ${held.join(' or ')} (nothing is deleted with it), and deletes it once they are gone`,
        tests: operation.stories.map((story) => test(story.intent.testTitle)),
        resources: [operation.logicalId],
      },
    ];
  });
}

function cascades(model: ResourceModel): Capability[] {
  const deletes = verbsOfKind('delete').flatMap(verbForms);
  return model.resources.flatMap((deleted) =>
    model.resources
      .filter((other) => other !== deleted)
      .map((other) => ({
        when: deletes.map((verb) => [verb, lastWordOf(deleted.name), lastWordOf(other.collection)]),
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `deleting ${withArticle(deleted.name)} deletes only that ${deleted.name}: its ${other.collection.replace(/-/g, ' ')} stay stored and served (no route removes them with it); delete them first, or add the cascade to the delete route by hand`,
      })),
  );
}

function automaticMoves(model: ResourceModel): Capability[] {
  return model.resources.flatMap((resource) => {
    const words = statusesOf(resource).map(lastStatusWord);
    if (words.length === 0) return [];
    return [
      {
        when: BY_ITSELF.flatMap((word) => words.map((status) => [word, status])),
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `nothing changes ${withArticle(resource.name)}'s status by itself: every status change is a route a caller calls, and no schedule, timer or rule runs on its own; a scheduled function (EventBridge Scheduler) that finds the items and moves them would`,
      },
    ];
  });
}

/** `in_progress` → `progress`: the word a sentence names a status by. */
const lastStatusWord = (status: string) => status.split('_').at(-1) ?? status;

function onlyInStatus(model: ResourceModel): Capability[] {
  return model.operations
    .filter((operation) => operation.kind === 'update' || operation.kind === 'delete')
    .flatMap((operation) => {
      const resource = model.resources.find((candidate) => candidate.name === operation.resource);
      return resource === undefined ? [] : [onlyInStatusOf(resource, operation)];
    });
}

/**
 * `Only draft invoices can be edited` against PATCH /invoices/{id}: met only when the clause names a
 * status of the model and the route refuses every other; `Only admins can edit invoices` is met by a
 * route restricted to that role.
 */
function onlyInStatusOf(resource: Resource, operation: Operation): Capability {
  const verbs = [
    ...verbsOfKind(operation.kind === 'update' ? 'update' : 'delete'),
    ...operation.stories.map((story) => story.verb),
  ];
  const nouns = [lastWordOf(resource.name), lastWordOf(resource.collection)];
  const statuses = statusesOf(resource);
  const allowedIn = (status: string) =>
    (operation.onlyIn.length > 0 && operation.onlyIn.every((allowed) => allowed === status)) ||
    statuses.every((other) => other === status || operation.refusedFrom.includes(other));
  const changed = operation.kind === 'update' ? 'changed' : 'deleted';
  return {
    when: [...new Set(verbs)].flatMap((verb) =>
      verbForms(verb).flatMap((form) => nouns.map((noun) => ['only', noun, form])),
    ),
    implementedBy: `${operation.routeKey} answers 409 unless ${withArticle(resource.name)} is in the one status named, or 403 unless the caller has the role named`,
    tests: [],
    resources: [operation.logicalId],
    opposedBy: (words) => {
      const named = statuses.find((status) => words.includes(lastStatusWord(status)));
      if (named !== undefined && allowedIn(named)) return undefined;
      // `Only managers can delete an expense` against roles ['manager'].
      const roles = words.map(singular);
      if (named === undefined && operation.roles.some((role) => roles.includes(role))) return undefined;
      return `${operation.routeKey} does not check ${named === undefined ? 'the status the rule names (it is not a status of the model)' : 'the status'}: ${withArticle(resource.name)} in any status is ${changed}, so the "only" is not enforced; add the check to the route by hand`;
    },
  };
}

function statusesOf(resource: Resource): string[] {
  const machine = resource.status;
  if (machine === undefined) return [];
  return [
    ...new Set([machine.initial, ...machine.transitions.map((move) => move.to), ...machine.setElsewhere]),
  ];
}
