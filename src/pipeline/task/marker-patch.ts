import type { TaskMarker } from '../../core/state/state-marker.js';

/**
 * Fields the record owns: the board writes them from the record (`markerFieldsOf`), so a patch
 * cannot set them. Cost and tokens come only from a move's `usage` (the provider's own count).
 */
type RecordOwned =
  | 'cost_usd'
  | 'tokens'
  | 'model'
  | 'version'
  | 'created_at'
  | 'environments'
  | 'deploys'
  | 'unmirrored'
  | 'unsent'
  | 'last_outcome'
  | 'writes'
  | 'recent_writes'
  | 'unsent_deployments';
/** What a move may set on the marker beside the record's own fields. */
export type MarkerPatch = Partial<Omit<TaskMarker, 'task_id' | 'state' | 'updated_at' | RecordOwned>>;
/** Fields a move may drop from the marker (`clear`). */
export type ClearableField = Exclude<keyof MarkerPatch, 'attempt'>;
