import type { Finding, ValidationResult } from '../../src/core/validate/result';

/**
 * Findings as their fields, read one by one: a written rule's finding makes its message and
 * cells when read (src/core/validate/rule-finding.ts), so two runs' findings are compared by
 * what they say, not by the objects that say it.
 */
export function findingFields(findings: readonly Finding[]): Record<string, unknown>[] {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    sheet: f.sheet,
    unit: f.unit,
    cells: f.cells,
    explanation: f.explanation,
  }));
}

/** A validation result with its findings as their fields (`findingFields`). */
export function validationFields(v: ValidationResult): Record<string, unknown> {
  return { ...v, findings: findingFields(v.findings) };
}
