import { parseCliArguments } from '../../../src/entry/cli/parse-cli-arguments.js';

describe('parseCliArguments', () => {
  it('reads a run with its defaults', () => {
    expect(parseCliArguments(['run', 'request.json'])).toEqual({
      kind: 'run',
      requestFile: 'request.json',
      repo: '.',
      out: '.implementation-agent',
      init: false,
    });
    expect(parseCliArguments(['run', 'r.md', '--repo', 'x', '--out', 'y', '--init'])).toMatchObject({
      repo: 'x',
      out: 'y',
      init: true,
    });
  });

  it.each([
    [['run', 'r.json', '--bogus'], 'unknown option --bogus'],
    [['run', 'r.json', '-x'], 'unknown option -x'],
    [['run', 'r.json', '--repo'], '--repo needs a value'],
    [['run', 'r.json', '--init=yes'], "Option '--init' does not take an argument"],
    [['deploy', 'r.json'], 'unknown command deploy'],
    [['run'], 'run needs a request file'],
    [[], 'no command given'],
    [['run', 'a.json', 'b.json'], 'unexpected argument b.json'],
    [['run', 'r.json', '--out', ''], '--out needs a folder, not an empty value'],
    [['run', 'r.json', '--repo', ' '], '--repo needs a folder, not an empty value'],
  ])('calls %j a wrong invocation: %s', (argv, problem) => {
    expect(parseCliArguments(argv)).toEqual({ kind: 'wrong', problem });
  });

  it('answers --help and -h', () => {
    expect(parseCliArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['run', '-h'])).toEqual({ kind: 'help' });
  });
});
