// Attacker pass 9q (test-only) on quoting and expansion as the shell reader (shell-commands.ts
// `shellCommands`, `substitutionEnd`; unmodelled-shell-forms.ts) reads them, against what dash (the
// `sh` npm runs scripts with on Debian and Ubuntu runners) and bash do, each checked by running
// them:
// - `"$(echo \")"`: inside `$(…)` a backslash escapes the quote, but `substitutionEnd` skips from
//   one `"` to the next with no escapes, so the substitution runs to the end of the file and the
//   `tsc -p build.json` after it is never read;
// - `"${X:-'}"`: in double quotes an apostrophe inside `${…}` is literal (dash prints `'`), but
//   `substitutionEnd` pairs it with the next one, swallowing the rest;
// - bash brace expansion (`tsc -b {build,tsconfig}.json` builds both) is not an expansion to the
//   reader (`expands` is false), so the word names neither file;
// - an alias (dash expands aliases in scripts: `alias b="tsc -p build.json"` then `b`).
// Refused: `$(echo \')`, backticks holding `\'`, a `)` quoted inside `$(…)`, a comment inside
// `$(…)`, a CRLF script file, a glob (`build.jso?`), a variable (`tsc -p $P`).
// A FAULT asks only that the change is not low: reading the text right or failing closed.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

/** The reasons' places when the change writes `svc/build.json` and the base has the manifest and `svc/build.sh`. */
const whereOf = (build: string, shellFile?: string) =>
  classifyRisk({
    files: [{ path: 'svc/build.json', content: OUTSIDE, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [
      { path: 'svc/package.json', content: manifest(build) },
      ...(shellFile === undefined ? [] : [{ path: 'svc/build.sh', content: shellFile }]),
    ],
  }).reasons.map((reason) => reason.where);

const JUDGED = 'svc/build.json#compilerOptions.outDir';

describe('quoting inside a substitution the reader pairs wrongly', () => {
  it.failing('FAULT: `echo "$(echo \\")"` (an escaped quote inside $(…)) hides the tsc line after it', () => {
    expect(whereOf('sh build.sh', 'echo "$(echo \\")"\ntsc -p build.json\n')).not.toEqual([]);
  });

  it.failing(
    'FAULT: `echo "${X:-\'}"` (an apostrophe inside a double-quoted ${…}, literal to dash) hides the tsc line after it',
    () => {
      expect(whereOf('sh build.sh', 'echo "${X:-\'}"\ntsc -p build.json\n')).not.toEqual([]);
    },
  );
});

describe('expansions the reader does not see', () => {
  it.failing(
    'FAULT: bash brace expansion `tsc -b {build,tsconfig}.json` builds build.json, read as naming neither',
    () => {
      expect(whereOf('bash build.sh', '#!/bin/bash\ntsc -b {build,tsconfig}.json\n')).not.toEqual([]);
    },
  );

  it.failing('FAULT: an alias (expanded by dash in a script) running tsc -p build.json is not read', () => {
    expect(whereOf('sh build.sh', 'alias compile="tsc -p build.json"\ncompile\n')).not.toEqual([]);
  });
});

describe('forms read as the shell reads them (refused attacks)', () => {
  it.each([
    ["`$(echo \\')`", "echo $(echo \\')\ntsc -p build.json\n"],
    ["backticks holding \\'", "echo `echo \\'`\ntsc -p build.json\n"],
    ['a `)` quoted inside $(…)', "X=$(echo 'it)s')\ntsc -p build.json\n"],
    ['a comment holding an apostrophe inside $(…)', "echo $(# it's\n)\ntsc -p build.json\n"],
    ['CRLF line ends', '#!/bin/sh\r\ntsc -p build.json\r\n'],
  ])('%s: the tsc line after it is read', (_, file) => {
    expect(whereOf('sh build.sh', file)).toContain(JUDGED);
  });

  it.each(['tsc -p build.jso?', 'P=build.json; tsc -p $P'])('%j fails closed', (build) => {
    expect(whereOf(build)).toContain('svc/package.json#scripts.build');
  });
});
