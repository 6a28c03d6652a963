import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import type { FeedbackPlan, FreeTextFeedback, ThreadReply } from './plan-feedback-changes.js';

/** What a model made of the free text: its files (changed only) and one answer per item id. */
export interface RevisionAnswer {
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly answers: readonly { readonly id: string; readonly changed: boolean; readonly answer: string }[];
}

/** A redaction marker (`redactSecrets`): the model saw it in place of a credential. */
const REDACTION_MARKER = '[REDACTED:';

/**
 * The plan once a model has revised files for its free text (pure; issue #9 item 3). A revised
 * file is taken only when its path is one of `allowedPaths` (the files the feedback touches, which
 * the model was shown), is not under `.github/`, and holds no redaction marker its current text
 * lacks (writing it would replace a credential the model never saw); every other file is refused
 * and listed in `refused`, with why. A file the model returned unchanged is dropped. Each
 * free-text item is answered with the model's answer (shown as untrusted text): a thread counts as
 * fixed, and may be resolved, only when the model changed files for it and its own file was taken;
 * a body (no thread) is answered in `unanswered` in place of the plan's default line.
 */
export function mergeRevision(params: {
  plan: FeedbackPlan;
  revision: RevisionAnswer;
  allowedPaths: ReadonlySet<string>;
  /** The branch's current text of each allowed path (suggestions of this run not applied). */
  current: ReadonlyMap<string, string>;
}): { plan: FeedbackPlan; refused: string[] } {
  const { plan, revision } = params;
  const files = new Map(plan.files);
  const refused: string[] = [];
  for (const file of revision.files) {
    const before = files.get(file.path) ?? params.current.get(file.path);
    const why = refusal({ path: file.path, content: file.content, before, allowed: params.allowedPaths });
    if (why !== undefined) refused.push(`Refused the model's change to ${codeSpan(file.path)}: ${why}.`);
    else if (before !== file.content) files.set(file.path, file.content);
  }
  const revised = new Set(
    revision.files.map((file) => file.path).filter((path) => files.get(path) !== plan.files.get(path)),
  );
  const answerOf = (item: FreeTextFeedback) => revision.answers.find((answer) => answer.id === item.id);
  const byComment = new Map(
    plan.freeText.flatMap((item) => (item.comment === undefined ? [] : [[item.comment.id, item] as const])),
  );
  const replies = plan.replies.map((reply): ThreadReply => {
    const item = byComment.get(reply.commentId);
    if (item === undefined) return reply;
    const answer = answerOf(item);
    const fixed = answer?.changed === true && revised.has(item.comment?.path ?? '');
    return { ...reply, body: sentence({ answer, fixed }), fixed };
  });
  const bodies = plan.freeText.filter((item) => item.comment === undefined);
  const dropped = new Set(bodies.map((item) => item.note));
  const unanswered = [
    ...plan.unanswered.filter((line) => !dropped.has(line)),
    ...bodies.map((item) => {
      const answer = answerOf(item);
      return `@${item.author}: ${sentence({ answer, fixed: answer?.changed === true && revised.size > 0 })}`;
    }),
  ];
  return { plan: { ...plan, files, replies, unanswered }, refused };
}

function refusal(params: {
  path: string;
  content: string;
  before: string | undefined;
  allowed: ReadonlySet<string>;
}): string | undefined {
  if (/^\.github(\/|$)/i.test(params.path))
    return 'the agent never changes files under `.github/` for feedback';
  if (!params.allowed.has(params.path))
    return 'it is not one of the files the model was shown (those the feedback touches, within the limits)';
  if (params.content.includes(REDACTION_MARKER) && !(params.before ?? '').includes(REDACTION_MARKER))
    return 'it holds a redaction marker, which would overwrite a credential the model never saw';
  return undefined;
}

function sentence(params: { answer: RevisionAnswer['answers'][number] | undefined; fixed: boolean }): string {
  const { answer, fixed } = params;
  if (answer === undefined) return 'Not changed: the model gave no answer for this feedback.';
  const said = untrustedInline(answer.answer);
  if (fixed) return `Changed: ${said}`;
  if (answer.changed)
    return `Not changed: the model's change for this was refused (see the pull request comment). It said: ${said}`;
  return `Not changed: ${said}`;
}
