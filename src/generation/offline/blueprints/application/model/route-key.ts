import type { OperationKind } from './resource-model-types.js';

/** The HTTP route of a kind of operation on a collection (`list` of `orders` → `GET /orders`). */
export function routeKey(collection: string, kind: OperationKind, action?: string): string {
  const shapes: Readonly<Record<OperationKind, string>> = {
    create: `POST /${collection}`,
    read: `GET /${collection}/{id}`,
    list: `GET /${collection}`,
    update: `PATCH /${collection}/{id}`,
    delete: `DELETE /${collection}/{id}`,
    transition: `POST /${collection}/{id}/${action ?? 'act'}`,
    set: `POST /${collection}/{id}/${action ?? 'set'}`,
    redirect: `GET /${collection}/{id}/${action ?? 'visit'}`,
    count: `GET /${collection}/count`,
    balance: `GET /${collection}/{id}/balance`,
  };
  return shapes[kind];
}
