import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix 15e: the testing and integration blueprints credit log retention with the generated
 * template test of every log group's retention, as the application one does (fix14c's
 * `mutant-log-group-kept-for-ever`). Each project passes that test as generated; each mutant drops a
 * log group's retention (logs kept for ever) and must fail it.
 */
const CANARY = requestFor({
  taskType: 'testing',
  taskName: 'Shop canary',
  strategy: 'canary',
  description: 'Check GET /health returns 200 every 5 minutes. Keep the logs for 30 days.',
  stories: ['As an operator I know when the shop is down'],
});

const CONSUMER = requestFor({
  taskType: 'integration',
  taskName: 'Order consumer',
  description: 'A queue consumer for OrderPlaced messages. Keep the consumer logs for 30 days.',
  stories: ['As the shipping service I receive each OrderPlaced message once'],
});

const RETENTION = 'the template keeps every log group for LogRetentionDays days and defaults it to 30';
const KEPT_FOR_EVER = {
  file: 'template.yaml',
  find: '      RetentionInDays: !Ref LogRetentionDays\n',
  replace: '',
};

export function fix15eCases(): MatrixCase[] {
  return [
    { id: 'testing-log-retention', request: CANARY },
    { id: 'integration-log-retention', request: CONSUMER },
    {
      id: 'mutant-testing-log-group-kept-for-ever',
      request: CANARY,
      mutation: { ...KEPT_FOR_EVER, breaks: [RETENTION] },
    },
    {
      id: 'mutant-integration-log-group-kept-for-ever',
      request: CONSUMER,
      mutation: { ...KEPT_FOR_EVER, breaks: [RETENTION] },
    },
    ...fix15eVisibilityCases(),
  ];
}

/**
 * `Only published articles are visible to readers.`: the list keeps `published` articles unless
 * `?status=` names another; every generated list test lifts the default with `?status=any`. The
 * mutant drops the default, so a draft is listed and the generated test of the default fails.
 */
const ARTICLES = requestFor({
  taskType: 'application',
  taskName: 'Newsroom',
  description:
    'An API for articles. Each article has a title, a body and a list of tags. Articles are draft or published. Only published articles are visible to readers.',
  stories: [
    'As an editor I can create an article',
    'As an editor I can publish an article',
    'As a reader I can list articles',
    'As a reader I can list articles by tag',
    'As an editor I can list articles by status',
    'As an editor I can change the title of an article',
    'As an editor I can delete an article',
  ],
});

/** A default that is the first status: the archived ones are kept out. */
const NOTES = requestFor({
  taskType: 'application',
  taskName: 'Team notes',
  description:
    'An API for notes. Each note has a text. Notes are open or archived. Only open notes are shown.',
  stories: [
    'As a member I can write a note',
    'As a member I can archive a note',
    'As a member I can list notes',
  ],
});

export function fix15eVisibilityCases(): MatrixCase[] {
  return [
    { id: 'application-visible-by-default', request: ARTICLES },
    { id: 'application-visible-by-default-first-status', request: NOTES },
    {
      id: 'mutant-visible-default-dropped',
      request: ARTICLES,
      mutation: {
        file: 'src/app.ts',
        find: '    let value = query[field] ?? fallback;\n',
        replace: '    let value = query[field];\n',
        breaks: ['GET /articles lists only published articles unless ?status= names another'],
      },
    },
  ];
}
