import { z } from 'zod';

/** The schema of a profile's data files. Indicators, rules and wording are added by later files. */
export const itemSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an item id is lower-case letters, digits and _'),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  synonyms: z.array(z.string().min(1)).default([]),
  unit: z.string().min(1).default('人'),
  /**
   * Other units the item may be reported in, with the factor to `unit`: 民政 publishes
   * 结婚登记 in couples (`{ "对": 2 }`). 万人/千人 for 人 are known without saying.
   */
  conversions: z.record(z.string().min(1), z.number().positive()).optional(),
  /** What the item counts, where its name alone could mislead (screening over the interval). */
  note: z.string().min(1).optional(),
});

export const formSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a form id is letters, digits, - and _'),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  department: z.string().min(1),
  departmentEn: z.string().min(1).optional(),
  items: z.array(itemSchema).min(1),
});

export const formsFileSchema = z.strictObject({ forms: z.array(formSchema).min(1) });

/**
 * A domain of the programme (妇女与健康, 儿童与安全…) as the programme names and orders it: the
 * narrative writes the domains in this order, under these titles. `name` is the indicators'
 * `domain`.
 */
export const domainSchema = z.strictObject({
  outline: z.enum(['women', 'children']),
  name: z.string().min(1),
  title: z.string().min(1),
  titleEn: z.string().min(1),
});

export const profileFileSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  version: z.string().min(1),
  reportingUnitHeaders: z.array(z.string().min(1)).min(1),
  codeHeaders: z.array(z.string().min(1)),
  totalMarkers: z.array(z.string().min(1)).min(1),
  /** The year the programme's targets are for, when a target does not say (2030 for the 两纲). */
  targetYear: z.number().int().min(1900).max(2200).default(2030),
  /** The programme's domains in its own order; a domain not listed follows, as first met. */
  domains: z.array(domainSchema).default([]),
});

export type ItemDef = z.infer<typeof itemSchema>;
export type FormDef = z.infer<typeof formSchema>;
export type ProfileMeta = z.infer<typeof profileFileSchema>;
export type DomainDef = z.infer<typeof domainSchema>;

/**
 * What every target may carry besides its kind: the wording as the programme prints it, the
 * year it is for, and a base year with its value (for trend, relative and mid-term judgements).
 */
const targetCommon = {
  /** The target as the programme prints it (`下降到12/10万以下`); the report quotes it. */
  wording: z.string().min(1).optional(),
  /** The year the target is for: 2030 for the 纲要, 2025 for a 十四五 plan. */
  targetYear: z.number().int().min(1900).max(2200).optional(),
  baseYear: z.number().int().min(1900).max(2200).optional(),
  /** The base year's value in the indicator's unit; null (or absent) until it is supplied. */
  baseline: z.number().nullable().optional(),
};

/**
 * Target kinds of indicators.md. `value`s are in the indicator's unit. "N以下"/"N以内" is
 * `atMost` and "N以上" `atLeast` (they include N, 民法典 第1259条); "低于/不足/不满 N" is `below`,
 * "高于/超过 N" `above`. An `about` target has a band only where the programme or the office
 * states one: there is no default. `none` is an indicator monitored without a target.
 */
export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('atMost'), value: z.number(), ...targetCommon }),
  z.strictObject({ kind: z.literal('atLeast'), value: z.number(), ...targetCommon }),
  z.strictObject({ kind: z.literal('below'), value: z.number(), ...targetCommon }),
  z.strictObject({ kind: z.literal('above'), value: z.number(), ...targetCommon }),
  z.strictObject({
    kind: z.literal('about'),
    value: z.number(),
    /** The allowed deviation, in the indicator's points; without it the target cannot be judged. */
    band: z.number().positive().optional(),
    ...targetCommon,
  }),
  z
    .strictObject({ kind: z.literal('range'), low: z.number(), high: z.number(), ...targetCommon })
    .refine((t) => t.low <= t.high, { message: 'low must not exceed high', path: ['low'] }),
  /**
   * 逐步提高 / 逐步降低: against `baseline` when given, else the previous period; `basis: 'prior'`
   * (比上年提高) is against the previous period whatever the baseline.
   */
  z.strictObject({
    kind: z.literal('rising'),
    basis: z.literal('prior').optional(),
    ...targetCommon,
  }),
  z.strictObject({
    kind: z.literal('falling'),
    basis: z.literal('prior').optional(),
    ...targetCommon,
  }),
  z.strictObject({
    kind: z.literal('relative'),
    ...targetCommon,
    /** −0.2 is "20% below the base year's value". */
    change: z.number().gt(-1),
    baseline: z.number().nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('none'), ...targetCommon }),
]);

export const indicatorSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    outline: z.enum(['women', 'children']),
    domain: z.string().min(1),
    domainEn: z.string().min(1),
    numerator: z.string().min(1),
    denominator: z.string().min(1),
    scale: z.number().positive(),
    unit: z.string().min(1),
    target: targetSchema,
    direction: z.enum(['higher', 'lower', 'band']),
    department: z.string().min(1),
    verified: z.boolean(),
    source: z.string().min(1),
    /** Gross ratios (毛入园率) may legitimately exceed 100%. */
    mayExceed100: z.boolean().default(false),
    /** Decimals shown and compared with the target (the published figure). */
    decimals: z.number().int().min(0).max(6).default(2),
    /** A next-steps sentence of the profile's own; the default wording is used otherwise. */
    nextStep: z.string().min(1).optional(),
    /**
     * What a trend target (逐步提高) is compared with when no baseline is given: the previous
     * period, or — for indicators that change only at a 换届, like 村委会 shares — nothing (the
     * baseline is required; 持平 with last year is no failure).
     */
    trendBasis: z.enum(['baselineOrPrior', 'baseline']).default('baselineOrPrior'),
    /** The target holds for every township (以乡（镇、街道）为单位), not only for the whole area. */
    perUnit: z.boolean().default(false),
    /** The normal range of a monitored value (出生人口性别比 103—107): a prompt to check, not a target. */
    plausibleRange: z
      .strictObject({ low: z.number(), high: z.number() })
      .refine((r) => r.low <= r.high, { message: 'low must not exceed high', path: ['low'] })
      .optional(),
    /** What a reader must know about the definition (screening coverage over the interval). */
    note: z.string().min(1).optional(),
    noteEn: z.string().min(1).optional(),
  })
  // `verified` means a reader can check it: the source names a document (《…》) or a web address.
  .refine((d) => !d.verified || /《[^》]+》|https?:\/\/|www\./.test(d.source), {
    message:
      'verified: true needs a source a reader can find (a document title in 《》 or a web address)',
    path: ['verified'],
  });

export const indicatorsFileSchema = z.strictObject({ indicators: z.array(indicatorSchema).min(1) });

export const ruleDefSchema = z.strictObject({
  id: z.string().min(1),
  rule: z.string().min(1),
  severity: z.enum(['error', 'warning']),
  message: z.string().default(''),
  /** The message in English, for `--lang en`; the Chinese one is used when absent. */
  messageEn: z.string().optional(),
  tolerance: z.number().nonnegative().optional(),
  /** The form the rule belongs to (form id); absent for rules across forms. */
  scope: z.string().min(1).optional(),
  kind: z.enum(['表内', '表间', '历史', '完整性']).optional(),
});

export const rulesFileSchema = z.strictObject({ rules: z.array(ruleDefSchema) });

export type Target = z.infer<typeof targetSchema>;
export type IndicatorDef = z.infer<typeof indicatorSchema>;
export type RuleDef = z.infer<typeof ruleDefSchema>;
