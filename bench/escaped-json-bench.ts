import { performance } from 'node:perf_hooks';
import { embeddedJsonSpans } from '../src/core/secrets/embedded-json-spans.js';
import { redactJsonStrings } from '../src/core/secrets/redact-json-strings.js';

export interface EscapedJsonBenchRow {
  readonly name: string;
  /** Characters of the smaller input; the larger has twice as many. */
  readonly characters: number;
  /** `embeddedJsonSpans` alone, then the whole redaction a log line takes (`redactJsonStrings`). */
  readonly searchMs: readonly [small: number, large: number];
  readonly redactMs: readonly [small: number, large: number];
  /** The whole redaction of the larger input against the reference text of the same length. */
  readonly ratioToReference: number;
}

const RUNS = 5;

/** `unit` repeated to exactly `characters` characters. */
function repeatedTo(unit: string, characters: number): string {
  return unit.repeat(Math.ceil(characters / unit.length)).slice(0, characters);
}

/**
 * Issue #10's adversarial inputs for the JSON-in-text search, with the reference they are measured
 * against (stack events as plain log text: the scan alone), and ordinary JSON events with escaped
 * JSON in them, as a deploy log or an artifact carries them (each document's strings are scanned
 * together, in one joined scan; each string on its own took about 50 times the reference).
 */
const INPUTS: Readonly<Record<string, (characters: number) => string>> = {
  'reference: log prose': (n) =>
    repeatedTo('CREATE_IN_PROGRESS AWS::Lambda::Function Api Resource creation Initiated. ', n),
  'JSON events': (n) =>
    repeatedTo(
      '{"LogicalResourceId":"Api","ResourceType":"AWS::Lambda::Function","ResourceStatus":"CREATE_IN_PROGRESS"} ',
      n,
    ),
  'JSON events, escaped JSON': (n) =>
    repeatedTo(
      '{"LogicalResourceId":"Api","ResourceStatus":"CREATE_FAILED","Reason":"{\\"code\\":\\"x\\"}"} ',
      n,
    ),
  'unclosed {"': (n) => repeatedTo('{"', n),
  'unclosed {"a":[': (n) => repeatedTo('{"a":[', n),
  'unclosed "{\\"': (n) => `"${repeatedTo('{\\"', n - 1)}`,
  'openers across quotes {"\\"': (n) => repeatedTo('{"\\"', n),
  'prose, then 2^16 backslashes': (n) => `${repeatedTo('x ', n - (1 << 16) - 1)}${'\\'.repeat(1 << 16)}"`,
  'nested, none parses': (n) => {
    const depth = Math.floor(n / 6);
    return `${'{"a":'.repeat(depth)}x${'}'.repeat(depth)}`.slice(0, n);
  },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(action: () => unknown): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/**
 * Each input at `characters` and twice that (80,000 and 160,000 by default; review 10g measured
 * 3 s for 80,000 characters of `{"` and 19 s for 240,000 of `{"a":[` before the search recorded
 * where each bracket closes). Sizes alternate within each run (median of 5), so a busy machine
 * weighs on both alike. Linear: the larger takes about twice as long (ratio ≈ 2), and the
 * adversarial inputs stay within a small factor of the reference of the same length. The last two
 * reach the search's bound or the walk's and go out withheld (`[REDACTED:not-scanned]`): their
 * time is that of failing closed.
 */
export async function benchEscapedJson(characters = 80_000): Promise<EscapedJsonBenchRow[]> {
  const rows: EscapedJsonBenchRow[] = [];
  let referenceLargeMs = 0;
  for (const [name, build] of Object.entries(INPUTS)) {
    const texts = [build(characters), build(characters * 2)] as const;
    const search: [number[], number[]] = [[], []];
    const redact: [number[], number[]] = [[], []];
    for (const text of texts) await redactJsonStrings(text);
    for (let run = 0; run < RUNS; run += 1) {
      for (const [index, text] of texts.entries()) {
        search[index]?.push(await timed(() => embeddedJsonSpans(text)));
        redact[index]?.push(await timed(() => redactJsonStrings(text)));
      }
    }
    const redactMs = [median(redact[0]), median(redact[1])] as const;
    if (rows.length === 0) referenceLargeMs = redactMs[1];
    rows.push({
      name,
      characters,
      searchMs: [median(search[0]), median(search[1])],
      redactMs,
      ratioToReference: redactMs[1] / Math.max(referenceLargeMs, 0.01),
    });
  }
  return rows;
}
