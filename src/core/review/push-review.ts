import type { GateFinding, GateReport } from '../gates/gate-report.js';
import { codeSpan } from '../markdown/code-span.js';
import { fitBody } from '../markdown/fit-body.js';
import { COMMENT_BODY_LIMIT } from '../markdown/github-limits.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';

/** The hidden line that marks the agent's review of one head: `pushReviewMarker(sha)`. */
export function pushReviewMarker(headSha: string): string {
  return `<!-- implementation-agent:push-review ${headSha} -->`;
}

/** At most this many inline comments per review; the rest of the findings are in its body. */
export const MAX_INLINE_COMMENTS = 20;
/** A finding message is shown up to this many characters (they may quote file content). */
const MAX_MESSAGE_CHARS = 500;

export interface PushReviewComment {
  readonly path: string;
  /** A line of the file at the head; GitHub needs it to be in the pull request's diff. */
  readonly line: number;
  readonly side: 'RIGHT';
  readonly body: string;
}

/** One pull request review (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`). */
export interface PushReview {
  readonly event: 'COMMENT' | 'REQUEST_CHANGES';
  readonly body: string;
  readonly comments: readonly PushReviewComment[];
}

/**
 * Manual mode's review of a human push (DESIGN §4): `COMMENT` when every gate passed,
 * `REQUEST_CHANGES` with the findings otherwise. A finding whose message names a line of a file
 * that the pull request adds (every line of an added file is in the diff, so GitHub accepts the
 * comment there) becomes an inline comment, up to {@link MAX_INLINE_COMMENTS}; the others are
 * listed in the body. Findings are untrusted (they quote file content): escaped, cut to 500
 * characters each, and the body kept within GitHub's 65,536-character limit. `skipped` names files
 * that were not read because they break the size or count limit: they request changes too.
 */
export function pushReview(params: {
  readonly report: GateReport;
  readonly headSha: string;
  readonly pusher: string;
  readonly addedPaths: ReadonlySet<string>;
  readonly skipped: readonly string[];
}): PushReview {
  const { report, headSha } = params;
  const findings = report.results.flatMap((result) => result.findings);
  const comments: PushReviewComment[] = [];
  const listed: GateFinding[] = [];
  for (const finding of findings) {
    const line = lineOf(finding);
    if (
      finding.path !== undefined &&
      line !== undefined &&
      params.addedPaths.has(finding.path) &&
      comments.length < MAX_INLINE_COMMENTS
    ) {
      comments.push({
        path: finding.path,
        line,
        side: 'RIGHT',
        body: `**${finding.gate}**: ${message(finding)}`,
      });
    } else listed.push(finding);
  }
  const skippedGates = report.results.filter((result) => result.skipped !== undefined);
  const head = codeSpan(headSha.slice(0, 7));
  // A file too large, or past the count, to be read breaks the limits the gates enforce.
  const passed = report.passed && params.skipped.length === 0;
  const lines = [
    pushReviewMarker(headSha),
    passed
      ? `Every validation gate passed on ${head} (pushed by ${untrustedInline(`@${params.pusher}`)}).`
      : `The validation gates found ${problems(findings.length + params.skipped.length)} on ${head}; please fix them and push again.`,
    ...(comments.length === 0
      ? []
      : [`${comments.length} of them ${comments.length === 1 ? 'is' : 'are'} on the lines below.`]),
    ...(listed.length === 0 ? [] : ['', ...listed.map((finding) => `- ${describe(finding)}`)]),
    ...(skippedGates.length === 0
      ? []
      : [
          '',
          ...skippedGates.map((result) => `- **${result.gate}** ${untrustedInline(result.skipped ?? '')}`),
        ]),
    ...(params.skipped.length === 0
      ? []
      : [
          '',
          `**limits** not read, over the file size or count limit: ${params.skipped.map((path) => codeSpan(path)).join(', ')}.`,
        ]),
    '',
    'Approval is separate: an approving review from someone with write access passes the `implementation-agent/approval` check.',
  ];
  return {
    event: passed ? 'COMMENT' : 'REQUEST_CHANGES',
    body: fitBody({ body: lines.join('\n'), limit: COMMENT_BODY_LIMIT }),
    comments,
  };
}

function problems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

/** `at line N` in a gate's message (the TypeScript and JSON checks say where). */
function lineOf(finding: GateFinding): number | undefined {
  const match = /\bline (\d{1,7})\b/.exec(finding.message);
  const line = match?.[1] === undefined ? undefined : Number(match[1]);
  return line !== undefined && line > 0 ? line : undefined;
}

function message(finding: GateFinding): string {
  const text =
    finding.message.length > MAX_MESSAGE_CHARS
      ? `${finding.message.slice(0, MAX_MESSAGE_CHARS)}…`
      : finding.message;
  return untrustedInline(text);
}

function describe(finding: GateFinding): string {
  return `**${finding.gate}**${finding.path === undefined ? '' : ` ${codeSpan(finding.path)}`}: ${message(finding)}`;
}
