/** The folder every service lives in (`services/<slug>/…`, `blueprintInputFrom`); the agent owns each one it writes. */
const SERVICE_FOLDER = /^services\/[^/]+\//;

/** The service folder `path` lies in (`services/<slug>/`, with the slash), or undefined outside one. Pure. */
export function serviceFolderOf(path: string): string | undefined {
  return SERVICE_FOLDER.exec(path)?.[0];
}

/**
 * The files a re-run retires: paths the task's previous output held (`generatedBefore`) that are
 * still on the branch (`onBranch`) and that this run no longer generates (`generated`), within a
 * service folder this run writes to. Files outside those folders (a user's README, workflows, other
 * services) are never retired, however they got there. Returns sorted paths. Pure.
 */
export function retiredFiles(params: {
  generated: readonly string[];
  generatedBefore: readonly string[];
  onBranch: readonly string[];
}): string[] {
  const generated = new Set(params.generated);
  const folders = new Set(params.generated.flatMap((file) => serviceFolderOf(file) ?? []));
  const onBranch = new Set(params.onBranch);
  return params.generatedBefore
    .filter((file) => !generated.has(file) && onBranch.has(file) && folders.has(serviceFolderOf(file) ?? ''))
    .sort();
}
