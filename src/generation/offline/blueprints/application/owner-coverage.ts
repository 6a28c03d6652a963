import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { withArticle } from '../../naming/article.js';
import { plural } from '../../naming/plural.js';
import { spokenName } from '../../naming/spoken-name.js';
import { lifecycleTitle, validationTitle } from './application-test-titles.js';
import { resourceRouteKey } from './model/resource-route-key.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** The verbs a description relates an item to whose it is by (`Each claim belongs to an employee`). */
const RELATION_VERBS = ['belongs', 'belong', 'belonging'];

/**
 * `Each claim belongs to an employee`: answered by the reference the claim keeps (`employeeId`,
 * required on create, 400 without; lists filtered by it), with the gap that nothing checks the owner
 * exists (employees are no resource of the model, or are one the claim is not made under). One capability
 * per resource whose owner field names no resource; `test` names a test of the generated app test
 * file by its title.
 */
export function ownerCapabilities(model: ResourceModel, test: (title: string) => TestEvidence): Capability[] {
  return model.resources.flatMap((resource) => {
    const field = resource.ownerField;
    if (field === undefined || !field.endsWith('Id')) return [];
    const ownerName = field.slice(0, -2);
    // `Each appointment belongs to a patient` where patients are a resource too: the reference is
    // kept all the same, and the row says nothing checks it against them.
    const ownerResource = model.resources.find((other) => other.name === ownerName);
    if (ownerResource !== undefined && resource.parent?.name === ownerName) return [];
    const owner = spokenName(ownerName);
    const ownerHead = owner.split(' ').at(-1) ?? owner;
    const head = spokenName(resource.name).split(' ').at(-1) ?? resource.name;
    const required = resource.fields.some((candidate) => candidate.name === field && candidate.required);
    const list = model.operations.some(
      (operation) =>
        operation.resource === resource.name && operation.kind === 'list' && operation.parent === undefined,
    );
    return [
      {
        when: [head, plural(head)].flatMap((noun) =>
          RELATION_VERBS.flatMap((verb) => [
            [noun, verb, ownerHead],
            [noun, verb, plural(ownerHead)],
          ]),
        ),
        implementedBy: `${withArticle(spokenName(resource.name))} keeps the ${field} of the ${owner} it belongs to (text${required ? ', required on create, 400 without' : ''})${list ? `, and ${resourceRouteKey(resource, 'list')}?${field}= lists one ${owner}'s` : ''}`,
        tests: [test(validationTitle(resource)), test(lifecycleTitle(resource, model))],
        resources: ['ApiFunction', 'ItemsTable'],
        gaps: [
          ownerResource === undefined
            ? `${plural(owner)} are not a resource of this service: nothing makes or reads ${withArticle(owner)}, so ${withArticle(spokenName(resource.name))}'s ${field} is kept as given, not checked against one`
            : `${withArticle(spokenName(resource.name))}'s ${field} is not checked against the ${ownerResource.collection.replace(/-/g, ' ')}: ${withArticle(spokenName(resource.name))} may name ${withArticle(owner)} that does not exist`,
        ],
      },
    ];
  });
}
