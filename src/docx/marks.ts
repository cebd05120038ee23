/**
 * What marks a Word report as Tally's own (its core properties), kept apart from `write.ts` so
 * the file checks that refuse to overwrite a user's document need not load the `docx` library.
 */
export const DOCX_CREATOR = 'Tally';
export const DOCX_KEYWORD = 'tally-report';
