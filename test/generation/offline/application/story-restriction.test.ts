import { storyRestriction } from '../../../../src/generation/offline/blueprints/application/model/story-restriction.js';
import { storyIntent } from '../../../../src/generation/offline/naming/story-intent.js';

const restriction = (story: string) => storyRestriction(storyIntent(story, 1));

describe('storyRestriction: who a story restricts its action to', () => {
  it.each([
    ['Only admins can close a ticket', 'admin'],
    ['Only administrators can close a ticket', 'admin'],
    ['Only managers can approve an expense', 'manager'],
    ['Only a manager can approve an expense', 'manager'],
    ['Only auditors may view a report', 'auditor'],
    ['Only finance managers can approve an expense', 'finance-manager'],
    ['Only supervisors should reopen a ticket', 'supervisor'],
    ['As an admin I can delete a ticket', 'admin'],
  ])('"%s" is enforced for the role %s', (story, role) => {
    expect(restriction(story)).toEqual({ role });
  });

  it.each([
    ['Only the owner can cancel an order', 'only the owner'],
    ['Only paid orders can be shipped', 'only paid orders'],
    ['Only users in the billing team can refund a payment', 'only users in'],
  ])('"%s" names no role, so it stays unenforced', (story, unenforced) => {
    expect(restriction(story)).toEqual({ unenforced });
  });

  it('keeps "As a <role>" outside the fixed list a persona, not a restriction', () => {
    expect(restriction('As a manager I can approve an expense')).toEqual({});
    expect(restriction('As a customer I can open a ticket')).toEqual({});
  });
});
