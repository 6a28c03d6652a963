import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { plural } from '../../naming/plural.js';
import { spokenName } from '../../naming/spoken-name.js';
import { validationTitle } from './application-test-titles.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** Words saying an item is not there (`does not exist`, `not found`, `unknown`), beside the item's noun. */
const ABSENT_WORDS = [
  ['404'],
  ['not', 'exist'],
  ['not', 'exists'],
  ['not', 'found'],
  ['unknown'],
  ['nonexistent'],
];

/**
 * `Return 404 when an appointment does not exist.`: answered by every route on one item
 * (`/{collection}/{id}`), which answers 404 for an id no item has, proved by the model test that
 * reads an unknown id and by each route's story test. One capability per resource with such routes;
 * `test` names a test of the generated app test file by its title.
 */
export function notFoundCapabilities(
  model: ResourceModel,
  test: (title: string) => TestEvidence,
): Capability[] {
  return model.resources.flatMap((resource) => {
    const onOne = model.operations.filter(
      (operation) =>
        operation.resource === resource.name &&
        operation.parent === undefined &&
        operation.routeKey.includes(`/${resource.collection}/{id}`),
    );
    if (onOne.length === 0) return [];
    const name = spokenName(resource.name);
    const head = name.split(' ').at(-1) ?? name;
    const nouns = [head, plural(head)];
    return [
      {
        when: ABSENT_WORDS.flatMap((absent) => nouns.map((noun) => [...absent, noun])),
        implementedBy: `${onOne.map((operation) => operation.routeKey).join(', ')} answer${onOne.length === 1 ? 's' : ''} 404 for an id no ${name} has`,
        tests: [
          test(validationTitle(resource)),
          ...onOne.flatMap((operation) => operation.stories.map((story) => test(story.intent.testTitle))),
        ],
        resources: ['ApiFunction', 'ItemsTable'],
      },
    ];
  });
}
