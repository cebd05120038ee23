/**
 * The rule language (rules.md): parse → typed syntax tree → compiled column-wise evaluator,
 * rule tables, and confront() over a dataset. See each module for details.
 */
export type * from './ast';
export { walk } from './ast';
export { parseRule, type ParseResult } from './parse';
export {
  compileRule,
  compileAst,
  missingItemIssue,
  DEFAULT_TOLERANCE,
  type CompileOptions,
  type CompileResult,
  type CompiledRule,
  type RuleRef,
} from './compile';
export {
  FUNCTIONS,
  checkRegistry,
  functionNames,
  lookupFunction,
  type FunctionSpec,
} from './functions';
export {
  columnsDataset,
  formsCatalog,
  type CatalogForm,
  type PlainColumn,
  queryOf,
  queryText,
  sameForm,
  type CellLocation,
  type ColumnsDatasetInit,
  type ItemCatalog,
  type ItemColumn,
  type ItemLookup,
  type ItemQuery,
  type RuleData,
  type RuleDataset,
} from './data';
export { tableDataset, type FormTable, type TableDataset, type TableDatasetInit } from './dataset';
export { issueText, RuleDataError, type RuleIssue, type Token } from './issues';
export {
  buildRules,
  parseRuleTable,
  problemText,
  type Rule,
  type RuleProblem,
  type RuleSet,
  type RuleSpec,
  type RuleTableOptions,
  type Severity,
} from './table';
export { parseTemplate, renderTemplate, formatValue, type MessageTemplate } from './template';
export {
  applies,
  confront,
  describeRecord,
  failingRecords,
  tally,
  type Confrontation,
  type ConfrontRule,
  type FailureCell,
  type FailureDetail,
  type RuleResult,
  type RuleSummary,
} from './confront';
