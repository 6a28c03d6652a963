import { environmentNameSchema } from './environment-name.js';

export interface ConfigProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * What the environment names of a config get wrong beyond their spelling: two names that differ
 * only in case (one environment to GitHub, which compares names without regard to case), and
 * `deploy_order` entries that name no configured environment, name one in another case, or repeat.
 * Names are compared as strings in sets, so `toString` or `constructor` match nothing inherited.
 */
export function environmentNameProblems(params: {
  readonly environments: readonly string[];
  readonly deployOrder: readonly string[];
}): ConfigProblem[] {
  return [...caseDuplicates(params.environments), ...deployOrderProblems(params)];
}

function caseDuplicates(names: readonly string[]): ConfigProblem[] {
  const firstByLowerCase = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const name of names) {
    const first = firstByLowerCase.get(name.toLowerCase());
    if (first === undefined) firstByLowerCase.set(name.toLowerCase(), name);
    else
      problems.push({
        path: ['environments', name],
        message: `\`${first}\` and \`${name}\` differ only in case, and GitHub treats environment names without regard to case, so they would be one environment; keep one of them`,
      });
  }
  return problems;
}

function deployOrderProblems(params: {
  readonly environments: readonly string[];
  readonly deployOrder: readonly string[];
}): ConfigProblem[] {
  const configured = new Set(params.environments);
  const seen = new Map<string, number>();
  return params.deployOrder.flatMap((name, index): ConfigProblem[] => {
    const path = ['deploy_order', index];
    const earlier = seen.get(name.toLowerCase());
    seen.set(name.toLowerCase(), earlier ?? index);
    if (earlier !== undefined)
      return [
        {
          path,
          message: `repeats entry ${earlier + 1} (\`${params.deployOrder[earlier] ?? name}\`); list each environment once`,
        },
      ];
    // A name the name rule refuses is already reported where it is read.
    if (configured.has(name) || !environmentNameSchema.safeParse(name).success) return [];
    const sameButCase = params.environments.find(
      (candidate) => candidate.toLowerCase() === name.toLowerCase(),
    );
    if (sameButCase !== undefined)
      return [
        {
          path,
          message: `names \`${name}\`, written \`${sameButCase}\` under \`environments\`; write it the same way`,
        },
      ];
    const listed = params.environments.map((candidate) => `\`${candidate}\``).join(', ');
    return [
      {
        path,
        message: `names \`${name}\`, which is not under \`environments\` (${listed || 'none configured'})`,
      },
    ];
  });
}
