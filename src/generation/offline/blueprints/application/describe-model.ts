import { ANY_VALUE } from './model/visible-status.js';
import { spokenName } from '../../naming/spoken-name.js';
import { withArticle } from '../../naming/article.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** The README's overview: the routes and the model they share, in generated (not requester-written) markdown. */
export function describeModel(model: ResourceModel): string {
  const routes = model.operations.map((operation) => {
    const stories = operation.stories.map((story) => story.intent.number);
    const why = stories.length === 0 ? 'supports the stories' : `story ${stories.join(', ')}`;
    return `| \`${operation.routeKey}\` | ${why} |`;
  });
  const resources = model.resources.map((resource) => {
    const fields = resource.fields.map(
      (field) =>
        `\`${field.name}\` (${field.format === 'date-time' ? 'ISO 8601 date-time' : field.type}${field.required ? ', required' : ''}${field.minItems ? `, at least ${field.minItems}` : ''}${field.counter === true ? ', kept by the service: 0 when made, never sent by a client' : ''})`,
    );
    const status =
      resource.status === undefined
        ? ''
        : ` Status starts \`${resource.status.initial}\`${resource.status.transitions.length > 0 ? `; ${resource.status.transitions.map((transition) => `\`${transition.action}\` → \`${transition.to}\``).join(', ')}` : ''}.`;
    const events =
      resource.statusEventType === undefined
        ? ''
        : ` Every status change is published to EventBridge as \`${resource.statusEventType}\`.`;
    return `- **${spokenName(resource.name)}** (\`/${resource.collection}\`): ${fields.length === 0 ? 'free-form fields' : fields.join(', ')}; other fields may hold a scalar, a flat object or a list.${resource.ownerField === undefined ? '' : ` Lists filter by \`?${resource.ownerField}=\`.`}${status}${events}`;
  });
  // Only the kinds of route there are: a README that says "delete" with no delete route misleads.
  const kinds = (
    ['create', 'read', 'list', 'update', 'set', 'transition', 'delete', 'redirect', 'count'] as const
  ).filter((kind) => model.operations.some((operation) => operation.kind === kind));
  const words = {
    create: 'create',
    read: 'read back',
    list: 'list',
    update: 'change',
    set: 'switch a yes/no field on or off',
    redirect: "send a visitor on to the item's URL",
    count: 'count the items stored',
    transition: 'move through statuses',
    delete: 'delete',
  };
  const rules = model.operations.flatMap((operation) => [
    ...(operation.onlyIn.length > 0
      ? [
          `- \`${operation.routeKey}\` acts only on ${withArticle(operation.resource)} that is ${operation.onlyIn.map((status) => `\`${status}\``).join(' or ')}; in any other status it answers 409 and changes nothing.`,
        ]
      : []),
    ...(operation.records.length > 0
      ? [
          `- \`${operation.routeKey}\` takes a JSON body with ${operation.records.map((name) => `\`${name}\``).join(' and ')} (each required, checked like any write of the field) and records it on the item; without one, or with any other field, it answers 400 and changes nothing.`,
        ]
      : []),
    ...(operation.callerField !== undefined
      ? [
          `- \`${operation.routeKey}\` sets \`${operation.callerField}\` to the caller. The caller is whoever the \`x-caller-id\` request header names (1-128 letters, digits or \`._@:-\`; 400 without it). The routes have no authorizer, so any client can name anyone: put an authorizer (or a gateway) in front that sets \`x-caller-id\` from the verified identity and drops a client's own.`,
        ]
      : []),
    ...operation.filters
      .filter((filter) => filter.caller === true)
      .map(
        (filter) =>
          `- \`${operation.routeKey}?${filter.field}=me\` keeps only the items whose \`${filter.field}\` is the caller the \`x-caller-id\` request header names (400 without it). The routes have no authorizer, so any client can name anyone: put an authorizer (or a gateway) in front that sets \`x-caller-id\` from the verified identity and drops a client's own.`,
      ),
    ...(operation.filters.length > 0
      ? [
          `- \`${operation.routeKey}\` keeps only the items whose ${operation.filters.map((filter) => (filter.range === true ? `\`${filter.field}\` is from \`?from=\` to \`?to=\` (ISO 8601 date-times, both ends included; any other value answers 400)` : `\`${filter.field}\` equals \`?${filter.field}=\`${filter.values === undefined ? '' : ` (${filter.values.map((value) => `\`${value}\``).join(', ')}; any other value answers 400)`}`)).join(', and whose ')} when given. DynamoDB filters after reading, so the store reads on until the page holds \`limit\` items (at most 10 reads); past that a filtered page may hold fewer items than \`limit\` and still have a \`nextToken\`: page on until it is absent.`,
        ]
      : []),
    ...operation.filters.flatMap((filter) =>
      filter.default === undefined
        ? []
        : [
            `- \`${operation.routeKey}\` without \`?${filter.field}=\` keeps only the items whose \`${filter.field}\` is \`${filter.default}\`, as the description asks; \`?${filter.field}=${ANY_VALUE}\` lists them all. Any client can ask for another: put an authorizer in front that drops \`?${filter.field}=\` for those who may see only \`${filter.default}\` items.`,
          ],
    ),
    ...(operation.roles.length > 0
      ? [
          `- \`${operation.routeKey}\` answers 403 unless the \`x-caller-roles\` request header (comma-separated) names ${operation.roles.map((role) => `\`${role}\``).join(' or ')}. The routes have no authorizer, so any client can claim a role: put an authorizer in front that sets \`x-caller-roles\` from the verified identity (a JWT's groups claim) and drops a client's own.`,
        ]
      : []),
  ]);
  return [
    `An HTTP API (API Gateway HTTP API → Lambda → DynamoDB) on one resource model derived from the user stories. Every route acts on that model, and the tests drive the routes together: ${kinds.map((kind) => words[kind]).join(', ')}.`,
    '',
    ...resources,
    ...(rules.length === 0 ? [] : ['', ...rules]),
    '',
    '| route | why |',
    '| --- | --- |',
    '| `GET /health` | health check |',
    ...routes,
  ].join('\n');
}
