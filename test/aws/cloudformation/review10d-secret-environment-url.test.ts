import { chooseEnvironmentUrl } from '../../../src/aws/cloudformation/choose-environment-url.js';

/**
 * The environment URL goes where the record's redaction never reaches: the GitHub deployment status
 * (readable by everyone who reads the repository), the deploy report comment and the Action's
 * `environment-url` and `result` outputs. The record and the status comment redact it, so an output
 * holding a secret made them disagree and leaked it everywhere else.
 */
describe('review10d: a stack output holding a secret is never the environment URL', () => {
  it('FAULT: a Slack webhook under a preferred key is passed over for the next URL', async () => {
    await expect(
      chooseEnvironmentUrl({
        Url: 'https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx',
        WebsiteUrl: 'https://shop.example.com',
      }),
    ).resolves.toBe('https://shop.example.com');
  });

  it('FAULT: credentials in the URL or a token in its query are never shown', async () => {
    await expect(
      chooseEnvironmentUrl({
        ApiUrl: 'https://admin:hunter2hunter2@api.example.com/',
        Endpoint: 'https://api.example.com/?token=ghp_0123456789abcdefghijABCDEFGHIJ012345',
      }),
    ).resolves.toBeUndefined();
  });

  it('a URL without a secret is chosen as before', async () => {
    await expect(chooseEnvironmentUrl({ ApiUrl: 'https://api.example.com/prod' })).resolves.toBe(
      'https://api.example.com/prod',
    );
  });
});
