import { branchNameFor } from '../../../src/core/naming/branch-name.js';

describe('branchNameFor', () => {
  it.each([
    [{ issueNumber: 7, taskName: 'Orders API' }, 'implementation/7-orders-api'],
    [{ taskName: 'Orders API' }, 'implementation/local-orders-api'],
    [{ issueNumber: 3, taskName: 'Café  Ünïcode / Things!!' }, 'implementation/3-cafe-unicode-things'],
    [{ issueNumber: 3, taskName: '../../.git/refs' }, 'implementation/3-git-refs'],
    [{ issueNumber: 3, taskName: '$$$' }, 'implementation/3-task'],
    [{ issueNumber: 9, taskName: 'a'.repeat(39) + ' b c' }, `implementation/9-${'a'.repeat(39)}`],
  ])('%j → %s', (input, expected) => {
    expect(branchNameFor(input)).toBe(expected);
  });
});
