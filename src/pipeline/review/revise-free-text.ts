import { mergeRevision } from '../../core/feedback/merge-revision.js';
import type { FeedbackPlan } from '../../core/feedback/plan-feedback-changes.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import { redactJsonStrings } from '../../core/secrets/redact-json-strings.js';
import {
  ModelOutputError,
  type BranchFile,
  type GenerationContext,
  type ModelExchange,
  type ModelProvider,
  type RevisionInput,
  type TokenUsage,
} from '../../generation/model-provider.js';

/** What revising the free text made of the plan, and what it cost. */
export interface FreeTextRevision {
  readonly plan: FeedbackPlan;
  /** Lines for the pull request comment: files the agent refused to take from the model. */
  readonly notes: readonly string[];
  /** The model's one line for the commit message, when it revised anything. */
  readonly summary?: string;
  /** What the call cost, when a model was called and the provider knows (an unusable answer too). */
  readonly usage?: { readonly model: string; readonly usage: TokenUsage };
  /** The model call as sent and answered, when the provider keeps it: audit stores it (`storeRevisionExchange`). */
  readonly exchange?: ModelExchange;
}

const TRY_AGAIN = 'comment `/implement <instructions>` on the pull request to try again';

/**
 * The plan's free text through the provider's `revise` (issue #9 item 3), when it has one: the
 * model sees only `files` (the current text of each path the feedback touches, this run's
 * suggestions applied) and the free text as data, and its answer is merged by `mergeRevision`
 * (which refuses files outside `files` and under `.github/`). `blocked` (the iteration bound) stops
 * it before anything is spent. A failed call or an unusable answer changes no file: each free-text
 * item says why, and an unusable answer's cost is still counted. A provider without `revise`
 * leaves the plan's own answers (the offline provider's honest one).
 */
export async function reviseFreeText(params: {
  provider: ModelProvider;
  plan: FeedbackPlan;
  /** The branch's text of each path the model may change (the feedback touches it). */
  current: ReadonlyMap<string, string>;
  /** Paths the feedback touches that the limits kept from the model (`boundRevisionFiles`). */
  withheld?: readonly string[];
  context: GenerationContext;
  task: RevisionInput['task'];
  blocked: string | undefined;
  log: (line: string) => void;
}): Promise<FreeTextRevision> {
  const { provider, plan } = params;
  if (plan.freeText.length === 0 || provider.revise === undefined) return { plan, notes: [] };
  if (params.blocked !== undefined) return { plan: answerAll(plan, params.blocked), notes: [] };
  const files: BranchFile[] = [...params.current.keys()]
    .sort()
    .map((path) => ({ path, content: plan.files.get(path) ?? params.current.get(path) ?? '' }));
  const feedback = plan.freeText.map((item) => ({
    id: item.id,
    author: item.author,
    text: item.text,
    ...(item.comment === undefined
      ? {}
      : {
          path: item.comment.path,
          line: item.comment.line,
          startLine: item.comment.startLine,
          diffHunk: item.comment.diffHunk,
        }),
  }));
  try {
    const revision = await provider.revise({ context: params.context, task: params.task, files, feedback });
    // The answers go into comments and the commit message: no credential the model wrote leaves in them.
    const said = await redactJsonStrings({ answers: revision.answers, summary: revision.summary });
    const merged = mergeRevision({
      plan,
      revision: { files: revision.files, answers: said.answers },
      allowedPaths: new Set(params.current.keys()),
      current: params.current,
    });
    const kept = params.withheld ?? [];
    return {
      plan: merged.plan,
      notes: [
        ...(kept.length === 0
          ? []
          : [
              `Not shown to the model, so not changed for free text (over the \`limits\` in the config): ${kept.map((path) => codeSpan(path)).join(', ')}.`,
            ]),
        ...merged.refused,
      ],
      summary: said.summary,
      usage: { model: revision.model, usage: revision.usage },
      ...(revision.exchange === undefined ? {} : { exchange: revision.exchange }),
    };
  } catch (error) {
    if (error instanceof ModelOutputError) {
      // The problems may quote the model's prose, which injected feedback can steer to a secret.
      const problems = untrustedInline(await redactSecrets(error.problems.slice(0, 3).join('; ')));
      return {
        plan: answerAll(
          plan,
          `the model's answer could not be used (${problems}), so nothing was changed for this; ${TRY_AGAIN}.`,
        ),
        notes: [],
        ...(error.usage === undefined ? {} : { usage: { model: provider.name, usage: error.usage } }),
        ...(error.exchange === undefined ? {} : { exchange: error.exchange }),
      };
    }
    const message = await redactSecrets(error instanceof Error ? error.message : String(error));
    params.log(`Revising free-text feedback failed: ${message}`);
    return {
      plan: answerAll(
        plan,
        `the model could not be called (${untrustedInline(message)}), so nothing was changed for this; ${TRY_AGAIN}.`,
      ),
      notes: [],
    };
  }
}

/** Every free-text item answered "not changed" with `why` (trusted text the agent wrote). */
function answerAll(plan: FeedbackPlan, why: string): FeedbackPlan {
  const threads = new Set(plan.freeText.flatMap((item) => (item.comment ? [item.comment.id] : [])));
  const bodies = plan.freeText.filter((item) => item.comment === undefined);
  const dropped = new Set(bodies.map((item) => item.note));
  return {
    ...plan,
    replies: plan.replies.map((reply) =>
      threads.has(reply.commentId) ? { ...reply, body: `Not changed: ${why}`, fixed: false } : reply,
    ),
    unanswered: [
      ...plan.unanswered.filter((line) => !dropped.has(line)),
      ...bodies.map((item) => `@${item.author}: Not changed: ${why}`),
    ],
  };
}
