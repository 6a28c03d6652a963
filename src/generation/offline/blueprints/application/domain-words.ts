import type { Capability } from '../../coverage/capability.js';
import { verbForms } from '../../naming/verb-forms.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** One lowercase word (`shift`, `published`); compound names (`leaveRequest`, `checked_in`) are not single words of a clause. */
const ONE_WORD = /^[a-z]+$/;

/**
 * The words the request's own domain is named by: each resource's name and collection (`shift`,
 * `shifts`), every status (`published`), every form of each status move's verb (`publish`,
 * `publishes`) and of each verb a story makes or changes an item by (`schedule a class` →
 * `schedule`, `scheduled`), and every value a field allows (`a frequency (daily, weekly or
 * monthly)` → `weekly`). A clause using them speaks of the items the service keeps, not of the
 * platform (`list weekly subscriptions` asks for no schedule).
 */
export function domainWords(model: ResourceModel): Set<string> {
  const words = model.resources.flatMap((resource) => {
    const status = resource.status;
    const statuses =
      status === undefined
        ? []
        : [status.initial, ...status.transitions.map((move) => move.to), ...status.setElsewhere];
    const moves = (status?.transitions ?? []).flatMap((move) =>
      ONE_WORD.test(move.action) ? verbForms(move.action) : [],
    );
    const values = resource.fields.flatMap((field) => field.values ?? []);
    return [resource.name, resource.collection, ...statuses, ...moves, ...values];
  });
  // A story's own verb acting on an item (`schedule a class`), not a read or list (`list`, `view`).
  const storyVerbs = model.operations
    .filter((operation) => operation.kind !== 'list' && operation.kind !== 'read')
    .flatMap((operation) => operation.stories.map((story) => story.verb))
    .flatMap((verb) => (ONE_WORD.test(verb) ? verbForms(verb) : []));
  return new Set([...words, ...storyVerbs].filter((word) => ONE_WORD.test(word)));
}

/**
 * A platform capability (the traffic shift, events, logs) asked only by word sets holding some word
 * that is not the domain's: `A volunteer can sign up for a shift` asks no traffic shift where shifts
 * are the resource, and `publish a draft recipe` no event where `publish` moves a recipe. A set with
 * another word too (`expired after`) still asks.
 */
export function withoutDomainAsks(capability: Capability, domain: ReadonlySet<string>): Capability {
  const when = capability.when.filter((set) => !set.every((word) => domain.has(word)));
  return when.length === capability.when.length ? capability : { ...capability, when };
}
