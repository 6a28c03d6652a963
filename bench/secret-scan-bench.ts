import { readFileSync } from 'node:fs';
import { checkSecrets } from '../src/core/gates/check-secrets.js';
import type { RequestPayload } from '../src/core/request/execution-request.js';
import { redactSecrets } from '../src/core/secrets/redact-secrets.js';
import { createOfflineProvider } from '../src/generation/offline/offline-provider.js';
import { medianMs } from './median-ms.js';

/** `unit` repeated to exactly `bytes` characters. */
function repeatedTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Text that keeps secretlint's patterns busy without completing one: names, prefixes and headers. */
function nearMisses(bytes: number): string {
  const unit =
    'aws_secret_access_key = "abc"\nxoxb- ghp_short https://u:p@ ' +
    '-----BEGIN RSA PRIVATE KEY-----\nMIIB' +
    'A'.repeat(60) +
    '\nmongodb://x@\n';
  return repeatedTo(unit, bytes);
}

/** One list holding split tokens (`'ghp_', '<36>', ' '` repeated): one run of quoted pieces with a secret every third piece. */
function splitTokenRun(bytes: number): string {
  const body = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
  const unit = `'ghp_', '${body}', ' ', `;
  return `tokens = [${repeatedTo(unit, bytes - 12).replace(/,[^,]*$/, '')}]`;
}

/**
 * One list of split tokens back to back (`'ghp_', '<36>'` repeated, each body distinct): each token
 * runs into the next, so the joined-piece scan finds one per rescan (its worst case).
 */
function backToBackTokens(bytes: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const units: string[] = [];
  let length = 'tokens = []'.length;
  for (let index = 0; length < bytes; index += 1) {
    const letters = Array.from({ length: 30 }, (_, at) => alphabet[(index * 7 + at * 3) % alphabet.length]);
    const unit = `'ghp_', '${letters.join('')}${String(index).padStart(6, '0')}', `;
    units.push(unit);
    length += unit.length;
  }
  return `tokens = [${units.join('').slice(0, -2)}]`;
}

/**
 * A JSON template of about `bytes` characters whose values are literal intrinsics nested three
 * deep (`Fn::Join` of `Fn::Select` of `Fn::Sub` with a parameter's `Default`; `Fn::If` of
 * `Fn::FindInMap` with an unknown key and of `Fn::Select` with an unknown index over a
 * `Fn::Split`: several candidates each), none a secret.
 */
function literalIntrinsicTemplate(bytes: number): string {
  const value = (index: number) => ({
    'Fn::Join': [
      '-',
      [
        'v',
        { 'Fn::Select': [0, [{ 'Fn::Sub': `p\${Name}${index}` }, 'x']] },
        {
          'Fn::If': [
            'C',
            { 'Fn::FindInMap': ['Ids', { Ref: 'AWS::Region' }, 'Id'] },
            { 'Fn::Select': [{ Ref: 'Index' }, { 'Fn::Split': [',', `a${index},b,c`] }] },
          ],
        },
      ],
    ],
  });
  const variables: Record<string, unknown> = {};
  for (let index = 0; JSON.stringify(variables).length < bytes; index += 1)
    variables[`V${index}`] = value(index);
  return JSON.stringify({
    Parameters: { Name: { Type: 'String', Default: 'name' }, Index: { Type: 'Number' } },
    Mappings: { Ids: { 'eu-west-1': { Id: 'id-1' }, 'us-east-1': { Id: 'id-2' } } },
    Resources: {
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: variables } } },
    },
  });
}

/**
 * The secret gate's cost: scanning the demo request's offline bundle (a typical bundle), redacting
 * a request-sized text, and redacting 16 KB and 32 KB of two adversarial inputs (linear growth:
 * ratio ≈ 2, or less while fixed costs dominate): near misses of every pattern, and a flood of
 * short Slack tokens (`xoxb-1-2 ` repeated), which took seconds before findings were capped, and
 * one list of split tokens (`splitTokenRun`), whose joined-piece mapping was quadratic (1.5 MB: 22 s),
 * and one of split tokens back to back (`backToBackTokens`), withheld whole past 16 tokens until
 * rescans were bounded by a window instead of a count, and a template of nested literal
 * intrinsics (`literalIntrinsicTemplate`), each evaluated as CloudFormation would.
 */
export async function benchSecretScan(demoRequestPath: string): Promise<{
  files: number;
  bytes: number;
  bundleMs: number;
  redactMs: number;
  nearMiss16Ms: number;
  nearMiss32Ms: number;
  flood16Ms: number;
  flood32Ms: number;
  splitRun16Ms: number;
  splitRun32Ms: number;
  backToBack16Ms: number;
  backToBack32Ms: number;
  intrinsics16Ms: number;
  intrinsics32Ms: number;
}> {
  const request = JSON.parse(readFileSync(demoRequestPath, 'utf8')) as RequestPayload;
  const { bundle } = await createOfflineProvider().generate({
    request,
    context: { owner: 'acme', repo: 'shop' },
  });
  const bytes = bundle.files.reduce((total, file) => total + Buffer.byteLength(file.content), 0);
  const description = JSON.stringify(request).repeat(20);
  const [small, large] = [nearMisses(16_384), nearMisses(32_768)];
  const [smallFlood, largeFlood] = [repeatedTo('xoxb-1-2 ', 16_384), repeatedTo('xoxb-1-2 ', 32_768)];
  return {
    files: bundle.files.length,
    bytes,
    bundleMs: await medianMs(9, () => checkSecrets(bundle)),
    redactMs: await medianMs(9, () => redactSecrets(description)),
    nearMiss16Ms: await medianMs(9, () => redactSecrets(small)),
    nearMiss32Ms: await medianMs(9, () => redactSecrets(large)),
    flood16Ms: await medianMs(9, () => redactSecrets(smallFlood)),
    flood32Ms: await medianMs(9, () => redactSecrets(largeFlood)),
    splitRun16Ms: await medianMs(9, () => redactSecrets(splitTokenRun(16_384))),
    splitRun32Ms: await medianMs(9, () => redactSecrets(splitTokenRun(32_768))),
    backToBack16Ms: await medianMs(9, () => redactSecrets(backToBackTokens(16_384))),
    backToBack32Ms: await medianMs(9, () => redactSecrets(backToBackTokens(32_768))),
    intrinsics16Ms: await medianMs(9, () => redactSecrets(literalIntrinsicTemplate(16_384), 't.json')),
    intrinsics32Ms: await medianMs(9, () => redactSecrets(literalIntrinsicTemplate(32_768), 't.json')),
  };
}
