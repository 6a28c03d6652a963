import { storyIntent } from '../../../../src/generation/offline/naming/story-intent.js';
import { fileContent, generate } from '../offline-test-requests.js';

describe('a story asking to be redirected is an HTTP answer, not a notice nor a resource', () => {
  it('reads "I am redirected" and "I am forwarded" as not received, "I am alerted" as received', () => {
    expect(
      storyIntent('As a visitor I am redirected to the target when I open a short link', 1).receives,
    ).not.toBe(true);
    expect(storyIntent('As a caller I am forwarded to the new page', 1).receives).not.toBe(true);
    expect(storyIntent('As an owner I am alerted when a link breaks', 1).receives).toBe(true);
  });

  it('makes no route for it and lists it as a redirect not generated, naming the field when the model has one', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Go links',
      stories: [
        'As an employee I can create a go link',
        'As a reader I am forwarded to the page when I open a go link',
      ],
    });
    const row = bundle.coverage?.find((one) => one.source.kind === 'story' && one.source.number === 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps.join(' ')).toMatch(/a redirect \(an HTTP 302 with a Location header\)/);
    expect(row?.gaps.join(' ')).toMatch(/no URL field/);
    expect(row?.gaps.join(' ')).not.toMatch(/notice|an alert, an email/);
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/forward|pages/);
  });
});
