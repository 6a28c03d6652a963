import type { EnvironmentVariable } from './environment-variable-risks.js';
import { readTemplateValue } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Environment variables that make a Lambda runtime load or run code other than the handler, or
 * change where it looks for code (AWS Lambda Developer Guide, "Working with Lambda environment
 * variables": unreserved variables such as `NODE_PATH`, `PYTHONPATH`, `LD_LIBRARY_PATH` may be
 * set; "Modifying the runtime environment": `AWS_LAMBDA_EXEC_WRAPPER` runs a wrapper script
 * before the runtime, and `JAVA_TOOL_OPTIONS`, `NODE_OPTIONS`, `DOTNET_STARTUP_HOOKS` are the
 * language-specific variables that add agents, preloaded modules or startup hooks). The code
 * they name (a layer's `/opt/…`, a path in the image) is not shown by this change.
 * `NODE_OPTIONS` is judged by its flags (`PLAIN_NODE_OPTION`); every other name here by presence.
 */
const CODE_LOADING_VARIABLES: ReadonlySet<string> = new Set([
  'AWS_LAMBDA_EXEC_WRAPPER',
  'LD_PRELOAD',
  'LD_AUDIT',
  'LD_LIBRARY_PATH',
  'PATH',
  'NODE_PATH',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PYTHONHOME',
  'PYTHONUSERBASE',
  'DOTNET_STARTUP_HOOKS',
  'DOTNET_ADDITIONAL_DEPS',
  'CORECLR_PROFILER_PATH',
  'CORECLR_ENABLE_PROFILING',
  'RUBYOPT',
  'RUBYLIB',
  'GEM_PATH',
  'GEM_HOME',
  'PERL5OPT',
  'PERL5LIB',
  'BASH_ENV',
]);

/**
 * `NODE_OPTIONS` flags that only tune the process (Node.js documentation, "Command-line API"):
 * source maps, heap sizes, stack trace length, warnings, how rejections and DNS results are
 * handled. Anything else (`--require`/`-r`, `--import`, `--loader`, `--experimental-loader`,
 * `--inspect`, `--env-file`…) may load code or open a debugger, so it is not low.
 */
const PLAIN_NODE_OPTION =
  /^--(enable-source-maps|max-old-space-size=\d+|max-semi-space-size=\d+|stack-trace-limit=\d+|no-deprecation|no-warnings|trace-warnings|trace-uncaught|unhandled-rejections=(strict|warn|none|throw|warn-with-error-code)|dns-result-order=(ipv4first|ipv6first|verbatim))$/;

/**
 * `unseen-effect` for a function environment variable that makes the runtime load code this change
 * does not show: one of `CODE_LOADING_VARIABLES`, or a `NODE_OPTIONS` with a flag other than
 * `PLAIN_NODE_OPTION`'s (one only known at deploy time is `unresolved-value`). Walked by
 * `environmentVariableRisks`.
 */
export function codeLoadingVariableRisks(input: EnvironmentVariable): RiskReason[] {
  const { name, setting, where, subject } = input;
  if (CODE_LOADING_VARIABLES.has(name))
    return [
      {
        code: 'unseen-effect',
        where,
        message: `${subject} sets ${name}, which makes the Lambda runtime load or run code (a wrapper, preloaded library, agent or module path) this change does not show.`,
      },
    ];
  if (name !== 'NODE_OPTIONS') return [];
  const read = readTemplateValue(setting, input.resource.context);
  if (!read.known)
    return [
      {
        code: 'unresolved-value',
        where,
        message: `${subject} sets NODE_OPTIONS from ${read.why}; it may make Node.js load code this change does not show.`,
      },
    ];
  const flags = read.texts.flatMap((text) => text.split(/\s+/).filter((flag) => flag !== ''));
  const loading = flags.filter((flag) => !PLAIN_NODE_OPTION.test(flag));
  return loading.length === 0
    ? []
    : [
        {
          code: 'unseen-effect',
          where,
          message: `${subject} sets NODE_OPTIONS ${JSON.stringify(loading.join(' ').slice(0, 200))}: Node.js may load a module or open a debugger before the handler, code this change does not show.`,
        },
      ];
}
