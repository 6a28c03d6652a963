import { renderStateMarker, type TaskMarker } from '../state/state-marker.js';
import { DEPLOY_SECTION_END, DEPLOY_SECTION_START, renderDeploySection } from './deploy-section.js';

/**
 * A status comment `body` (as `renderStatusComment` wrote it, marker on its last line) with its
 * deploy section and marker replaced by those of `marker`, everything else kept as it was: a
 * deploy run edits the comment the implement run wrote without re-rendering its details. The new
 * marker is signed when `signingKey` is given.
 */
export function withDeploySection(params: { body: string; marker: TaskMarker; signingKey?: Buffer }): string {
  const lines = params.body.trimEnd().split(/\r?\n/);
  lines.pop();
  let rest = lines.join('\n');
  const start = rest.lastIndexOf(DEPLOY_SECTION_START);
  const end = rest.lastIndexOf(DEPLOY_SECTION_END);
  if (start !== -1 && end > start) rest = rest.slice(0, start) + rest.slice(end + DEPLOY_SECTION_END.length);
  const section = renderDeploySection(params.marker.environments);
  const parts = [
    rest.trimEnd(),
    ...(section === '' ? [] : [section]),
    renderStateMarker(params.marker, params.signingKey),
  ];
  return parts.join('\n\n') + '\n';
}
