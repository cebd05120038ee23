/**
 * Whether a number format shows a percentage: a `%` outside quoted text, escapes and `[…]`
 * sections (`0%`, `0.0%`, `#,##0.00%`; not `0"%"` or `0\%`, which print a sign after the number).
 */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt || !fmt.includes('%')) return false;
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*]/g, '')
    .includes('%');
}
