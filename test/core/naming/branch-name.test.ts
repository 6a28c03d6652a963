import { branchNameFor } from '../../../src/core/naming/branch-name.js';

describe('branchNameFor', () => {
  it.each([
    [{ issueNumber: 7, taskName: 'Orders API' }, 'implementation/7-orders-api'],
    [{ taskName: 'Orders API' }, 'implementation/local-orders-api'],
    [{ issueNumber: 3, taskName: 'Café  Ünïcode / Things!!' }, 'implementation/3-cafe-unicode-things'],
    [{ issueNumber: 3, taskName: '../../.git/refs' }, 'implementation/3-git-refs'],
  ])('%j → %s', (input, expected) => {
    expect(branchNameFor(input)).toBe(expected);
  });

  it.each([
    [{ issueNumber: 3, taskName: '$$$' }, /^implementation\/3-task-[0-9a-f]{8}$/],
    [
      { issueNumber: 9, taskName: 'a'.repeat(39) + ' b c' },
      new RegExp(`^implementation/9-${'a'.repeat(31)}-[0-9a-f]{8}$`),
    ],
  ])('%j loses letters, so its slug ends with the name digest: %s', (input, expected) => {
    expect(branchNameFor(input)).toMatch(expected);
  });
});
