/** Verbs that take an item back to where it was made, and the statuses each typically undoes. */
const RESTORING: Readonly<Record<string, readonly string[]>> = {
  restore: ['archived', 'deleted', 'removed', 'trashed', 'hidden'],
  recover: ['archived', 'deleted', 'removed', 'trashed'],
  undelete: ['deleted', 'removed'],
  reinstate: ['cancelled', 'canceled', 'suspended', 'revoked', 'withdrawn', 'expired'],
};
/** What `reopen` undoes when the story does not say (`reopen a ticket`). */
const REOPENED = ['closed', 'resolved', 'done', 'completed'];

/**
 * The status a verb that goes back sets, and the statuses it leaves (which are then not final):
 * `reopen`, `reactivate`, `re` + the verb that made the item, `un` + an action of the model
 * (`unarchive`, `unfreeze`) and `restore`, `reinstate`, `recover`, `undelete` → the item's first
 * status, so `?status=open` lists a reopened ticket with the new ones. Undefined for any other verb:
 * `reassign` keeps its own status (an assigned ticket is reassigned, which a move to `assigned` it
 * already has would refuse), and `resolve`, `return`, `release` are not `re` + a verb of the model.
 */
export function returningVerb(params: {
  verb: string;
  /** The verb that makes the items (`open`, `create`); undefined when no story makes them. */
  creator: string | undefined;
  initial: string;
  /** The model's other transitions: action → the status it sets. */
  targets: ReadonlyMap<string, string>;
}): { readonly to: string; readonly leaves: readonly string[] } | undefined {
  const { verb, creator, initial, targets } = params;
  const restoring = RESTORING[verb];
  if (restoring !== undefined) return { to: initial, leaves: restoring };
  const undone = verb.startsWith('un') ? verb.slice(2) : undefined;
  const undoneTo = undone === undefined ? undefined : targets.get(undone);
  if (undoneTo !== undefined) return { to: initial, leaves: [undoneTo] };
  const again = verb.startsWith('re') ? verb.slice(2) : undefined;
  if (again === undefined || again.length < 3) return undefined;
  // `reopen`, `reactivate`: back to how the item was made, whichever verb made it.
  if (again === creator || again === 'open') return { to: initial, leaves: again === 'open' ? REOPENED : [] };
  if (again === 'activate')
    return { to: initial, leaves: ['deactivated', 'suspended', 'inactive', 'disabled'] };
  return undefined;
}
