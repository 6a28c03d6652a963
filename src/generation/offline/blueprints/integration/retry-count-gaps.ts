/** `once`, `twice`, `3 times`: how many retries a text asks for. */
const COUNT_WORDS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  ten: 10,
};

/**
 * A retry count the text asks for (`Retry failed runs twice`, `retried 3 times`) that the generated
 * redrive does not make: SQS retries a message `maxReceiveCount - 1` times before moving it to the
 * dead-letter queue (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html),
 * so a count the template contradicts is a gap, never counted met. Words are lowercase.
 */
export function retryCountGaps(words: readonly string[], maxReceiveCount: number): string[] {
  const retries = maxReceiveCount - 1;
  const asked = words.flatMap((word, index) => {
    const once = COUNT_WORDS[word];
    if (once !== undefined) return [once];
    const next = words[index + 1];
    if (next !== 'times' && next !== 'time') return [];
    const count = /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    return count === undefined ? [] : [count];
  });
  return asked
    .filter((count) => count !== retries)
    .map(
      (count) =>
        `${count} ${count === 1 ? 'retry is' : 'retries are'} asked, but a message is retried ${retries} times (maxReceiveCount ${maxReceiveCount}) before the dead-letter queue; change maxReceiveCount to ${count + 1}`,
    );
}
