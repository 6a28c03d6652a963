import * as core from '@actions/core';
import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { z } from 'zod';
import { redactedFullChangeSet } from '../../core/outcome/redacted-full-change-set.js';
import { redactedOutcomeResult } from '../../core/outcome/redacted-outcome-result.js';
import { isFailureOutcome, type TaskOutcome } from '../../core/outcome/task-outcome.js';
import { markerKeysFrom } from '../../core/state/marker-keys.js';
import type { GraphqlClient } from '../../github/graphql-client.js';
import { readViewerLogin } from '../../github/read-viewer-login.js';
import { statusTrust, type StatusTrust } from '../../github/status-trust.js';
import {
  ACTION_INPUTS,
  actionInputsSchema,
  type ActionOutputName,
  type DeployInputs,
  type ImplementInputs,
} from './action-io.js';
import { mainDeploy } from './main-deploy.js';
import { main } from './main.js';
import { redactingReporter } from '../../core/secrets/redacting-reporter.js';

/**
 * Reads and validates inputs, runs the mode's main, sets outputs; the one place a failure becomes
 * `setFailed`. Every log line and the failure line go out redacted (`redactingReporter`).
 */
export async function runner(): Promise<void> {
  const reporter = redactingReporter({
    info: (line) => core.info(line),
    setFailed: (message) => core.setFailed(message),
  });
  try {
    const raw = Object.fromEntries(Object.keys(ACTION_INPUTS).map((name) => [name, core.getInput(name)]));
    const parsed = actionInputsSchema.safeParse({ ...raw, mode: raw.mode || 'implement' });
    if (!parsed.success) {
      await reporter.fail(`Invalid inputs for implementation-agent:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    const inputs = parsed.data;
    core.setSecret(inputs.token);
    // Transient GitHub errors (5xx) are retried with backoff, as Probot does for the app.
    const octokit = github.getOctokit(inputs.token, {}, retry);
    const client = octokit.rest;
    const event = { name: github.context.eventName, payload: github.context.payload };
    const repositoryId = repositoryIdFromEnvironment();
    const log = reporter.log;
    const outcome: TaskOutcome =
      inputs.mode === 'deploy'
        ? await mainDeploy({
            inputs,
            client,
            event,
            log,
            logUrl: runUrl(),
            trust: markerTrust(inputs, octokit.graphql),
            repositoryId,
          })
        : await main({
            inputs,
            client,
            graphql: octokit.graphql,
            event,
            log,
            trust: markerTrust(inputs, octokit.graphql),
            repositoryId,
          });
    // What leaves the process (outputs, job summary, failure line) is redacted as the record is.
    const result = await redactedOutcomeResult(outcome);
    setOutputs(outcome, JSON.stringify(result));
    // Runners always provide a job summary file; a local run (act, a shell) may not.
    if (process.env.GITHUB_STEP_SUMMARY) {
      const summary = core.summary
        .addHeading(`implementation-agent: ${outcome.status}`, 3)
        .addRaw(result.message);
      // A PR comment shows a change set cut to fit; the job summary keeps every row, redacted.
      const fullChangeSet = await redactedFullChangeSet(outcome);
      if (fullChangeSet !== undefined) summary.addHeading('Full change set', 4).addCodeBlock(fullChangeSet);
      await summary.write();
    }
    if (isFailureOutcome(outcome)) await reporter.fail(result.message);
  } catch (error) {
    await reporter.fail(
      `implementation-agent stopped: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await reporter.flush();
  }
}

/** Who the token writes as (asked of GitHub only when a status is read) and the marker keys from the inputs. */
function markerTrust(inputs: ImplementInputs | DeployInputs, graphql: GraphqlClient): StatusTrust {
  for (const secret of [inputs['marker-secret'], inputs['previous-marker-secret']]) {
    if (secret !== undefined) core.setSecret(secret);
  }
  return statusTrust({
    identity: () => readViewerLogin(graphql),
    keys: markerKeysFrom({
      secret: inputs['marker-secret'],
      previousSecret: inputs['previous-marker-secret'],
    }),
  });
}

/**
 * The workflow's repository id (`GITHUB_REPOSITORY_ID`, a default variable of every run: GitHub
 * docs, *Variables reference*), which every status read is judged by; absent or malformed (a local
 * run), the event's `repository.id` is used.
 */
function repositoryIdFromEnvironment(): number | undefined {
  const id = Number(process.env['GITHUB_REPOSITORY_ID']);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function runUrl(): string {
  const { serverUrl, repo, runId } = github.context;
  return `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
}

/** `result`: the outcome's `result` JSON, redacted (`redactedOutcomeResult`). */
function setOutputs(outcome: TaskOutcome, result: string): void {
  const set = (name: ActionOutputName, value: string | number | undefined) => {
    if (value !== undefined) core.setOutput(name, String(value));
  };
  set('result', result);
  set('status', outcome.status);
  if ('taskId' in outcome) set('task-id', outcome.taskId);
  if ('issueNumber' in outcome) set('issue-number', outcome.issueNumber);
  if (outcome.status === 'deployment_created') set('deployment-id', outcome.deploymentId);
  if (outcome.status === 'deployed' || outcome.status === 'deploy_failed')
    set('deployment-id', outcome.deploymentId);
  if (outcome.status === 'deployed') set('environment-url', outcome.result.environmentUrl);
  if ('costUsd' in outcome && outcome.costUsd !== undefined) set('cost-usd', outcome.costUsd.toFixed(4));
  if (outcome.status !== 'pr_open') return;
  set('pull-number', outcome.pullNumber);
  set('pull-url', outcome.pullUrl);
}
