import { plural } from '../../../naming/plural.js';
import { capitalize } from '../../../naming/service-names.js';
import { camel } from './camel.js';
import { fieldsFor } from './fields-for.js';
import type { FieldAsk, ParsedStory } from './parsed-story.js';
import type { Resource } from './resource-model-types.js';
import { statusMachine } from './status-machine.js';

/**
 * One resource of the model (`order`): its collection, fields, owner field (`customerId` for `a
 * customer's orders`), parent (`comment on a ticket`), statuses, and the event type of its status
 * changes when the request asks for them.
 */
export function resourceFor(params: {
  name: string;
  stories: readonly ParsedStory[];
  described: readonly FieldAsk[];
  parent: string | undefined;
  events: boolean;
}): Resource {
  const { name, stories, parent } = params;
  const pascal = capitalize(name);
  const owner = stories.find(
    (story) => story.owner !== undefined && story.owner !== name && story.owner !== parent,
  )?.owner;
  const ownerField = owner === undefined ? undefined : `${camel([owner])}Id`;
  const status = statusMachine({ stories, events: params.events, filtered: parent === undefined });
  return {
    name,
    pascal,
    collection: plural(name),
    fields: fieldsFor({ stories, described: params.described, ownerField }),
    ...(ownerField === undefined ? {} : { ownerField }),
    ...(parent === undefined
      ? {}
      : { parent: { name: parent, collection: plural(parent), field: `${camel([parent])}Id` } }),
    ...(status === undefined ? {} : { status }),
    ...(params.events ? { statusEventType: `${pascal}StatusChanged` } : {}),
  };
}
