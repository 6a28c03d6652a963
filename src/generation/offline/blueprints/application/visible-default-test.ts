import { codeLiteral } from '../../naming/code-literal.js';
import { createCall } from './application-create-call.js';
import type { Operation, Resource, ResourceModel } from './model/resource-model-types.js';
import { ANY_VALUE, statusesOf } from './model/visible-status.js';
import { statusPath } from './status-path.js';

/** What the generated test of a list's default status drives: the list, the default, and an item in it and one not. */
export interface VisibleDefaultPlan {
  readonly list: Operation;
  /** The status the list keeps without `?status=` (`published`). */
  readonly status: string;
  /** The status of the item the default keeps out, and the routes that take a new item there (none: it is made there). */
  readonly hidden: { readonly status: string; readonly path: readonly string[] };
  /** The routes that take a new item into the default status, none when it is made there; absent when no route does. */
  readonly shown?: readonly string[];
}

/**
 * How to prove a resource's list keeps one status by default (`visibleByDefault`): an item made in
 * (or moved to) another status that the default must keep out, and one in the default status when a
 * route reaches it. Undefined when the list has no default or no item can be in another status (the
 * default then keeps nothing out that a test could see).
 */
export function visibleDefaultPlan(resource: Resource, model: ResourceModel): VisibleDefaultPlan | undefined {
  const list = model.operations.find(
    (operation) => operation.resource === resource.name && operation.kind === 'list',
  );
  const status = list?.filters.find((filter) => filter.field === 'status')?.default;
  const initial = resource.status?.initial;
  if (list === undefined || status === undefined || initial === undefined) return undefined;
  if (status !== initial) {
    const shown = statusPath(resource, model, status);
    return { list, status, hidden: { status: initial, path: [] }, ...(shown === undefined ? {} : { shown }) };
  }
  for (const other of statusesOf(resource).filter((candidate) => candidate !== status)) {
    const path = statusPath(resource, model, other);
    if (path !== undefined) return { list, status, hidden: { status: other, path }, shown: [] };
  }
  return undefined;
}

/** The generated test's title: `GET /articles lists only published articles unless ?status= names another`. */
export function visibleDefaultTitle(plan: VisibleDefaultPlan, resource: Resource): string {
  return `${plan.list.routeKey} lists only ${plan.status} ${resource.collection.replace(/-/g, ' ')} unless ?status= names another`;
}

/**
 * The generated test: an item in another status is not listed without `?status=`, the one in the
 * default status is; `?status=<other>` lists the other, and `?status=any` both. Empty without a plan.
 */
export function visibleDefaultTest(resource: Resource, model: ResourceModel): string {
  const plan = visibleDefaultPlan(resource, model);
  if (plan === undefined) return '';
  const key = codeLiteral(plan.list.routeKey);
  const made = (name: string, path: readonly string[]) =>
    `
    const ${name} = await ${createCall(resource, `SAMPLES.${resource.name}`)};
    expect(${name}).toMatchObject({ status: 201, body: { id: expect.any(String) } });${path
      .map(
        (move) =>
          `\n    expect((await call(${codeLiteral(move)}, { id: ${name}.body.id })).status).toBe(200);`,
      )
      .join('')}`;
  const shown = plan.shown === undefined ? '' : made('shown', plan.shown);
  const both = plan.shown === undefined ? 'hidden.body.id' : 'hidden.body.id, shown.body.id';
  return `
  it(${codeLiteral(visibleDefaultTitle(plan, resource))}, async () => {
    const { call } = setup();${made('hidden', plan.hidden.path)}${shown}
    expect(ids(await call(${key}))).toEqual([${plan.shown === undefined ? '' : 'shown.body.id'}]);
    expect(ids(await call(${key}, { query: { status: ${codeLiteral(plan.hidden.status)} } }))).toEqual([hidden.body.id]);
    expect(ids(await call(${key}, { query: { status: ${codeLiteral(ANY_VALUE)} } }))).toEqual([${both}]);
  });
`;
}
