import { scheduleAsked } from '../../../../src/generation/offline/cfn/schedule-expression.js';
import { latencyBudgetAsked } from '../../../../src/generation/offline/blueprints/testing/latency-budget.js';
import type { BlueprintInput } from '../../../../src/generation/offline/blueprint-input.js';

const withSentences = (...texts: string[]) =>
  ({
    descriptionSentences: texts.map((text, i) => ({ text, sentence: i + 1 })),
    stories: [],
  }) as unknown as BlueprintInput;

describe('latencyBudgetAsked', () => {
  it.each([
    ['Each check must finish within 5 seconds.', 5000],
    ['Every request must respond in under 800 ms.', 800],
    ['The API answers no more than 2s later.', 2000],
  ])('%s → %d ms', (text, ms) => {
    expect(latencyBudgetAsked(withSentences(text))).toMatchObject({ ms });
  });

  it('says a bound past the 10 s abort is not held, and reads no bound from an alert sentence', () => {
    expect(latencyBudgetAsked(withSentences('Each check must finish within 30 seconds.'))).toMatchObject({
      unmet: expect.stringContaining('aborted after 10 s'),
    });
    expect(latencyBudgetAsked(withSentences('Alert the team within 5 seconds.'))).toBeUndefined();
  });
});

describe('scheduleAsked with days of the week', () => {
  it.each([
    ['Run it every 10 minutes on weekdays.', 'cron(0/10 * ? * MON-FRI *)'],
    ['Run it every minute Monday to Friday.', 'cron(* * ? * MON-FRI *)'],
    ['Run it every 2 hours at weekends.', 'cron(0 0/2 ? * SAT,SUN *)'],
    ['Run it every 10 minutes.', 'rate(10 minutes)'],
  ])('%s → %s', (text, expression) => {
    expect(scheduleAsked(text)).toMatchObject({ expression });
  });

  it('says an interval that does not divide the hour cannot be kept to weekdays', () => {
    expect(scheduleAsked('Run it every 7 minutes on weekdays.')).toMatchObject({
      unmet: expect.stringContaining('no cron schedule'),
    });
  });
});
