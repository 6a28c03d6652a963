/** Where the next page starts, as GitHub's `rel="next"` link says: a page number or a cursor. */
export interface NextPage {
  readonly page?: number;
  readonly after?: string;
  readonly before?: string;
}

/** One answer of a list endpoint: its items and the `Link` header Octokit returns with it. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly link?: string | undefined;
}

/** Thrown when a list is longer than the caller will read: a partial list must not decide anything. */
export class IncompleteListError extends Error {
  override readonly name = 'IncompleteListError';
}

/**
 * Every item of a list endpoint, following `Link: <…>; rel="next"` until GitHub gives none
 * (docs.github.com, *Using pagination in the REST API*): page-numbered and cursor-paginated
 * endpoints alike. `enough` may stop early once the items read so far answer the question (for
 * lists sorted newest first). Throws `IncompleteListError` (naming `what`) when `maxPages` pages
 * were read and GitHub still links a next one.
 */
export async function readAllPages<T>(params: {
  what: string;
  maxPages: number;
  fetchPage: (next: NextPage) => Promise<ListPage<T>>;
  enough?: (items: readonly T[]) => boolean;
}): Promise<T[]> {
  const { items, complete } = await readPages(params);
  if (!complete) {
    throw new IncompleteListError(
      `GitHub lists more than ${params.maxPages} pages of ${params.what}; implementation-agent does not decide on part of a list.`,
    );
  }
  return items;
}

/**
 * As `readAllPages`, but a list longer than `maxPages` pages ends there with `complete: false`, for
 * callers that can say how far they looked. `complete` is also true when `enough` stopped it.
 */
export async function readPages<T>(params: {
  maxPages: number;
  fetchPage: (next: NextPage) => Promise<ListPage<T>>;
  enough?: (items: readonly T[]) => boolean;
}): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let next: NextPage | undefined = {};
  for (let read = 0; next !== undefined; read++) {
    if (read === params.maxPages) return { items, complete: false };
    const page = await params.fetchPage(next);
    items.push(...page.items);
    if (params.enough?.(items)) break;
    next = nextPageOf(page.link);
  }
  return { items, complete: true };
}

/** The `rel="next"` target of a `Link` header, as the query that asks for it; `undefined` on the last page. */
export function nextPageOf(link: string | undefined): NextPage | undefined {
  const target = link
    ?.split(',')
    .map((part) => /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim()))
    .find((match) => match?.[2] === 'next')?.[1];
  if (target === undefined) return undefined;
  const query = new URL(target, 'https://api.github.com').searchParams;
  const page = Number(query.get('page'));
  const after = query.get('after');
  const before = query.get('before');
  if (Number.isSafeInteger(page) && page > 0) return { page };
  if (after) return { after };
  if (before) return { before };
  // A next link we cannot follow would silently end the list early: better to say so.
  throw new IncompleteListError(`GitHub's next-page link has neither a page number nor a cursor: ${target}`);
}
