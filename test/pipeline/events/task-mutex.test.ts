import { createTaskMutex } from '../../../src/pipeline/events/task-mutex.js';

describe('createTaskMutex', () => {
  it('runs work on one task one at a time, in the order it arrived, and other tasks beside it', async () => {
    const mutex = createTaskMutex();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = mutex.run('o/r#1', async () => {
      events.push('first starts');
      await gate;
      events.push('first ends');
      return 1;
    });
    const second = mutex.run('o/r#1', async () => {
      events.push('second runs');
      return 2;
    });
    const other = mutex.run('o/r#2', async () => {
      events.push('other task runs');
      return 3;
    });
    await other;
    expect(events).toEqual(['first starts', 'other task runs']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(['first starts', 'other task runs', 'first ends', 'second runs']);
  });

  it('lets the next work run after a failure, and gives each caller its own outcome', async () => {
    const mutex = createTaskMutex();
    const failing = mutex.run('o/r#1', async () => {
      throw new Error('GitHub answered 502');
    });
    const next = mutex.run('o/r#1', async () => 'ran');
    await expect(failing).rejects.toThrow('502');
    await expect(next).resolves.toBe('ran');
  });
});
