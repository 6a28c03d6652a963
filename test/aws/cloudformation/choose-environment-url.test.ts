import { chooseEnvironmentUrl } from '../../../src/aws/cloudformation/choose-environment-url.js';

describe('chooseEnvironmentUrl', () => {
  it('prefers EnvironmentUrl over other URL outputs', async () => {
    await expect(
      chooseEnvironmentUrl({
        ApiUrl: 'https://api.example.com',
        EnvironmentUrl: 'https://staging.example.com',
      }),
    ).resolves.toBe('https://staging.example.com');
  });

  it('matches preferred keys without regard to case', async () => {
    await expect(
      chooseEnvironmentUrl({ Bucket: 'b', apiURL: 'https://x.execute-api.amazonaws.com/prod' }),
    ).resolves.toBe('https://x.execute-api.amazonaws.com/prod');
  });

  it('skips a preferred key that is not a URL and falls back to the first https output', async () => {
    await expect(
      chooseEnvironmentUrl({
        Endpoint: 'orders.cluster-abc.ap-southeast-2.rds.amazonaws.com',
        TableName: 'orders',
        DashboardLink: 'https://console.aws.amazon.com/cloudwatch/home',
      }),
    ).resolves.toBe('https://console.aws.amazon.com/cloudwatch/home');
  });

  it('has no URL when no output is one', async () => {
    await expect(
      chooseEnvironmentUrl({ TableName: 'orders', QueueArn: 'arn:aws:sqs:ap-southeast-2:1:q' }),
    ).resolves.toBeUndefined();
  });
});
