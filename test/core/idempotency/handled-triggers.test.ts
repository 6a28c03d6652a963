import {
  MAX_HANDLED_TRIGGERS,
  recordTrigger,
  wasHandled,
} from '../../../src/core/idempotency/handled-triggers.js';

describe('handled triggers', () => {
  it('knows a trigger once it is recorded, and no other', () => {
    const handled = recordTrigger(undefined, 'comment:7');
    expect(wasHandled(handled, 'comment:7')).toBe(true);
    expect(wasHandled(handled, 'comment:8')).toBe(false);
    expect(wasHandled(undefined, 'opened')).toBe(false);
  });

  it('records a trigger once, however often the run that carries it out moves the task', () => {
    let handled = recordTrigger(undefined, 'opened');
    for (let move = 0; move < 5; move++) handled = recordTrigger(handled, 'comment:7');
    expect(handled).toEqual(['opened', 'comment:7']);
  });

  it(`keeps the newest ${MAX_HANDLED_TRIGGERS}, dropping the oldest`, () => {
    let handled: string[] = [];
    for (let id = 1; id <= MAX_HANDLED_TRIGGERS + 3; id++) handled = recordTrigger(handled, `comment:${id}`);
    expect(handled).toHaveLength(MAX_HANDLED_TRIGGERS);
    expect(wasHandled(handled, 'comment:3')).toBe(false);
    expect(wasHandled(handled, 'comment:4')).toBe(true);
    expect(handled.at(-1)).toBe(`comment:${MAX_HANDLED_TRIGGERS + 3}`);
  });
});
