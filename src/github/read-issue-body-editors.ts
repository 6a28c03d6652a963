import { z } from 'zod';
import type { Account } from '../core/review/account.js';
import type { GraphqlClient } from './graphql-client.js';
import { graphqlErrorMessages } from './enable-auto-merge.js';

/** Edits asked for a page: GraphQL connections give at most 100 nodes a page (GitHub Docs, "Rate limits and query limits for the GraphQL API"). */
export const EDITS_PAGE_SIZE = 100;

/**
 * An issue body's edit history (GitHub GraphQL `Issue.userContentEdits`, a connection of
 * `UserContentEdit { editor: Actor, editedAt }`; the first entry of an edited body is its creation,
 * by the author).
 */
export const ISSUE_BODY_EDITS_QUERY = `query IssueBodyEdits($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    issue(number: $number) {
      userContentEdits(first: ${EDITS_PAGE_SIZE}, after: $after) {
        nodes { editedAt editor { __typename login ... on User { databaseId } ... on Bot { databaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

/** Most pages of edits read (100 each): an issue edited more often than this is not read to the end. */
export const MAX_EDIT_PAGES = 5;

const editorSchema = z.object({
  __typename: z.string().max(40),
  login: z.string().min(1).max(100),
  databaseId: z.number().int().positive().nullish(),
});

const editsSchema = z.object({
  repository: z.object({
    issue: z.object({
      userContentEdits: z.object({
        nodes: z.array(z.object({ editor: editorSchema.nullable() }).nullable()),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      }),
    }),
  }),
});

/**
 * Why the editors are unknown when an edit's editor is null: the account was deleted (GitHub shows
 * it as "ghost", GitHub Docs, "Deleting your personal account": content is attributed to the ghost
 * user), so whether it may approve cannot be checked, now or on any later read.
 */
export const DELETED_EDITOR =
  'an edit of it was made by an account that has since been deleted (GitHub shows it as "ghost"), whose access cannot be checked';

/**
 * Who edited the body: `known` with every editor once (as `Account`s: login, `databaseId` as id,
 * `__typename` as type), or `unknown` with why not, in words that finish "…is not known because":
 * GitHub answered with errors or an unexpected shape or left an edit out (a null node), an edit
 * names no editor (a deleted account, `DELETED_EDITOR`), or the history runs past `MAX_EDIT_PAGES`;
 * `lasting` for the last two: the history keeps every edit and a deleted account stays deleted, so
 * reading it again cannot help.
 */
export type IssueBodyEditors =
  | { readonly kind: 'known'; readonly editors: readonly Account[] }
  | { readonly kind: 'unknown'; readonly why: string; readonly lasting?: true };

/**
 * Reads every editor of issue `issueNumber`'s body from its edit history (`ISSUE_BODY_EDITS_QUERY`,
 * `EDITS_PAGE_SIZE` a page, at most `MAX_EDIT_PAGES` pages). Never throws for what GitHub answers: a GraphQL
 * error, an HTTP failure or a history it cannot read whole is `unknown`, so the caller fails closed.
 */
export async function readIssueBodyEditors(params: {
  graphql: GraphqlClient;
  owner: string;
  repo: string;
  issueNumber: number;
}): Promise<IssueBodyEditors> {
  const editors = new Map<string, Account>();
  let after: string | null = null;
  for (let page = 0; page < MAX_EDIT_PAGES; page++) {
    const read = await readPage(params, after);
    if ('why' in read) return { kind: 'unknown', why: read.why };
    for (const node of read.nodes) {
      if (node === null) return { kind: 'unknown', why: 'GitHub left an edit of it out of its edit history' };
      const editor = node.editor;
      // A deleted account: GitHub shows it as "ghost" and gives no editor, for good.
      if (editor === null) return { kind: 'unknown', why: DELETED_EDITOR, lasting: true };
      const key =
        editor.databaseId == null ? `login:${editor.login.toLowerCase()}` : `id:${editor.databaseId}`;
      editors.set(key, {
        login: editor.login,
        ...(editor.databaseId == null ? {} : { id: editor.databaseId }),
        type: editor.__typename,
      });
    }
    if (!read.pageInfo.hasNextPage) return { kind: 'known', editors: [...editors.values()] };
    after = read.pageInfo.endCursor;
    if (after === null) return { kind: 'unknown', why: 'GitHub gave no cursor to the rest of its edits' };
  }
  return {
    kind: 'unknown',
    why: `it was edited more than ${MAX_EDIT_PAGES * EDITS_PAGE_SIZE} times, more than the agent reads`,
    lasting: true,
  };
}

type EditsPage = z.infer<typeof editsSchema>['repository']['issue']['userContentEdits'];

async function readPage(
  params: { graphql: GraphqlClient; owner: string; repo: string; issueNumber: number },
  after: string | null,
): Promise<EditsPage | { why: string }> {
  let data: unknown;
  try {
    data = await params.graphql(ISSUE_BODY_EDITS_QUERY, {
      owner: params.owner,
      repo: params.repo,
      number: params.issueNumber,
      after,
    });
  } catch (error) {
    const messages = graphqlErrorMessages(error);
    const said = messages?.join('; ') ?? (error instanceof Error ? error.message : String(error));
    return { why: `GitHub did not give its edit history (${said.slice(0, 200)})` };
  }
  const parsed = editsSchema.safeParse(data);
  return parsed.success
    ? parsed.data.repository.issue.userContentEdits
    : { why: 'GitHub gave its edit history in an unexpected shape' };
}
