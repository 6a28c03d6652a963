import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { loadGenerated } from './generated-modules.js';

export interface ServiceAnswer {
  readonly statusCode: number;
  readonly body: string;
  readonly json: Record<string, unknown>;
}
export interface ServiceCall {
  readonly pathParameters?: Record<string, string>;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  /** What an authorizer in front would set (`x-caller-id`); none unless given. */
  readonly headers?: Record<string, string>;
}
/** Sends one HTTP API event to the generated handler by its route key. */
export type Send = (routeKey: string, call?: ServiceCall) => Promise<ServiceAnswer>;

/**
 * The generated service's handler over its own in-memory repository, ids id-1, id-2, … in order:
 * what a client of the deployed API would meet, without AWS.
 */
export function serviceOf(bundle: ArtifactBundle): Send {
  const loaded = loadGenerated(bundle, [
    ['src/app.ts', ['createApp']],
    ['src/item-repository.ts', ['InMemoryItemRepository']],
    ['src/status-events.ts', ['RecordingStatusEvents']],
    ['src/notifications.ts', ['RecordingNotifications']],
  ]);
  const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
  const Events = loaded['RecordingStatusEvents'] as new () => unknown;
  const Notices = loaded['RecordingNotifications'] as new () => unknown;
  const createApp = loaded['createApp'] as (
    deps: Record<string, unknown>,
  ) => (event: Record<string, unknown>) => Promise<{ statusCode: number; body: string }>;
  let next = 0;
  const app = createApp({
    repository: new Repository(),
    newId: () => `id-${String((next += 1))}`,
    now: () => new Date('2026-11-30T10:00:00Z'),
    statusEvents: new Events(),
    notifications: new Notices(),
    log: () => undefined,
  });
  return async (routeKey, call = {}) => {
    const answer = await app({
      routeKey,
      pathParameters: call.pathParameters,
      queryStringParameters: call.query,
      headers: call.headers ?? {},
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const json = answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>);
    return { ...answer, json };
  };
}
