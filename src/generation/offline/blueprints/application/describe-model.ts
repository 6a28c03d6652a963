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
        `\`${field.name}\` (${field.type}${field.required ? ', required' : ''}${field.minItems ? `, at least ${field.minItems}` : ''})`,
    );
    const status =
      resource.status === undefined
        ? ''
        : ` Status starts \`${resource.status.initial}\`${resource.status.transitions.length > 0 ? `; ${resource.status.transitions.map((transition) => `\`${transition.action}\` → \`${transition.to}\``).join(', ')}` : ''}.`;
    const events =
      resource.statusEventType === undefined
        ? ''
        : ` Every status change is published to EventBridge as \`${resource.statusEventType}\`.`;
    return `- **${resource.name}** (\`/${resource.collection}\`): ${fields.length === 0 ? 'free-form fields' : fields.join(', ')}; other fields may hold a scalar, a flat object or a list.${resource.ownerField === undefined ? '' : ` Lists filter by \`?${resource.ownerField}=\`.`}${status}${events}`;
  });
  return [
    'An HTTP API (API Gateway HTTP API → Lambda → DynamoDB) on one resource model derived from the user stories. Every route acts on that model, and the tests drive the routes together: create, read back, list, change, delete.',
    '',
    ...resources,
    '',
    '| route | why |',
    '| --- | --- |',
    '| `GET /health` | health check |',
    ...routes,
  ].join('\n');
}
