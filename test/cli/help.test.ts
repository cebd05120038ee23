import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/capture';
import { ROOT } from '../support/fixtures';

const COMMANDS = ['inspect', 'validate', 'report', 'template'] as const;

/** The `npx tally …` lines of README's command-line section, as one would type them. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.startsWith('npx tally '))
    .map((l) => l.slice('npx '.length));
}

/** The invocations a help text shows under 示例 Examples. */
function examplesOf(help: string): string[] {
  const at = help.indexOf('示例 Examples:');
  if (at < 0) return [];
  return help
    .slice(at)
    .split('\n')
    .filter((l) => /^ {2}tally /.test(l))
    .map((l) => l.trim());
}

describe('help shows real invocations, Chinese first', () => {
  test('tally --help: examples of every command, the --prior rule and the exit codes', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    const examples = examplesOf(r.stdout);
    for (const c of COMMANDS) expect(examples.some((e) => e.startsWith(`tally ${c} `))).toBe(true);
    expect(r.stdout).toContain('--prior 只带紧跟其后的一个文件（或文件夹）');
    expect(r.stdout).toContain(
      '退出码：0 没有错误，1 发现强制性错误（validate），2 输入或命令无法使用。',
    );
    // Chinese before English, in the headings and in each line.
    expect(r.stdout).toMatch(/^用法 Usage: tally/);
    expect(r.stdout).toContain('命令 Commands:');
    expect(r.stdout).toContain('显示帮助 — show help');
    expect(r.stdout.indexOf('退出码')).toBeLessThan(r.stdout.indexOf('Exit codes'));
  });

  test.each(COMMANDS)('tally %s --help shows one or two invocations README uses', async (c) => {
    const r = await runCli(c, '--help');
    expect(r.code).toBe(0);
    const examples = examplesOf(r.stdout);
    expect(examples.length).toBeGreaterThanOrEqual(1);
    expect(examples.length).toBeLessThanOrEqual(3);
    for (const e of examples) {
      expect(e.startsWith(`tally ${c} `)).toBe(true);
      expect(readmeCommands()).toContain(e);
    }
    // Each example is explained in Chinese, then English.
    const explained = r.stdout.split('\n').filter((l) => /^ {6}\S/.test(l));
    expect(explained).toHaveLength(examples.length);
    for (const l of explained) expect(l).toMatch(/^ {6}[^a-zA-Z]*[\u4e00-\u9fff].* — [A-Za-z]/);
  });

  test("every command README shows is in some command's help", async () => {
    const shown = new Set<string>();
    for (const c of COMMANDS)
      for (const e of examplesOf((await runCli(c, '--help')).stdout)) shown.add(e);
    expect(readmeCommands().length).toBeGreaterThanOrEqual(6);
    for (const line of readmeCommands()) expect(shown).toContain(line);
  });

  test('the options README names exist in the help', async () => {
    const help = (await runCli('validate', '--help')).stdout;
    for (const o of ['--rules', '--sheet', '--prior <file>', '--all-rules', '--json', '--lang'])
      expect(help).toContain(o);
    expect((await runCli('template', '--help')).stdout).toContain('--force');
  });
});

describe('usage errors say what to do, in the catalogue’s words', () => {
  test('tally alone: the help, exit 2, no stray English', async () => {
    const r = await runCli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法 Usage: tally');
    expect(r.stderr).not.toContain('outputHelp');
  });

  test.each([
    [['validate', 'a.xlsx', '--all-rule'], '没有选项 --all-rule。是不是要写 --all-rules？'],
    [['inspect', 'a.xlsx', '--lang', 'fr'], '选项 --lang 的值“fr”无效，可选 zh、en。'],
    [['template'], '缺少必需的选项 --out。'],
    [['template', '--out', 'a.xlsx', 'b.xlsx'], 'tally template 不接受文件参数（多出了 b.xlsx）'],
    [['frob'], '没有命令 frob。'],
    [
      ['inspect'],
      '请指定至少一个 .xlsx 或 .csv 文件（或文件夹）。运行 tally inspect --help 查看用法。',
    ],
  ])('%j', async (args, message) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('in English with --lang en', async () => {
    const r = await runCli('validate', 'a.xlsx', '--bogus', '--lang', 'en');
    expect(r.stderr).toBe(
      'tally: There is no option --bogus. Run tally validate --help for the options.\n',
    );
  });
});
