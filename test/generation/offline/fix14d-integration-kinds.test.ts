import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { generate } from './offline-test-requests.js';

/**
 * Fix 14d (issue #11): other phrasings of the kinds review 11o found in the infrastructure and
 * integration blueprints — a sentence sending something to a service the foundation does not make
 * is not covered, naming it, whatever of the bucket it also names; a sender whose event names are
 * known (Buildkite) has its real deliveries queued, and one whose names are not known has the
 * assumed spelling said on the row asking to receive them; a duplicate key other than the
 * delivery's own id is said not to be the one used.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');

describe('fix 14d: a delivery to a service the foundation does not make', () => {
  it('"Uploads to the bucket trigger a Lambda function." and "New files are streamed into a Kinesis stream." are not covered, naming the service', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Uploads',
      description:
        'A bucket for uploads. Uploads to the bucket trigger a Lambda function. New files are streamed into a Kinesis stream.',
    });
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).toMatch(/Lambda/);
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('not_covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/Kinesis/);
  });

  it('"Files are copied to the bucket from the DynamoDB table exports." sends to the bucket: still partly the bucket, the table named as missing', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Exports',
      description: 'A bucket for exports. Files are copied to the bucket from the DynamoDB table exports.',
    });
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).toMatch(/DynamoDB/);
  });
});

interface Queued {
  readonly id: string;
  readonly type: string;
}
/** The generated receiver with a fixed secret, fed a signed delivery with the given event header. */
function receiverOf(bundle: ArtifactBundle, eventHeader: string) {
  const loaded = loadGenerated(bundle, [
    ['src/receive-webhook.ts', ['receiveWebhook']],
    ['src/signature.ts', ['sign']],
    ['src/webhook-provider.ts', ['DELIVERY_HEADERS']],
  ]);
  const receive = loaded['receiveWebhook'] as (
    event: Record<string, unknown>,
    deps: Record<string, unknown>,
  ) => Promise<{ statusCode: number; body: string }>;
  const sign = loaded['sign'] as (body: string, secret: string) => string;
  const headers = loaded['DELIVERY_HEADERS'] as { signature: string; event?: string };
  const queued: Queued[] = [];
  const deliver = async (payload: Record<string, unknown>) => {
    const body = JSON.stringify(payload);
    return receive(
      {
        routeKey: 'POST /webhooks',
        body,
        headers: { [headers.signature]: sign(body, 'shh'), [eventHeader]: String(payload['event']) },
      },
      {
        secret: async () => 'shh',
        enqueue: async (message: Queued) => {
          queued.push(message);
        },
        signatureHeader: headers.signature,
        eventHeader: headers.event,
        log: () => undefined,
      },
    );
  };
  return { deliver, queued };
}

describe("fix 14d: a sender's event names", () => {
  it('Buildkite is known: "build-started" and "job-finished" webhooks take `build.running` and `job.finished`, another event is ignored', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'CI events',
      description:
        'Receive build started and job finished webhooks from Buildkite and queue them for the CI dashboard.',
    });
    const { deliver, queued } = receiverOf(bundle, 'x-buildkite-event');
    expect(JSON.parse((await deliver({ event: 'build.running', build: { id: 'b1' } })).body)).toMatchObject({
      status: 'queued',
    });
    expect(JSON.parse((await deliver({ event: 'job.finished', job: { id: 'j1' } })).body)).toMatchObject({
      status: 'queued',
    });
    expect(JSON.parse((await deliver({ event: 'agent.lost' })).body)).toMatchObject({ status: 'ignored' });
    expect(queued).toHaveLength(2);
    expect(gapsOf(sentenceRow(bundle.coverage, 1))).toMatch(/Buildkite signs `<timestamp>\.<raw body>`/);
  });

  it('a sender whose names are not known (CircleCI): the row asking to receive its webhooks says the assumed spelling', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Workflow events',
      description:
        'Receive workflow-completed webhooks from CircleCI and queue them for the release dashboard.',
    });
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.status).toBe('partial');
    expect(gapsOf(row)).toMatch(/only when its type spells it/);
  });
});

describe('fix 14d: the key duplicates are found by', () => {
  it('"by their order id" is partial, naming `order.id`; "by their delivery id" is the delivery id generated, covered', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order events',
      description:
        'Receive order-paid webhooks from our shop and queue them. Ignore duplicate deliveries by their order id. Skip duplicate deliveries by their delivery id.',
    });
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 2))).toMatch(/`order\.id`/);
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('covered');
  });
});
