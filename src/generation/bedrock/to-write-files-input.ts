import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import type { WriteFilesInput } from './write-files-tool.js';

/** A bundle back in the tool's own shape: how a previous attempt is shown to the model, and cached. */
export function toWriteFilesInput(bundle: ArtifactBundle): WriteFilesInput {
  return {
    summary: bundle.summary,
    plan: [...bundle.plan],
    files: bundle.files.map(({ path, content, role }) => ({ path, content, role })),
    ...(bundle.templatePath === undefined ? {} : { template_path: bundle.templatePath }),
    risk_notes: [...bundle.riskNotes],
  };
}
