import type { Operation, OperationKind } from './model/resource-model-types.js';

/** What each kind of route asks of the items table, as the generated handler calls it (app-source.ts). */
const ACTIONS_OF: Readonly<Record<OperationKind, readonly string[]>> = {
  create: ['dynamodb:PutItem', 'dynamodb:GetItem'],
  read: ['dynamodb:GetItem'],
  list: ['dynamodb:Query'],
  update: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  transition: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  set: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  redirect: ['dynamodb:GetItem'],
  count: ['dynamodb:Query'],
  // The item, then the children made under it.
  balance: ['dynamodb:GetItem', 'dynamodb:Query'],
  delete: ['dynamodb:GetItem', 'dynamodb:DeleteItem'],
};
const ORDER = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'];

/**
 * The DynamoDB actions the function's routes use, and no more (least privilege): an API with no
 * delete route is not granted `dynamodb:DeleteItem`. A create reads too (the parent it is made
 * under), and so does a delete refused in some statuses. Listed in a stable order.
 */
export function tableActions(operations: readonly Pick<Operation, 'kind'>[]): string[] {
  const used = new Set(operations.flatMap((operation) => ACTIONS_OF[operation.kind]));
  return ORDER.filter((action) => used.has(action));
}
