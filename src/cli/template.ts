import type { Lang } from '../core/messages/index';
import { t } from '../core/messages/index';
import { templateWorkbook, type TemplateUnit } from '../core/output/template';
import type { Profile } from '../core/profile/profile';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UnreadableInputError } from '../core/errors';
import { writeOutputFile } from '../xlsx/file';
import { writeXlsxBytes } from '../xlsx/write';
import type { Out } from './output';

export interface TemplateOptions {
  out: string;
  units?: string;
  period: string;
  /** Replace a template Tally wrote that nobody has saved since. */
  force?: boolean;
  lang: Lang;
}

/**
 * `--units` is a text file, one unit per line (`名称` or `代码,名称`), or a comma-separated list.
 */
export function parseUnits(spec: string | undefined): TemplateUnit[] {
  if (!spec) return [];
  let text = spec;
  if (/\.(txt|csv)$/i.test(spec)) {
    try {
      text = readFileSync(spec, 'utf8');
    } catch {
      throw new UnreadableInputError('error.fileMissing', { file: spec });
    }
  }
  const lines = text.includes('\n') ? text.split(/\r?\n/) : text.split(/[,，、]/);
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^(\d{12})[\s,，\t]+(.+)$/.exec(l);
      return m && m[1] && m[2] ? { code: m[1], name: m[2].trim() } : { name: l };
    });
}

export async function templateCommand(
  opts: TemplateOptions,
  ctx: { profile: Profile; out: Out; err: Out },
): Promise<number> {
  const units = parseUnits(opts.units);
  const wb = templateWorkbook(ctx.profile, units, opts.period, opts.lang);
  // A units list is an input too: never written over.
  const inputs = opts.units && /\.(txt|csv)$/i.test(opts.units) ? [opts.units] : [];
  await writeOutputFile(opts.out, await writeXlsxBytes(wb, 'template'), inputs, 'template', {
    force: opts.force === true,
  });
  // A message, not data: stderr.
  ctx.err.line(t(opts.lang, 'cli.wrote', { file: path.resolve(opts.out) }));
  return 0;
}
