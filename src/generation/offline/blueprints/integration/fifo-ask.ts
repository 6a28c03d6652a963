/** What a FIFO ask needs: the payload field messages are ordered by, when the request names one. */
export interface FifoAsk {
  /** `in order per order id` → `orderId`: the MessageGroupId of each send; absent, one group orders all. */
  readonly groupField?: string;
}

const ASKED = [/\bfifo\b/i, /\bin order\b(?!\s+to\b)/i, /\bmessage groups?\b/i];
const GROUP = /\b(?:in order|ordered|grouped)\s+(?:per|by|for each)\s+(?:the\s+|each\s+)?([a-z]+)(\s+id)?\b/i;

/**
 * `Consume … from an SQS FIFO queue, in order per order id`: a FIFO queue (SQS keeps order within a
 * message group, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html),
 * grouped by `orderId`; undefined when no text asks for FIFO or order (`in order to` is not an ask).
 */
export function fifoAsked(texts: readonly string[]): FifoAsk | undefined {
  if (!texts.some((text) => ASKED.some((pattern) => pattern.test(text)))) return undefined;
  const match = texts.map((text) => GROUP.exec(text)).find((found) => found !== null);
  const noun = match?.[1]?.toLowerCase();
  return noun === undefined ? {} : { groupField: `${noun}Id` };
}
