import { createContext, useCallback, useContext } from 'react';
import { t, type Lang, type MessageKey, type Params } from '../core/messages/index';
import type { TallyHost } from './host';

/** The pane's language; every component reads its text through `useT()`. */
export const LangContext = createContext<Lang>('zh');

/** Which host the UI runs over (./host.ts): the wording of a few buttons and notes follows it. */
export const HostKindContext = createContext<TallyHost['kind']>('office');

export function useLang(): Lang {
  return useContext(LangContext);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * The sentences that say what a host does differently, by the pane's key: on the web page a
 * table is downloaded rather than inserted as a sheet, the report is a file, and there is no
 * open workbook to go to. The parameters are the same as the pane's sentence's.
 */
const FILES_WORDING: Partial<Record<MessageKey, MessageKey>> = {
  'app.name': 'web.title',
  'app.tagline': 'web.tagline',
  'pane.report': 'web.makeReport',
  'pane.insertRules': 'web.downloadRules',
  'pane.insertTargets': 'web.downloadTargets',
  'pane.rulesInserted': 'web.rulesDownloaded',
  'pane.targetsInserted': 'web.targetsDownloaded',
  'pane.stage.rules': 'web.stage.rules',
  'pane.stage.targets': 'web.stage.targets',
  'pane.stage.writing': 'web.stage.writing',
  'pane.stage.reading': 'web.stage.reading',
  'pane.rulesFailed': 'web.rulesFailed',
  'pane.targetsFailed': 'web.targetsFailed',
  'pane.reportFailed': 'web.reportFailed',
  'pane.exported': 'web.exported',
  'pane.exportHint': 'web.exportHint',
  'pane.importedExplanations': 'web.importedExplanations',
  'pane.explanationFailed': 'web.explanationFailed',
  'pane.noForms': 'web.noForms',
  'pane.workerFallback': 'web.workerFallback',
  'pane.notInWorkbook': 'web.inFile',
  'pane.stageHint': 'web.stageHint',
  'pane.hint.retry': 'web.hint.retry',
};

/** The key a host says `key` with. */
export function wording(kind: TallyHost['kind'] | undefined, key: MessageKey): MessageKey {
  return kind === 'files' ? (FILES_WORDING[key] ?? key) : key;
}

export function useT(): Translate {
  const lang = useLang();
  const kind = useContext(HostKindContext);
  return useCallback(
    (key: MessageKey, params?: Params) => t(lang, wording(kind, key), params),
    [lang, kind],
  );
}

export function useHostKind(): TallyHost['kind'] {
  return useContext(HostKindContext);
}
