/**
 * The one message catalogue, assembled from a section per module (base, audit, rules, report, pane). Every user-facing sentence of the engine, the CLI and the pane is
 * here, Chinese first and English second. `{name}` placeholders are filled by `t()`.
 */
import { audit } from './audit';
import { base } from './base';
import { cli } from './cli';
import { limits } from './limits';
import { pane } from './pane';
import { report, template } from './report';
import { rules } from './rules';

export type Lang = 'zh' | 'en';

const catalogue = {
  ...base,
  ...cli,
  ...audit,
  ...pane,
  ...report,
  ...template,
  ...rules,
  ...limits,
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof catalogue;
export type Params = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template: string = catalogue[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Office reports e.g. `zh-CN`, `en-US`; anything Chinese gets Chinese, the rest English. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh' : locale ? 'en' : 'zh';
}

export function allMessageKeys(): MessageKey[] {
  return Object.keys(catalogue) as MessageKey[];
}
