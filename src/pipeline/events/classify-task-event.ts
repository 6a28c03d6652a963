import { z } from 'zod';
import { parseCommand } from '../../core/commands/parse-command.js';
import { dispatchRequestId } from '../../core/idempotency/dispatch-request-id.js';
import { parseDispatch } from '../../core/request/parse-dispatch.js';
import { parseIssueForm } from '../../core/request/parse-issue-form.js';
import { classifyPullRequestEvent } from '../review/classify-pull-request-event.js';
import { accountSchema, type Account } from '../../core/review/account.js';
import type { RepositoryRef, TaskEvent } from './task-event.js';

const repositorySchema = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  default_branch: z.string().default('main'),
});
// `id` is the account's, which stays through a rename (the login does not); optional so a payload
// without it (a hand-made dispatch, an older fixture) still classifies, with the login alone.
const senderSchema = z.object({
  login: z.string(),
  type: z.string(),
  id: z.number().int().positive().optional().catch(undefined),
});

/**
 * The sender's `id` and `type` as a task records its requester (`requesterId`, `requesterType`),
 * each when the payload gave it. A type the record cannot hold (`accountSchema`: 1–40 characters)
 * is left out, and the login's `[bot]` suffix then decides alone (`isBotAccount`).
 */
function requesterAccount(sender: z.infer<typeof senderSchema>): {
  requesterId?: number;
  requesterType?: string;
} {
  const type = accountSchema.shape.type.safeParse(sender.type).data;
  return {
    ...(sender.id === undefined ? {} : { requesterId: sender.id }),
    ...(type === undefined ? {} : { requesterType: type }),
  };
}
/**
 * The account a payload's `issue.user` names, as a task records it (`accountSchema`: a type it
 * cannot hold is left out); undefined when GitHub gives none (a deleted account's `ghost` is one).
 */
function issueAuthorOf(user: z.infer<typeof senderSchema> | null | undefined): { issueAuthor?: Account } {
  const account = accountSchema.safeParse({
    login: user?.login,
    ...(user?.id === undefined ? {} : { id: user.id }),
  }).data;
  if (account === undefined || user === null || user === undefined) return {};
  const { requesterType } = requesterAccount(user);
  return { issueAuthor: { ...account, ...(requesterType === undefined ? {} : { type: requesterType }) } };
}
const issueSchema = z.object({
  number: z.number().int().positive(),
  user: senderSchema.nullish().catch(undefined),
  body: z.string().nullish(),
  updated_at: z.string().default(''),
  labels: z.array(z.object({ name: z.string() })).default([]),
  pull_request: z.unknown().optional(),
});
const issuesEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  label: z.object({ name: z.string() }).optional(),
  // On `edited`, what changed: only a `body` change can change the request (the title is no part of it).
  changes: z.object({ body: z.unknown().optional() }).optional().catch(undefined),
  repository: repositorySchema,
  sender: senderSchema,
});
const issueCommentEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  comment: z.object({ id: z.number().int(), body: z.string().nullish(), created_at: z.string().default('') }),
  repository: repositorySchema,
  sender: senderSchema,
});
const dispatchEventSchema = z.object({ repository: repositorySchema, sender: senderSchema });

/**
 * `/implement` and `/approve` need no environment list, so they are recognised before config is
 * read; any other command (or a mistyped one) is left for the command handler.
 */
function commandKindOf(body: string): 'implement' | 'approve' | 'other' | undefined {
  const parsed = parseCommand({ body, environments: [] });
  if (parsed.kind === 'not-a-command') return undefined;
  if (parsed.kind === 'invalid') return 'other';
  const { kind } = parsed.command;
  return kind === 'implement' || kind === 'approve' ? kind : 'other';
}

function repositoryOf(repository: z.infer<typeof repositorySchema>): RepositoryRef {
  return { owner: repository.owner.login, repo: repository.name, defaultBranch: repository.default_branch };
}

/**
 * Decides what an event means for the pipeline from its payload alone. Events from bots are ignored,
 * which keeps the agent from answering itself; upstream systems send `repository_dispatch` instead.
 */
export function classifyTaskEvent(event: { name: string; payload: unknown }): TaskEvent {
  switch (event.name) {
    case 'issues':
      return classifyIssuesEvent(event.payload);
    case 'issue_comment':
      return classifyCommentEvent(event.payload);
    case 'pull_request':
    case 'pull_request_review':
    case 'pull_request_review_comment':
      return classifyPullRequestEvent(event);
    case 'workflow_dispatch':
    case 'repository_dispatch':
      return classifyDispatchEvent(event);
    default:
      return { kind: 'ignored', reason: `the ${event.name} event does not start implementation tasks` };
  }
}

function classifyIssuesEvent(payload: unknown): TaskEvent {
  const parsed = issuesEventSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'ignored', reason: 'the issues payload is not one GitHub sends' };
  const { action, issue, label, repository, sender } = parsed.data;
  if (sender.type === 'Bot') return { kind: 'ignored', reason: `${sender.login} is a bot` };
  if (issue.pull_request !== undefined) return { kind: 'ignored', reason: 'pull requests are not requests' };
  if (action === 'edited') return classifyIssueEdit(parsed.data);
  if (action !== 'opened' && action !== 'labeled') {
    return { kind: 'ignored', reason: `issues.${action} does not start implementation tasks` };
  }
  const body = issue.body ?? '';
  const labels = action === 'labeled' ? (label ? [label.name] : []) : issue.labels.map((l) => l.name);
  const fromForm = action === 'opened' && parseIssueForm(body).kind !== 'not-a-request';
  if (!fromForm && labels.length === 0) {
    return { kind: 'ignored', reason: 'the issue is neither from the request form nor labeled' };
  }
  return {
    kind: 'issue-request',
    repository: repositoryOf(repository),
    issueNumber: issue.number,
    issueBody: body,
    requester: sender.login,
    ...requesterAccount(sender),
    // Who opened the issue wrote it; a labeling is someone's start of another's text.
    ...(action === 'labeled' ? issueAuthorOf(issue.user) : {}),
    trigger: action,
    labels,
    fromForm,
    // A labeling is told apart from a redelivery of it by when it happened (the issue's updated_at).
    triggerKey: action === 'opened' ? 'opened' : `labeled@${issue.updated_at}`,
  };
}

/**
 * An issue's edit: a rewritten body is someone's text that a later run of the task may generate
 * from (review 9m), so its editor is recorded; any other edit (the title) changes no request.
 */
function classifyIssueEdit(event: z.infer<typeof issuesEventSchema>): TaskEvent {
  const { issue, sender } = event;
  if (event.changes?.body === undefined) {
    return { kind: 'ignored', reason: 'the edit left the issue body as it was' };
  }
  const account = accountSchema.safeParse({
    login: sender.login,
    ...(sender.id === undefined ? {} : { id: sender.id }),
  }).data;
  if (account === undefined) return { kind: 'ignored', reason: 'the edit names no account GitHub gives' };
  const { requesterType } = requesterAccount(sender);
  return {
    kind: 'request-edited',
    repository: repositoryOf(event.repository),
    issueNumber: issue.number,
    editor: { ...account, ...(requesterType === undefined ? {} : { type: requesterType }) },
    triggerKey: `edited@${issue.updated_at}`,
  };
}

function classifyCommentEvent(payload: unknown): TaskEvent {
  const parsed = issueCommentEventSchema.safeParse(payload);
  if (!parsed.success)
    return { kind: 'ignored', reason: 'the issue_comment payload is not one GitHub sends' };
  const { action, issue, comment, repository, sender } = parsed.data;
  if (action !== 'created')
    return { kind: 'ignored', reason: 'only new comments are read; edits are ignored' };
  if (sender.type === 'Bot') return { kind: 'ignored', reason: `${sender.login} is a bot` };
  const body = comment.body ?? '';
  const command = commandKindOf(body);
  if (command === undefined) return { kind: 'ignored', reason: 'the comment holds no command' };
  const onPullRequest = issue.pull_request !== undefined;
  const common = { repository: repositoryOf(repository), issueNumber: issue.number, commentId: comment.id };
  // On a pull request, /implement and /approve are answered by the command handler too (they
  // belong on the task's issue), so every command written there gets a reaction and a reply.
  if (command === 'other' || onPullRequest) {
    return {
      kind: 'chat-command',
      ...common,
      onPullRequest,
      commentBody: body,
      commentedAt: comment.created_at,
      author: sender.login,
      ...(sender.id === undefined ? {} : { authorId: sender.id }),
    };
  }
  const issueBody = issue.body ?? '';
  const triggerKey = `comment:${comment.id}`;
  if (command === 'implement') {
    return {
      kind: 'implement-comment',
      ...common,
      issueBody,
      commentBody: body,
      commentedAt: comment.created_at,
      requester: sender.login,
      ...requesterAccount(sender),
      ...issueAuthorOf(issue.user),
      triggerKey,
    };
  }
  // A held request the approver releases after it changed is held again as theirs (`holdRequest`).
  const { requesterId: approverId, requesterType: approverType } = requesterAccount(sender);
  return {
    kind: 'approve-comment',
    ...common,
    issueBody,
    approver: sender.login,
    ...(approverId === undefined ? {} : { approverId }),
    ...(approverType === undefined ? {} : { approverType }),
    triggerKey,
  };
}

function classifyDispatchEvent(event: { name: string; payload: unknown }): TaskEvent {
  const parsed = dispatchEventSchema.safeParse(event.payload);
  if (!parsed.success)
    return { kind: 'ignored', reason: `the ${event.name} payload is not one GitHub sends` };
  const request = parseDispatch(event);
  if (request.kind === 'not-a-request') return { kind: 'ignored', reason: request.reason };
  const requestId = dispatchRequestId(event);
  return {
    kind: 'dispatch',
    repository: repositoryOf(parsed.data.repository),
    request,
    requester: parsed.data.sender.login,
    ...requesterAccount(parsed.data.sender),
    requestId,
    triggerKey: `dispatch:${requestId}`,
  };
}
