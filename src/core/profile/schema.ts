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
