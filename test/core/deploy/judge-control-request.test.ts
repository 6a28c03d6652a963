import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import type { ControlRequest } from '../../../src/core/deploy/control-request.js';
import { controlKeysFrom, signControlRequest } from '../../../src/core/deploy/control-request-signature.js';
import { deploymentKeysFrom } from '../../../src/core/deploy/deployment-keys.js';
import {
  CONTROL_REQUEST_MAX_AGE_MS,
  judgeControlRequest,
} from '../../../src/core/deploy/judge-control-request.js';

const REPOSITORY = 'Codertocat/Hello-World';
const ISSUED = '2026-11-29T17:00:00.000Z';
const NOW = Date.parse(ISSUED) + 60_000;
const markerKeys = markerKeysFrom({ secret: 'the-marker-secret' }) as MarkerKeys;
const keys = controlKeysFrom(markerKeys) as MarkerKeys;
const request: ControlRequest = {
  version: 1,
  command: 'unlock',
  environment: 'production',
  issue_number: 42,
  requested_by: 'Codertocat',
  region: 'ap-southeast-2',
  issued_at: ISSUED,
};
const signed = signControlRequest({ request, repository: REPOSITORY, key: keys.current });
const judge = (
  candidate: ControlRequest,
  overrides: { repository?: string; now?: number; keys?: MarkerKeys | undefined } = {},
) =>
  judgeControlRequest({
    request: candidate,
    repository: overrides.repository ?? REPOSITORY,
    keys: 'keys' in overrides ? overrides.keys : keys,
    now: overrides.now ?? NOW,
  });

describe('judgeControlRequest: only a control request the agent signed for this repository, lately, is carried out', () => {
  it('verifies a request signed for this repository within the time limit (repository compared case-blind)', () => {
    expect(judge(signed)).toEqual({ trust: 'verified', signedWith: 'current' });
    expect(judge(signed, { repository: 'codertocat/hello-world' })).toEqual({
      trust: 'verified',
      signedWith: 'current',
    });
  });

  it.each([
    ['unsigned', request],
    ['without issued_at', (({ issued_at: _dropped, ...rest }) => rest)(signed)],
    ['with the environment changed', { ...signed, environment: 'staging' }],
    ['with the requester changed', { ...signed, requested_by: 'mallory' }],
    ['with issued_at moved later', { ...signed, issued_at: '2026-11-29T17:10:00.000Z' }],
    ['with a command changed', { ...signed, command: 'cancel' as const }],
  ])('refuses a request %s', (_name, candidate) => {
    expect(judge(candidate as ControlRequest).trust).toBe('refused');
  });

  it('refuses a request signed for another repository (one App key signs for every installation)', () => {
    expect(judge(signed, { repository: 'Codertocat/other' }).trust).toBe('refused');
  });

  it('refuses a deployment-key signature and a signature under another secret', () => {
    const deploymentKey = (deploymentKeysFrom(markerKeys) as MarkerKeys).current;
    expect(judge(signControlRequest({ request, repository: REPOSITORY, key: deploymentKey })).trust).toBe(
      'refused',
    );
    expect(
      judge(signed, { keys: controlKeysFrom(markerKeysFrom({ secret: 'another' })) as MarkerKeys }).trust,
    ).toBe('refused');
  });

  it('accepts the previous key during a rotation', () => {
    const rotated = controlKeysFrom(
      markerKeysFrom({ secret: 'the-new-secret', previousSecret: 'the-marker-secret' }),
    );
    expect(judge(signed, { keys: rotated as MarkerKeys })).toEqual({
      trust: 'verified',
      signedWith: 'previous',
    });
  });

  it('calls a request stale past the time limit or from the future beyond the clock skew, so a replay cannot unlock later', () => {
    expect(judge(signed, { now: Date.parse(ISSUED) + CONTROL_REQUEST_MAX_AGE_MS + 1 }).trust).toBe('stale');
    expect(judge(signed, { now: Date.parse(ISSUED) - 6 * 60_000 }).trust).toBe('stale');
    expect(judge(signed, { now: Date.parse(ISSUED) + CONTROL_REQUEST_MAX_AGE_MS }).trust).toBe('verified');
  });

  it('without a key, calls every request unsigned: carried out with a warning, as before keys', () => {
    expect(judge(request, { keys: undefined }).trust).toBe('unsigned');
    expect(judge(signed, { keys: undefined }).trust).toBe('unsigned');
  });
});
