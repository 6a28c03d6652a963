import { closestName } from '../cfn/closest-name.js';
import { codeSpan } from '../markdown/code-span.js';
import type { ChatCommand, CommandParseResult, RollbackTarget } from './chat-command.js';
import {
  COMMAND_NAMES,
  COMMAND_SPECS,
  DRY_RUN_FLAG,
  isCommandName,
  type CommandName,
} from './command-names.js';
import { renderHelp } from './help-text.js';
import { instructionsAfter, leadingCommandLine } from './leading-command.js';

const NOT_A_COMMAND: CommandParseResult = { kind: 'not-a-command' };
/** A slash and one word; `/usr/bin`, `//host`, `/2am` and the like are paths, URLs or prose. */
const COMMAND_TOKEN = /^\/([a-z]+(?:-[a-z]+)*)$/i;
// "/tmp is full again" is conversation, not a misspelt command that deserves a help reply.
const ROOT_DIRECTORIES = new Set(
  'bin boot dev etc home lib mnt opt proc root run sbin srv sys tmp usr var'.split(' '),
);
const ECHO_LIMIT = 60;

/**
 * Reads the slash command on the first non-empty line of a comment (DESIGN §8). Only that line is
 * looked at (the rest is `/implement`'s request), so quoted text, code and later lines never trigger
 * anything, and bots' comments are never commands, so two agents cannot answer each other forever.
 */
export function parseCommand(params: {
  body: string;
  environments: readonly string[];
  author?: { readonly type?: string | undefined; readonly login?: string | undefined } | undefined;
}): CommandParseResult {
  if (isBot(params.author)) return NOT_A_COMMAND;
  const found = leadingCommandLine(params.body);
  if (found === undefined) return NOT_A_COMMAND;
  const { line } = found;
  const [token = '', ...words] = line.split(/\s+/);
  const name = COMMAND_TOKEN.exec(token)?.[1]?.toLowerCase();
  if (name === undefined || ROOT_DIRECTORIES.has(name)) return NOT_A_COMMAND;
  if (!isCommandName(name)) return invalid(unknownCommandProblem(token, name), params.environments);
  if (name === 'implement')
    return { kind: 'command', command: { kind: 'implement', body: instructionsAfter(found, token) } };
  const reader = new ArgumentReader({ name, words, environments: params.environments });
  const command = readCommand(name, reader);
  if (command === undefined || reader.problems.length > 0) {
    const usage = `Usage: \`${COMMAND_SPECS[name].usage}\`.`;
    return invalid([...reader.problems, usage].join(' '), params.environments);
  }
  return { kind: 'command', command };
}

function readCommand(
  name: Exclude<CommandName, 'implement'>,
  reader: ArgumentReader,
): ChatCommand | undefined {
  switch (name) {
    case 'deploy': {
      const environment = reader.requiredEnvironment();
      reader.rejectWordsFrom(1);
      return environment === undefined
        ? undefined
        : { kind: 'deploy', environment, dryRun: reader.hasFlag(DRY_RUN_FLAG) };
    }
    case 'rollback':
      return readRollback(reader);
    case 'cancel': {
      if (reader.word(0) === undefined) return { kind: 'cancel' };
      const environment = reader.requiredEnvironment();
      reader.rejectWordsFrom(1);
      return environment === undefined ? undefined : { kind: 'cancel', environment };
    }
    case 'unlock': {
      const environment = reader.requiredEnvironment();
      reader.rejectWordsFrom(1);
      return environment === undefined ? undefined : { kind: 'unlock', environment };
    }
    case 'approve':
    case 'retry':
    case 'status':
    case 'help':
      reader.rejectWordsFrom(0);
      return { kind: name };
  }
}

function readRollback(reader: ArgumentReader): ChatCommand | undefined {
  const environment = reader.requiredEnvironment();
  const keyword = reader.word(1);
  if (keyword === undefined) return environment === undefined ? undefined : { kind: 'rollback', environment };
  if (keyword.toLowerCase() !== 'to') {
    // "/rollback staging 1a2b3c4" clearly means a target; anything else is just a stray word.
    const forgotTo = typeof readRollbackTarget(keyword) !== 'string';
    if (forgotTo)
      reader.problems.push(
        `Write \`to\` before the target: \`/rollback ${environment ?? '<environment>'} to ${keyword}\`.`,
      );
    reader.rejectWordsFrom(forgotTo ? 2 : 1);
    return undefined;
  }
  const given = reader.word(2);
  reader.rejectWordsFrom(3);
  if (given === undefined) {
    reader.problems.push(
      '`to` needs a commit sha (7–40 hex characters) or a deployment id (a number), e.g. `to 1a2b3c4`.',
    );
    return undefined;
  }
  const target = readRollbackTarget(given);
  if (typeof target === 'string') {
    reader.problems.push(target);
    return undefined;
  }
  return environment === undefined ? undefined : { kind: 'rollback', environment, target };
}

/** The target, or the problem with it. Digits are a deployment id unless no id could look like that. */
function readRollbackTarget(given: string): RollbackTarget | string {
  const id = Number(given);
  if (/^[1-9]\d*$/.test(given) && Number.isSafeInteger(id)) return { kind: 'deployment', id };
  if (/^[0-9a-f]+$/i.test(given)) {
    if (given.length < 7) return `\`${given}\` is too short for a commit sha; give at least 7 characters.`;
    if (given.length > 40)
      return `${echo(given)} is too long for a commit sha; a sha has at most 40 characters.`;
    return { kind: 'sha', sha: given.toLowerCase() };
  }
  return `${echo(given)} is neither a commit sha (7–40 hex characters) nor a deployment id (a number).`;
}

/** Reads one command's words, collecting every problem so a single reply can list them all. */
class ArgumentReader {
  readonly problems: string[] = [];
  private readonly positionals: readonly string[];
  private readonly flags: readonly string[];
  private readonly name: CommandName;
  private readonly environments: readonly string[];

  constructor(params: { name: CommandName; words: readonly string[]; environments: readonly string[] }) {
    this.name = params.name;
    this.environments = params.environments;
    // Phones and some editors turn "--" into a dash; the author still meant an option.
    const words = params.words.map((word) => word.replace(/^[\u2013\u2014]/, '--'));
    this.flags = words.filter((word) => word.startsWith('-'));
    this.positionals = words.filter((word) => !word.startsWith('-'));
    for (const flag of new Set(this.flags)) this.checkFlag(flag);
  }

  word(index: number): string | undefined {
    return this.positionals[index];
  }

  hasFlag(flag: string): boolean {
    return this.flags.some((given) => given.toLowerCase() === flag);
  }

  /** The configured spelling, or undefined after recording why the word is not an environment. */
  requiredEnvironment(): string | undefined {
    const given = this.word(0);
    if (given !== undefined) return this.environment(given);
    const choices = this.environments.length > 0 ? `one of ${codeList(this.environments)}` : '<environment>';
    this.problems.push(`\`/${this.name}\` needs an environment: ${choices}.`);
    return undefined;
  }

  rejectWordsFrom(index: number): void {
    const extra = this.positionals.slice(index);
    if (extra.length > 0)
      this.problems.push(`\`/${this.name}\` does not take ${echo(extra.join(' '))}; remove it.`);
  }

  private environment(given: string): string | undefined {
    const configured =
      this.environments.find((name) => name === given) ??
      this.environments.find((name) => name.toLowerCase() === given.toLowerCase());
    if (configured !== undefined) return configured;
    this.problems.push(unknownEnvironmentProblem(given, this.environments));
    return undefined;
  }

  private checkFlag(flag: string): void {
    const lowerCased = flag.toLowerCase();
    if (this.name === 'deploy' && lowerCased === DRY_RUN_FLAG) return;
    if (lowerCased === DRY_RUN_FLAG)
      this.problems.push(`\`${DRY_RUN_FLAG}\` only works with \`/deploy\`; remove it.`);
    else if (this.name !== 'deploy')
      this.problems.push(`\`/${this.name}\` takes no options; remove ${echo(flag)}.`);
    else {
      const suggestion = closestName(lowerCased, [DRY_RUN_FLAG]);
      const hint =
        suggestion === undefined
          ? `Its only option is \`${DRY_RUN_FLAG}\`.`
          : `Did you mean \`${suggestion}\`?`;
      this.problems.push(`\`/deploy\` has no option ${echo(flag)}. ${hint}`);
    }
  }
}

function unknownEnvironmentProblem(given: string, environments: readonly string[]): string {
  if (environments.length === 0)
    return `${echo(given)} is not a configured environment: none are configured; add them under \`environments:\` in \`.github/implementation-agent.yml\`.`;
  // A unique prefix ("prod") is only suggested, never accepted: an abbreviation must not reach production.
  const startingWith = environments.filter((name) => name.toLowerCase().startsWith(given.toLowerCase()));
  const suggestion =
    closestName(given, environments) ?? (startingWith.length === 1 ? startingWith[0] : undefined);
  const hint = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  return `${echo(given)} is not a configured environment.${hint} Configured: ${codeList(environments)}.`;
}

function unknownCommandProblem(token: string, name: string): string {
  const suggestion = closestName(name, COMMAND_NAMES);
  if (suggestion === undefined || !isCommandName(suggestion))
    return `${echo(token)} is not a command; the commands are listed below.`;
  return `${echo(token)} is not a command. Did you mean \`/${suggestion}\`? Usage: \`${COMMAND_SPECS[suggestion].usage}\`.`;
}

function invalid(problem: string, environments: readonly string[]): CommandParseResult {
  return { kind: 'invalid', problem, help: renderHelp(environments) };
}

function isBot(
  author: { readonly type?: string | undefined; readonly login?: string | undefined } | undefined,
): boolean {
  return author?.type?.toLowerCase() === 'bot' || (author?.login?.toLowerCase().endsWith('[bot]') ?? false);
}

/** Author text, shortened, as a code span: it shows as written and can neither break the reply nor mention anyone. */
function echo(text: string): string {
  return codeSpan(text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text);
}

function codeList(names: readonly string[]): string {
  return names.map((name) => codeSpan(name)).join(', ');
}
