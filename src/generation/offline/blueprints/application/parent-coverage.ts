import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';
import { withArticle } from '../../naming/article.js';
import { plural } from '../../naming/plural.js';
import { spokenName } from '../../naming/spoken-name.js';
import { parentTitle } from './application-create-call.js';
import { resourceRouteKey } from './model/resource-route-key.js';
import type { ResourceModel } from './model/resource-model-types.js';

/** The verbs a description relates a child to its parent by (`Each task belongs to a project`). */
const RELATION_VERBS = ['belongs', 'belong', 'belonging'];

/**
 * `Each task belongs to a project`, where tasks are made under projects: answered by the routes
 * under the parent (made only under one that exists, 404 otherwise, its id kept; listed under it),
 * proved by the generated parent test. One capability per child resource; `test` names a test of
 * the generated app test file by its title.
 */
export function parentCapabilities(
  model: ResourceModel,
  test: (title: string) => TestEvidence,
): Capability[] {
  return model.resources.flatMap((resource) => {
    const parent = resource.parent;
    if (parent === undefined) return [];
    const child = spokenName(resource.name).split(' ');
    const head = child.at(-1) ?? resource.name;
    const parentHead = spokenName(parent.name).split(' ').at(-1) ?? parent.name;
    return [
      {
        when: [head, plural(head)].flatMap((noun) =>
          RELATION_VERBS.flatMap((verb) => [
            [noun, verb, parentHead],
            [noun, verb, plural(parentHead)],
          ]),
        ),
        implementedBy: `${withArticle(spokenName(resource.name))} is made only under ${withArticle(spokenName(parent.name))} that exists (${resourceRouteKey(resource, 'create')}, 404 otherwise), keeping its ${parent.field}, and listed under it (${resourceRouteKey(resource, 'list')})`,
        tests: [test(parentTitle(resource))],
        resources: ['ApiFunction', 'ItemsTable'],
      },
    ];
  });
}
