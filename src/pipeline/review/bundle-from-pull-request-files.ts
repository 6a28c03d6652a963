import type { ArtifactBundle, FileRole } from '../../core/bundle/artifact-bundle.js';
import type { PullRequestFile } from '../../github/read-pull-request-files.js';

/**
 * The files of a pull request as a bundle the gates can check: roles guessed from the path (tests,
 * docs, JSON config, the rest source), the task's template (`template_path` on its marker, when
 * the pull request holds it) as the bundle's template.
 */
export function bundleFromPullRequestFiles(params: {
  readonly files: readonly PullRequestFile[];
  readonly templatePath: string | undefined;
}): ArtifactBundle {
  const { templatePath } = params;
  const files = params.files.map((file) => ({
    path: file.path,
    content: file.content,
    role: file.path === templatePath ? ('template' as const) : roleOf(file.path),
  }));
  return {
    summary: 'the files of the pull request',
    plan: [],
    files,
    ...(templatePath !== undefined && files.some((file) => file.path === templatePath)
      ? { templatePath }
      : {}),
    riskNotes: [],
  };
}

function roleOf(path: string): FileRole {
  if (/(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) return 'test';
  if (/\.(md|markdown|txt)$/i.test(path)) return 'doc';
  if (/\.(json|jsonc|ya?ml)$/i.test(path) || /(^|\/)\.[^/]+$/.test(path)) return 'config';
  return 'source';
}
