/**
 * Findings carry their reporting unit and their message separately, and a rule's message may
 * itself begin with the unit (`{unit}：男{[男婴活产数]}…`). The data keeps the message as the
 * rule wrote it; a printer that shows the unit asks here so it never shows it twice.
 */

/** True when the message already begins with the unit's name. */
export function leadsWithUnit(message: string, unit: string): boolean {
  return unit !== '' && message.startsWith(unit);
}

/**
 * The message as it reads under a heading that shows the unit: without the unit and the
 * separator after it when it leads with them (`石门镇：男…` → `男…`); unchanged otherwise,
 * also when the unit's name is only the start of a word (`合计行“…”` under 合计).
 */
export function messageAfterUnit(message: string, unit: string): string {
  if (!leadsWithUnit(message, unit)) return message;
  const rest = message.slice(unit.length);
  const sep = /^\s*[：:，,、;；—-]\s*/.exec(rest);
  return sep ? rest.slice(sep[0].length) : message;
}
