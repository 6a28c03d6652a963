/** Words asking that each retry wait longer than the last (`with exponential backoff`, `back off`). */
const BACKOFF_WORDS = new Set(['backoff', 'exponential', 'exponentially', 'jitter']);

/**
 * A backoff the text asks for (`Retry failed forwards 5 times with exponential backoff.`) that the
 * generated redrive does not make: SQS makes a failed message visible again once the queue's fixed
 * VisibilityTimeout has passed, the same wait every time
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
 * Words are lowercase; empty when no backoff is asked.
 */
export function backoffGaps(words: readonly string[], visibilityTimeoutSeconds: number): string[] {
  const asked =
    words.some((word) => BACKOFF_WORDS.has(word)) ||
    words.some((word, index) => word === 'back' && words[index + 1] === 'off');
  return asked
    ? [
        `a backoff is asked, but nothing generated backs off: SQS redelivers a failed message after the queue's fixed VisibilityTimeout (${visibilityTimeoutSeconds} s) every time; a growing wait needs the consumer to set each failed message's visibility timeout from its ApproximateReceiveCount (ChangeMessageVisibility), which is not generated`,
      ]
    : [];
}
