import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import { anyOf } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import type { IntegrationAsks } from './integration-asks.js';
import { TITLES } from './integration-test-titles.js';
import type { FILES } from './integration-test-titles.js';
import { STRIPE_TOLERANCE_SECONDS as TOLERANCE_SECONDS } from './webhook-source.js';

/**
 * Refusing old deliveries: Stripe's check refuses a `t=` more than TOLERANCE_SECONDS from now
 * (https://docs.stripe.com/webhooks#replay-attacks), so an age asked for is compared with it; other
 * senders' checks read no timestamp.
 */
export function replayCapability(
  asks: IntegrationAsks,
  test: (file: keyof typeof FILES, title: string) => TestEvidence,
): Capability {
  const when = anyOf(
    'older',
    'stale',
    'replay',
    'replays',
    'replayed',
    'timestamp',
    'timestamps',
    'tolerance',
  );
  if (asks.provider?.scheme !== 'stripe')
    return {
      when,
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: 'replay protection by timestamp is not generated: the signature check reads no time',
    };
  return {
    when,
    implementedBy: `a Stripe-Signature whose timestamp is more than ${TOLERANCE_SECONDS} s from now is refused with 401`,
    tests: [test('webhook', TITLES.stripe)],
    resources: ['ReceiverFunction'],
    compare: (text) => {
      const asked = secondsIn(text);
      return asked === undefined || asked === TOLERANCE_SECONDS
        ? []
        : [
            `${asked} s is asked for, but the check refuses deliveries more than ${TOLERANCE_SECONDS} s old; change TOLERANCE_SECONDS in src/signature.ts`,
          ];
    },
  };
}

/** `5 minutes` → 300: the first duration written in seconds, minutes or hours; undefined when none is. */
function secondsIn(text: string): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|hours?|h)\b/i.exec(text);
  if (match === null) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const scale = unit.startsWith('h') ? 3600 : unit.startsWith('m') ? 60 : 1;
  return Number(match[1]) * scale;
}
