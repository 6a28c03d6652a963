/** What the sanitizer took out of untrusted text, by kind, so a status message can say so. */
export type RemovedContentKind =
  | 'html-comment'
  | 'invisible-character'
  | 'direction-control'
  | 'hidden-element'
  | 'html-tag'
  | 'markdown-image'
  | 'link-title'
  | 'reference-definition'
  | 'footnote';

export interface RemovedContent {
  readonly kind: RemovedContentKind;
  readonly count: number;
}

/** Adds up removals from several texts (e.g. every field of a request) into one list, kinds in first-seen order. */
export function mergeRemovedContent(lists: readonly (readonly RemovedContent[])[]): RemovedContent[] {
  const totals = new Map<RemovedContentKind, number>();
  for (const list of lists) {
    for (const { kind, count } of list) totals.set(kind, (totals.get(kind) ?? 0) + count);
  }
  return [...totals].filter(([, count]) => count > 0).map(([kind, count]) => ({ kind, count }));
}
