import { indefiniteArticle, withIndefiniteArticle } from '../../../src/core/text/indefinite-article.js';

describe('indefiniteArticle: a or an by the sound of the first word', () => {
  it.each([
    ['employeeId', 'an'],
    ['ownerId', 'an'],
    ['customerId', 'a'],
    ['order', 'an'],
    ['OrderPlaced', 'an'],
    ['PaymentSettled', 'a'],
    ['issue comment', 'an'],
    ['pull_request', 'a'],
    ['issues', 'an'],
    ['user', 'a'],
    ['userAccount', 'a'],
    ['usage report', 'a'],
    ['unique code', 'a'],
    ['unit', 'a'],
    ['universal link', 'a'],
    ['unassigned ticket', 'an'],
    ['uninstalled app', 'an'],
    ['update', 'an'],
    ['urgent ticket', 'an'],
    ['hour', 'an'],
    ['hourly job', 'an'],
    ['honest answer', 'an'],
    ['house', 'a'],
    ['one-time code', 'a'],
    ['European address', 'a'],
    ['SQS queue', 'an'],
    ['S3 bucket', 'an'],
    ['SNS topic', 'an'],
    ['HTTP API', 'an'],
    ['URL', 'a'],
    ['KMS key', 'a'],
    ['FIFO queue', 'a'],
    ['REST API', 'a'],
    ['SQSQueue', 'an'],
    ['8-hour window', 'an'],
    ['11', 'an'],
    ['18', 'an'],
    ['110', 'a'],
    ['5', 'a'],
    ['undefined', 'an'],
    ['string', 'a'],
    ['object', 'an'],
    ['', 'a'],
  ])('%s takes "%s"', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it('keeps the phrase as given after its article', () => {
    expect(withIndefiniteArticle('employeeId')).toBe('an employeeId');
    expect(withIndefiniteArticle('`OrderPlaced`')).toBe('an `OrderPlaced`');
  });
});
