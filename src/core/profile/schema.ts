import { z } from 'zod';

/** The schema of a profile's data files. Indicators, rules and wording are added by later files. */
export const itemSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an item id is lower-case letters, digits and _'),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  synonyms: z.array(z.string().min(1)).default([]),
  unit: z.string().min(1).default('人'),
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

export const profileFileSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  version: z.string().min(1),
  reportingUnitHeaders: z.array(z.string().min(1)).min(1),
  codeHeaders: z.array(z.string().min(1)),
  totalMarkers: z.array(z.string().min(1)).min(1),
});

export type ItemDef = z.infer<typeof itemSchema>;
export type FormDef = z.infer<typeof formSchema>;
export type ProfileMeta = z.infer<typeof profileFileSchema>;

/** Target kinds of indicators.md. `value`s are in the indicator's unit. */
export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('atMost'), value: z.number() }),
  z.strictObject({ kind: z.literal('atLeast'), value: z.number() }),
  z.strictObject({ kind: z.literal('below'), value: z.number() }),
  z.strictObject({ kind: z.literal('above'), value: z.number() }),
  z.strictObject({
    kind: z.literal('about'),
    value: z.number(),
    band: z.number().positive().default(2),
  }),
  z
    .strictObject({ kind: z.literal('range'), low: z.number(), high: z.number() })
    .refine((t) => t.low <= t.high, { message: 'low must not exceed high', path: ['low'] }),
  z.strictObject({ kind: z.literal('rising') }),
  z.strictObject({ kind: z.literal('falling') }),
  z.strictObject({
    kind: z.literal('relative'),
    baseYear: z.number().int(),
    /** −0.2 is "20% below the base year's value". */
    change: z.number(),
    /** The base year's value in the indicator's unit; null until the profile author supplies it. */
    baseline: z.number().nullable().default(null),
  }),
]);

export const indicatorSchema = z.strictObject({
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
