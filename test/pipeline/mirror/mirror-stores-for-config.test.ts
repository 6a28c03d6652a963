import nock from 'nock';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { mirrorStoresForConfig } from '../../../src/pipeline/mirror/mirror-stores-for-config.js';

const EMPTY_LISTING =
  '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>my-artifacts</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>';

function configWithBucket() {
  const parsed = parseAgentConfig('mirrors:\n  region: ap-southeast-2\n  artifacts_bucket: my-artifacts\n');
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

describe('mirrorStoresForConfig', () => {
  afterEach(() => nock.cleanAll());

  // A stand-in named only by AWS_ENDPOINT_URL (as the README and the SDK take it): a bucket host
  // such as my-artifacts.localhost does not resolve, so the bucket must go in the path.
  it.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3'])(
    'addresses buckets by path when %s names the endpoint',
    async (variable) => {
      const scope = nock('http://localhost:5123').get('/my-artifacts/').query(true).reply(200, EMPTY_LISTING);
      const stores = mirrorStoresForConfig({
        config: configWithBucket(),
        aws: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
        env: { [variable]: 'http://localhost:5123' },
      });
      try {
        await expect(stores.artifacts?.list({ repo: 'acme/shop', taskId: 'acme/shop#7' })).resolves.toEqual(
          [],
        );
        expect(scope.isDone()).toBe(true);
      } finally {
        stores.close();
      }
    },
  );
});
