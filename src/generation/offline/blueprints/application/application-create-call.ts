import { spokenName } from '../../naming/spoken-name.js';
import { withArticle } from '../../naming/article.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { resourceRouteKey } from './model/resource-route-key.js';
import { routeKey } from './model/route-key.js';
import type { Resource } from './model/resource-model-types.js';

/**
 * Generated test code that creates an item through its create route, `body` being a code expression:
 * `call('POST /orders', { body: SAMPLES.order })`, or for a child resource, under a parent made first
 * through the parent's own route, so the parent exists.
 */
export function createCall(resource: Resource, body: string): string {
  const key = codeLiteral(resourceRouteKey(resource, 'create'));
  const parent = resource.parent;
  if (parent === undefined) return `call(${key}, { body: ${body} })`;
  const parentKey = codeLiteral(routeKey(parent.collection, 'create'));
  return `call(${key}, { id: (await call(${parentKey}, { body: SAMPLES.${parent.name} })).body.id, body: ${body} })`;
}

/** The title of the test proving a child resource is made only under a parent that exists. */
export function parentTitle(resource: Resource): string {
  return `${resource.name} is made and listed only under ${resource.parent === undefined ? 'its parent' : withArticle(resource.parent.name)} that exists`;
}

/** That test's body: the parent's id is kept, its children are listed under it, a missing parent answers 404. */
export function parentTest(resource: Resource): string {
  const parent = resource.parent;
  if (parent === undefined) return '';
  const create = codeLiteral(resourceRouteKey(resource, 'create'));
  const list = codeLiteral(resourceRouteKey(resource, 'list'));
  const parentCreate = codeLiteral(routeKey(parent.collection, 'create'));
  const sample = `SAMPLES.${resource.name}`;
  return `
  it(${codeLiteral(parentTitle(resource))}, async () => {
    const { call } = setup();
    const parentId = (await call(${parentCreate}, { body: SAMPLES.${parent.name} })).body.id;
    const otherParentId = (await call(${parentCreate}, { body: SAMPLES.${parent.name} })).body.id;
    const first = await call(${create}, { id: parentId, body: ${sample} });
    expect(first).toMatchObject({ status: 201, body: { ${parent.field}: parentId } });
    const second = await call(${create}, { id: parentId, body: ${sample} });
    const other = await call(${create}, { id: otherParentId, body: ${sample} });
    expect(ids(await call(${list}, { id: parentId }))).toEqual([first.body.id, second.body.id]);
    expect(ids(await call(${list}, { id: otherParentId }))).toEqual([other.body.id]);
    expect(await call(${create}, { id: 'no-such-id', body: ${sample} })).toMatchObject({ status: 404, body: { error: ${codeLiteral(`no such ${spokenName(parent.name)}`)} } });
    expect((await call(${list}, { id: 'no-such-id' })).status).toBe(404);
    expect((await call(${create}, { id: parentId, body: { ...${sample}, ${parent.field}: otherParentId } })).status).toBe(400);
  });
`;
}
