import { fitBody } from '../core/markdown/fit-body.js';
import { COMMENT_BODY_LIMIT } from '../core/markdown/github-limits.js';
import { parseStateMarker, type TaskMarker } from '../core/state/state-marker.js';

interface IssueComment {
  id: number;
  body?: string;
  user: { login: string; type: string } | null;
}

export interface StatusCommentClient {
  issues: {
    listComments(p: {
      owner: string;
      repo: string;
      issue_number: number;
      per_page: number;
      page: number;
    }): Promise<{ data: IssueComment[] }>;
    createComment(p: {
      owner: string;
      repo: string;
      issue_number: number;
      body: string;
    }): Promise<{ data: { id: number } }>;
    updateComment(p: { owner: string; repo: string; comment_id: number; body: string }): Promise<unknown>;
  };
}

export interface StatusCommentRef {
  readonly commentId: number;
  readonly marker: TaskMarker;
}

const PAGE_SIZE = 100;

/**
 * The issue's status comment and the state it carries. Only comments written by a bot are
 * trusted: anyone can paste a marker into a comment of their own.
 */
export async function findStatusComment(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
}): Promise<StatusCommentRef | undefined> {
  const { client, owner, repo, issueNumber } = params;
  for (let page = 1; ; page++) {
    const { data } = await client.issues.listComments({
      owner,
      repo,
      issue_number: issueNumber,
      per_page: PAGE_SIZE,
      page,
    });
    for (const comment of data) {
      if (comment.user?.type !== 'Bot' || comment.body === undefined) continue;
      const marker = parseStateMarker(comment.body);
      if (marker) return { commentId: comment.id, marker };
    }
    if (data.length < PAGE_SIZE) return undefined;
  }
}

/**
 * Edits the status comment in place, or creates it the first time. Returns its id. A body over
 * GitHub's 65,536-character limit is cut with "…and N more", its hidden state marker kept intact
 * at the end, so the problems are still shown and the state still read back.
 */
export async function writeStatusComment(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  commentId: number | undefined;
  body: string;
}): Promise<number> {
  const { client, owner, repo } = params;
  const body = fitBody({ body: params.body, limit: COMMENT_BODY_LIMIT });
  if (params.commentId !== undefined) {
    await client.issues.updateComment({ owner, repo, comment_id: params.commentId, body });
    return params.commentId;
  }
  const created = await client.issues.createComment({ owner, repo, issue_number: params.issueNumber, body });
  return created.data.id;
}
