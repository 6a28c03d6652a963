import { branchNameFor } from '../../../src/core/naming/branch-name.js';
import { issueNumberFromBranch } from '../../../src/core/naming/issue-number-from-branch.js';

describe('issueNumberFromBranch', () => {
  it('reads the issue of a branch the agent names', () => {
    expect(issueNumberFromBranch(branchNameFor({ issueNumber: 12, taskName: 'Orders API' }))).toBe(12);
  });

  it.each([
    'changes',
    'implementation/local-orders-api',
    'implementation/0-x',
    'feature/implementation/3-x',
    'implementation/12',
    'implementation/12345678901-x',
  ])('finds no issue in %s', (ref) => {
    expect(issueNumberFromBranch(ref)).toBeUndefined();
  });
});
