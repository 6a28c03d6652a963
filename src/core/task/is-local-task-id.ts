/** The owner every CLI task's repository and id start with (`localTaskId`), spelled exactly so. */
export const LOCAL_OWNER = 'local';

/**
 * Whether `id` (a task id, or a record's `owner/repo`) is in the CLI's namespace: its owner is
 * `local`, in that spelling, as `localTaskId` writes it. Such ids are case-sensitive (folder names
 * are) and are never canonicalised, cut or migrated as a GitHub repository's. A GitHub account
 * named `local` shares the spelling: its ids are kept as written too, and a deploy run that cannot
 * prove the task is its repository's (no signed status comment) leaves them alone. Pure.
 */
export function isLocalTaskId(id: string): boolean {
  return id.startsWith(`${LOCAL_OWNER}/`);
}
