/** The folder every service lives in (`services/<slug>/…`, `blueprintInputFrom`); the agent owns each one it writes. */
const SERVICE_FOLDER = /^services\/[^/]+\//;

/** The service folder `path` lies in (`services/<slug>/`, with the slash), or undefined outside one. Pure. */
export function serviceFolderOf(path: string): string | undefined {
  return SERVICE_FOLDER.exec(path)?.[0];
}

/** What a re-run does with the previous generation's files it no longer generates. */
export interface Retirement {
  /** Paths to delete: still on the branch exactly as the previous generation wrote them. Sorted. */
  readonly retired: string[];
  /** Paths kept because someone changed them on the branch since that generation wrote them. Sorted. */
  readonly keptEdited: string[];
}

/**
 * The files a re-run retires. `generatedBefore` is exactly what the task's previous generation
 * wrote (its recorded list, `generatedFilesOf`, never its whole tree: that also holds files people
 * added), each with the blob id it wrote; `onBranch` the branch head's blob ids at those paths;
 * `generated` what this run writes. A previous file this run no longer writes, in a service folder
 * this run writes, is retired when the head still holds the very blob the generation wrote; one a
 * person changed since is kept (`keptEdited`, for the run to say so), and one already gone is left
 * alone. A file the previous generation did not write is never retired, however it got there.
 * Pure.
 */
export function retiredFiles(params: {
  generated: readonly string[];
  generatedBefore: ReadonlyMap<string, string>;
  onBranch: ReadonlyMap<string, string>;
}): Retirement {
  const generated = new Set(params.generated);
  const folders = new Set(params.generated.flatMap((file) => serviceFolderOf(file) ?? []));
  const retired: string[] = [];
  const keptEdited: string[] = [];
  for (const [file, written] of params.generatedBefore) {
    const now = params.onBranch.get(file);
    if (generated.has(file) || now === undefined || !folders.has(serviceFolderOf(file) ?? '')) continue;
    (now === written ? retired : keptEdited).push(file);
  }
  return { retired: retired.sort(), keptEdited: keptEdited.sort() };
}
