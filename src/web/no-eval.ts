import { z } from 'zod';

/**
 * The page's Content-Security-Policy has no 'unsafe-eval', and zod's first parse probes for
 * `new Function` (to compile fast object parsers): refused, and reported as a CSP violation
 * although zod catches it. Jitless, zod never tries. Imported first by the page and its worker.
 */
z.config({ jitless: true });
