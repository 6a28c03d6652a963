import { chooseEnvironmentUrl } from '../../../src/aws/cloudformation/choose-environment-url.js';

describe('a stack output URL carrying a credential in its query (review10e)', () => {
  it('the setup holds: a plain URL output is the environment URL', async () => {
    expect(await chooseEnvironmentUrl({ ApiUrl: 'https://api.example.com/prod' })).toBe(
      'https://api.example.com/prod',
    );
  });

  it('FAULT: an output URL whose query names a credential (?password=, ?api_key=, ?access_token=) passes the secret scanner and becomes the environment URL, shown unredacted on the deployment status, deploy report and Action outputs (credential query parameter)', async () => {
    for (const url of [
      'https://api.example.com/?password=S3cr3tPassw0rd',
      'https://api.example.com/?api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      'https://api.example.com/hook?access_token=9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      // Siblings: a bare token, presigned URLs (S3, Azure SAS), a fragment token, credentials in the authority.
      'https://api.example.com/events?token=tok_live_4f3e2d1c0b9a',
      'https://bucket.s3.amazonaws.com/report.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      'https://store.blob.core.windows.net/c/report.json?sv=2022-11-02&sig=Zm9vYmFyYmF6cXV4%3D',
      'https://app.example.com/callback#access_token=9f8e7d6c5b4a3928',
      'https://deploy:S3cr3t!Passw0rd@api.example.com/prod',
      'http://admin:hunter22@internal-alb-123.us-east-1.elb.amazonaws.com/',
    ]) {
      // Right: never the environment URL (with nothing else, no URL at all).
      expect(await chooseEnvironmentUrl({ ApiUrl: url })).toBeUndefined();
    }
  });

  it('a credential-carrying output is passed over for a clean one, and ordinary query parameters stay', async () => {
    expect(
      await chooseEnvironmentUrl({
        ApiUrl: 'https://api.example.com/?api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0',
        WebsiteUrl: 'https://www.example.com/?page=2&sort=name',
      }),
    ).toBe('https://www.example.com/?page=2&sort=name');
    // A template variable or placeholder is not a credential.
    expect(await chooseEnvironmentUrl({ ApiUrl: 'https://api.example.com/?token={token}' })).toBe(
      'https://api.example.com/?token={token}',
    );
  });
});
