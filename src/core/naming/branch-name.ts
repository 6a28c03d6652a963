/** `implementation/<issue>-<slug>` (DESIGN §6); `local` stands in for the issue number off GitHub. */
export function branchNameFor(params: { issueNumber?: number; taskName: string }): string {
  const slug =
    params.taskName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'task';
  return `implementation/${params.issueNumber ?? 'local'}-${slug}`;
}
