/**
 * The one message catalogue, assembled from a section per module (base, audit, rules, report, pane, usage). Every user-facing sentence of the engine, the CLI and the pane is
 * here, Chinese first and English second. `{name}` placeholders are filled by `t()`.
 */
import { addin } from './addin';
import { audit } from './audit';
import { base } from './base';
import { cli } from './cli';
import { limits } from './limits';
import { pane } from './pane';
import { output } from './output';
import { report, template } from './report';
import { rules } from './rules';
import { trust } from './trust';
import { usage } from './usage';
import { targets } from './targets';
import { exportMessages, scale } from './scale';
import { narrativeMessages } from './narrative';
import { web } from './web';

export type Lang = 'zh' | 'en';

const catalogue = {
  ...base,
  ...cli,
  ...audit,
  ...pane,
  ...addin,
  ...report,
  ...template,
  ...output,
  ...rules,
  ...trust,
  ...usage,
  ...targets,
  ...scale,
  ...exportMessages,
  ...narrativeMessages,
  ...limits,
  ...web,
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof catalogue;
export type Params = Record<string, string | number>;

/**
 * A message with its placeholders filled. `{n|one|other}` is a word chosen by a count: `one`
 * when the parameter n is 1, else `other` ("1 warning", "2 warnings").
 */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template: string = catalogue[key][lang];
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      if (one === undefined) return String(params[name]);
      return Number(params[name]) === 1 ? one : (other ?? '');
    },
  );
}

/** Office reports e.g. `zh-CN`, `en-US`; anything Chinese gets Chinese, the rest English. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh' : locale ? 'en' : 'zh';
}

export function allMessageKeys(): MessageKey[] {
  return Object.keys(catalogue) as MessageKey[];
}
