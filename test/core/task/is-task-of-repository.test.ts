import { isTaskOfRepository } from '../../../src/core/task/is-task-of-repository.js';

describe('isTaskOfRepository: a task id taken from a payload or a marker, against the repository the event came from', () => {
  const of = (taskId: string) => isTaskOfRepository({ taskId, owner: 'acme', repo: 'shop' });

  it("takes the repository's own issues, whatever the case (GitHub compares names without it)", () => {
    expect(of('acme/shop#7')).toBe(true);
    expect(of('Acme/Shop#7')).toBe(true);
  });

  it("refuses another repository's task, a CLI task and anything that is not a task id", () => {
    expect(of('victim/bank#1')).toBe(false);
    expect(of('acme/shop-2#1')).toBe(false);
    expect(of('acme/bank#7')).toBe(false);
    expect(of('local/shop#main')).toBe(false);
    expect(of('acme/shop#0')).toBe(false);
    expect(of('acme/shop#7 ')).toBe(false);
    expect(of('acme/shop')).toBe(false);
  });
});
