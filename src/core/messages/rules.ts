/** Messages of the rule language and the audit. Part of the one catalogue (index.ts). */
export const rules = {
} as const;
