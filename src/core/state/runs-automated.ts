import type { TaskMarker } from './state-marker.js';

/**
 * Whether the task merges without a person (DESIGN §4): it runs automated — requested so, or
 * hybrid judged low risk (`effective_mode`, recorded when its PR was opened) — and was not judged
 * high risk. Every other task runs guided and asks for an approving review: guided and manual
 * tasks, hybrid at high risk, automated ones that fell back to guided, and markers that never
 * recorded a mode (written before the mode decision).
 */
export function runsAutomated(
  marker: Pick<TaskMarker, 'effective_mode' | 'risk_level'> | undefined,
): boolean {
  return marker?.effective_mode === 'automated' && marker.risk_level !== 'high';
}
