import { capitalize } from '../../naming/service-names.js';
import type { ServiceNames } from '../../naming/service-names.js';
import { defaultIntents } from '../../naming/default-intents.js';
import type { StoryIntent } from '../../naming/story-intent.js';
import { plural } from '../../naming/plural.js';

export type RouteAction = 'create' | 'list' | 'update' | 'delete';

export interface ApiRoute {
  /** As API Gateway sends it: `POST /orders`, `PUT /orders/{id}`. */
  readonly routeKey: string;
  readonly action: RouteAction;
  /** `[a-z0-9-]`; the partition key in the table and the path segment. */
  readonly collection: string;
  /** Template logical ID of the route, e.g. `RoutePostOrders`. */
  readonly logicalId: string;
}

/** A story (or a default when there are none) and the route that delivers it. */
export interface StoryRoute {
  readonly intent: StoryIntent;
  readonly route: ApiRoute;
}

const ACTION_VERBS: Readonly<Record<Exclude<RouteAction, 'create'>, readonly string[]>> = {
  list: [
    'view',
    'see',
    'get',
    'list',
    'read',
    'browse',
    'find',
    'search',
    'track',
    'check',
    'show',
    'look',
    'download',
    'retrieve',
    'review',
    'export',
    'query',
    'fetch',
    'monitor',
    'know',
    'inspect',
    'filter',
  ],
  update: [
    'update',
    'edit',
    'change',
    'modify',
    'rename',
    'amend',
    'set',
    'adjust',
    'approve',
    'reject',
    'mark',
    'assign',
    'complete',
    'pause',
    'resume',
  ],
  delete: ['delete', 'remove', 'cancel', 'archive', 'close', 'revoke', 'unsubscribe', 'discard', 'withdraw'],
};

/** Each story becomes one route on its collection; unknown verbs create, since most stories add something. */
export function storyRoutes(stories: readonly StoryIntent[], names: ServiceNames): StoryRoute[] {
  const intents = stories.length > 0 ? stories : defaultIntents(names, ['create', 'list']);
  return intents.map((intent) => ({ intent, route: routeFor(actionOf(intent.verb), collectionOf(intent)) }));
}

/** The distinct routes, in first-story order. */
export function uniqueRoutes(routes: readonly StoryRoute[]): ApiRoute[] {
  const byKey = new Map<string, ApiRoute>();
  for (const { route } of routes) if (!byKey.has(route.routeKey)) byKey.set(route.routeKey, route);
  return [...byKey.values()];
}

function actionOf(verb: string): RouteAction {
  const found = (Object.keys(ACTION_VERBS) as (keyof typeof ACTION_VERBS)[]).find((action) =>
    ACTION_VERBS[action].includes(verb),
  );
  return found ?? 'create';
}

function collectionOf(intent: StoryIntent): string {
  const words = [...intent.objectWords];
  const last = words.pop() ?? 'item';
  return [...words, plural(last)].join('-');
}

function routeFor(action: RouteAction, collection: string): ApiRoute {
  const pascal = collection.split('-').map(capitalize).join('');
  const shapes: Readonly<Record<RouteAction, readonly [string, string, string]>> = {
    create: ['POST', `/${collection}`, ''],
    list: ['GET', `/${collection}`, ''],
    update: ['PUT', `/${collection}/{id}`, 'ById'],
    delete: ['DELETE', `/${collection}/{id}`, 'ById'],
  };
  const [method, path, suffix] = shapes[action];
  return {
    routeKey: `${method} ${path}`,
    action,
    collection,
    logicalId: `Route${capitalize(method.toLowerCase())}${pascal}${suffix}`,
  };
}
