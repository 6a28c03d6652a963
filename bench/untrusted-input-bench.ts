import { performance } from 'node:perf_hooks';
import { parseCommand } from '../src/core/commands/parse-command.js';
import { parseFencedPayload } from '../src/core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../src/core/request/parse-issue-request.js';
import { ADVERSARIAL_MARKDOWN } from '../test/support/adversarial-inputs.js';

export interface UntrustedInputBench {
  readonly name: string;
  readonly ms16: number;
  readonly ms32: number;
}

const RUNS = 5;

/** Every reader a comment meets on the webhook path: the command, the fenced payload, the issue request. */
function readAll(text: string): void {
  parseCommand({ body: text, environments: ['staging', 'production'] });
  parseFencedPayload(text, 'comment');
  parseIssueRequest(text);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Issue #7's worst-case inputs and their siblings (`test/support/adversarial-inputs.ts`), each at
 * 16 KB and 32 KB — both under GitHub's 65,536-character cap, so the readers are timed, not the
 * refusal. Sizes alternate within each run (median of 5), so a busy machine weighs on both alike.
 * Linear readers double their time when the input doubles (ratio ≈ 2); the old sanitizer's rescans
 * gave ≈ 4, and the old YAML path aborted the process.
 */
export function benchUntrustedInput(): UntrustedInputBench[] {
  return Object.entries(ADVERSARIAL_MARKDOWN).map(([name, build]) => {
    const texts = [build(16_000), build(32_000)] as const;
    for (const text of texts) readAll(text);
    const times: [number[], number[]] = [[], []];
    for (let run = 0; run < RUNS; run += 1) {
      texts.forEach((text, index) => {
        const start = performance.now();
        readAll(text);
        times[index]?.push(performance.now() - start);
      });
    }
    return { name, ms16: median(times[0]), ms32: median(times[1]) };
  });
}
