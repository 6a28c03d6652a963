import { distinctSlug } from './distinct-slug.js';

const MAX_SLUG_LENGTH = 40;

/**
 * `implementation/<issue>-<slug>` (DESIGN §6); `local` stands in for the issue number off GitHub.
 * The slug is distinct for distinct task names (`distinctSlug`: a digest when letters were lost).
 */
export function branchNameFor(params: { issueNumber?: number; taskName: string }): string {
  const readable =
    params.taskName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_SLUG_LENGTH)
      .replace(/-+$/, '') || 'task';
  const slug = distinctSlug({ taskName: params.taskName, slug: readable, maxLength: MAX_SLUG_LENGTH });
  return `implementation/${params.issueNumber ?? 'local'}-${slug}`;
}
