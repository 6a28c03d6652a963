import type { ProviderEventType } from './provider-event-types.js';
import { forms } from './word-forms.js';

const BUILD = ['build', 'builds'];
const JOB = ['job', 'jobs'];
const AGENT = ['agent', 'agents'];
const FINISHED = forms('finish', 'finished', 'finishing', 'complete', 'completed', 'done', 'ended');
const STARTED = forms('start', 'started', 'running', 'run', 'runs');
const event = (deliveryType: string, ...words: string[][]): ProviderEventType => ({ deliveryType, words });

/**
 * Buildkite's Pipelines event types a request is likely to ask for by their words
 * (https://buildkite.com/docs/apis/webhooks/pipelines). A delivery carries its type in the body's
 * `event` and in the X-Buildkite-Event header; a build's events carry it under `build`.
 */
export const BUILDKITE_EVENT_TYPES: readonly ProviderEventType[] = [
  event('build.finished', BUILD, FINISHED),
  event('build.running', BUILD, STARTED),
  event('build.scheduled', BUILD, forms('schedule', 'scheduled', 'queued')),
  event('build.failing', BUILD, forms('fail', 'failing', 'failed')),
  event('build.skipped', BUILD, forms('skip', 'skipped')),
  event('job.finished', JOB, FINISHED),
  event('job.started', JOB, STARTED),
  event('job.scheduled', JOB, forms('schedule', 'scheduled')),
  event('agent.connected', AGENT, forms('connect', 'connected')),
  event('agent.disconnected', AGENT, forms('disconnect', 'disconnected')),
  event('agent.lost', AGENT, ['lost']),
  event('ping', ['ping', 'pings']),
];
