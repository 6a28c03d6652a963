import { storyChecks } from '../../../../src/generation/offline/blueprints/testing/story-checks.js';
import { serviceNames } from '../../../../src/generation/offline/naming/service-names.js';
import { storyIntents } from '../../../../src/generation/offline/naming/story-intent.js';

describe('storyChecks: a story asking for something sent to a person names no route', () => {
  it('guesses a path for a story that reads, none for one that is notified, emailed or alerted', () => {
    const checks = storyChecks(
      storyIntents([
        'As a customer I can view my orders',
        'As ops I am notified when an order fails',
        'As finance I receive an email with the totals',
        'As an engineer I am alerted when the job fails',
      ]),
      serviceNames('Orders smoke'),
    );
    expect(checks.map((check) => `${check.method} ${check.path}`)).toEqual(['GET /orders']);
  });

  it('checks / when every story is a notice, without claiming a story in its comment', () => {
    const [check, ...rest] = storyChecks(
      storyIntents(['As finance I receive an email with the totals']),
      serviceNames('Cost report'),
    );
    expect(rest).toEqual([]);
    expect(check).toMatchObject({ path: '/', method: 'GET' });
    expect(check?.comment).toMatch(/^Default: .*no user story names something to request/);
  });
});
