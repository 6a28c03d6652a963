import { COMMENT_BODY_LIMIT } from '../markdown/github-limits.js';
import { markerChars } from './fit-unmirrored.js';
import type { TaskMarker } from './state-marker.js';

/**
 * Characters the marker's four lists (`unmirrored`, `unsent`, `unsent_artifacts`,
 * `unsent_deployments`) may take together, as written (`markerChars`). Each list has its own
 * bound, but in one outage of every store and the bus they all fill at once: sized from GitHub's
 * 65,536-character limit on a comment body (`COMMENT_BODY_LIMIT`), leaving 17,536 for the
 * status text and the marker's other fields (the last outcome's texts are at most 2,000 each).
 */
export const MAX_MARKER_LISTS_CHARS = COMMENT_BODY_LIMIT.max - 17_536;

/** How many items of each list `fitMarkerLists` left out. */
export interface MarkerListsDropped {
  readonly unmirrored: number;
  readonly unsent: number;
  readonly unsent_artifacts: number;
  readonly unsent_deployments: number;
}

/**
 * The marker with its lists within one shared budget (`maxChars`, as written), and how many items
 * of each were left out. Least important first, oldest first within each: artifact paths (counted
 * in the list's `more`: the files are rebuilt from the commit), then lifecycle events for the
 * bus, then events for the mirror tables, then deployment records (a rollback reads them). Never
 * throws: an outage costs the oldest queued items, never the status write. Pure.
 */
export function fitMarkerLists(
  marker: TaskMarker,
  maxChars: number = MAX_MARKER_LISTS_CHARS,
): { marker: TaskMarker; dropped: MarkerListsDropped } {
  const paths = [...(marker.unsent_artifacts?.paths ?? [])];
  const unsent = [...(marker.unsent ?? [])];
  const unmirrored = [...(marker.unmirrored ?? [])];
  const deployments = [...(marker.unsent_deployments ?? [])];
  const sizes = (list: readonly unknown[]) =>
    list.reduce<number>((sum, item) => sum + markerChars(item) + 1, 0);
  let total = sizes(paths) + sizes(unsent) + sizes(unmirrored) + sizes(deployments);
  const dropped = { unmirrored: 0, unsent: 0, unsent_artifacts: 0, unsent_deployments: 0 };
  const order: [keyof MarkerListsDropped, unknown[]][] = [
    ['unsent_artifacts', paths],
    ['unsent', unsent],
    ['unmirrored', unmirrored],
    ['unsent_deployments', deployments],
  ];
  for (const [name, list] of order) {
    while (total > maxChars && list.length > 0) {
      total -= markerChars(list.shift()) + 1;
      dropped[name] += 1;
    }
  }
  if (Object.values(dropped).every((count) => count === 0)) return { marker, dropped };
  const fitted: TaskMarker = { ...marker };
  if (marker.unsent_artifacts !== undefined && dropped.unsent_artifacts > 0)
    fitted.unsent_artifacts = {
      ...marker.unsent_artifacts,
      paths,
      more: (marker.unsent_artifacts.more ?? 0) + dropped.unsent_artifacts,
    };
  const set = <K extends 'unsent' | 'unmirrored' | 'unsent_deployments'>(key: K, list: TaskMarker[K]) => {
    if (dropped[key] === 0) return;
    if (list === undefined || list.length === 0) delete fitted[key];
    else fitted[key] = list;
  };
  set('unsent', unsent as TaskMarker['unsent']);
  set('unmirrored', unmirrored as TaskMarker['unmirrored']);
  set('unsent_deployments', deployments as TaskMarker['unsent_deployments']);
  return { marker: fitted, dropped };
}
