/** What a story's verb does to a resource; anything else is a named state transition (`cancel`, `ship`). */
/**
 * `set` and `redirect` are never a verb's own kind: `set` is a flip verb (`enable a flag`) on a
 * resource with a yes/no field, which the service sets itself (flip-verbs.ts); `redirect` a story
 * asking to be sent on to an item's URL (redirect-operation.ts); `count` a story asking how many of
 * the items a create route stores there are (count-operation.ts).
 */
export type VerbKind =
  'create' | 'read' | 'list' | 'update' | 'delete' | 'transition' | 'set' | 'redirect' | 'count';

const KINDS: readonly (readonly [Exclude<VerbKind, 'transition'>, readonly string[]])[] = [
  [
    'create',
    [
      'place',
      'create',
      'add',
      'submit',
      'register',
      'post',
      'upload',
      'book',
      'make',
      'raise',
      'log',
      'record',
      'request',
      'write',
      'save',
      'store',
      'send',
      'enter',
      'file',
      'put',
      'schedule',
      'order',
      'buy',
      'purchase',
      'start',
      'capture',
      'report',
      'draft',
      'issue',
      'open',
      'new',
      'import',
      'reserve',
    ],
  ],
  // A read of one item or of the collection, decided by whether the object is plural.
  [
    'read',
    [
      'view',
      'see',
      'get',
      'read',
      'find',
      'track',
      'check',
      'show',
      'retrieve',
      'inspect',
      'know',
      'fetch',
      'display',
      'access',
      'follow',
      'lookup',
      // Reads that work something out from the item, writing nothing (`evaluate a flag for a user`).
      'evaluate',
      'calculate',
      'compute',
      'preview',
    ],
  ],
  [
    'list',
    ['list', 'browse', 'search', 'filter', 'export', 'query', 'download', 'review', 'monitor', 'compare'],
  ],
  [
    'update',
    ['update', 'edit', 'change', 'modify', 'rename', 'amend', 'adjust', 'correct', 'replace', 'set'],
  ],
  ['delete', ['delete', 'remove', 'discard', 'erase', 'purge', 'destroy']],
];

/** Phrasal verbs read as one: `look at` → `view`; `null` means the phrase names no resource action (`log in`). */
export const PHRASAL_VERBS: Readonly<Record<string, string | null>> = {
  'look at': 'view',
  'look up': 'find',
  'roll back': 'revert',
  'sign up': null,
  'sign in': null,
  'log in': null,
  'log out': null,
  'sign out': null,
};

export function verbKind(verb: string): VerbKind {
  return KINDS.find(([, verbs]) => verbs.includes(verb))?.[0] ?? 'transition';
}

/** The verbs that mean a kind (reads and lists share theirs: `track my orders` is a list, `track an order` a read). */
export function verbsOfKind(
  kind: Exclude<VerbKind, 'transition' | 'set' | 'redirect' | 'count'>,
): readonly string[] {
  const kinds = kind === 'read' || kind === 'list' ? ['read', 'list'] : [kind];
  return KINDS.filter(([candidate]) => kinds.includes(candidate)).flatMap(([, verbs]) => verbs);
}
