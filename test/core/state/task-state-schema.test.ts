import { taskStateSchema } from '../../../src/core/state/task-state-schema.js';
import { taskEventBodySchema } from '../../../src/core/task/task-event.js';

describe('task state schema: the rename of awaiting_approval to held', () => {
  it('reads the old name `awaiting_approval` as `held`', () => {
    expect(taskStateSchema.parse('awaiting_approval')).toBe('held');
  });

  it('reads `held` and every other state as written', () => {
    expect(taskStateSchema.parse('held')).toBe('held');
    expect(taskStateSchema.parse('approved')).toBe('approved');
  });

  it('refuses a state that never existed', () => {
    expect(taskStateSchema.safeParse('awaiting').success).toBe(false);
  });

  it('reads a stored task event that moved to `awaiting_approval` as a move to `held`', () => {
    const event = taskEventBodySchema.parse({
      type: 'state_changed',
      task_id: 'octo/repo#1',
      at: '2026-11-29T10:00:00Z',
      to: 'awaiting_approval',
    });
    expect(event).toMatchObject({ type: 'state_changed', to: 'held' });
  });
});
