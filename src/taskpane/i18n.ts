import { createContext, useCallback, useContext } from 'react';
import { t, type Lang, type MessageKey, type Params } from '../core/messages/index';

/** The pane's language; every component reads its text through `useT()`. */
export const LangContext = createContext<Lang>('zh');

export function useLang(): Lang {
  return useContext(LangContext);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function useT(): Translate {
  const lang = useLang();
  return useCallback((key: MessageKey, params?: Params) => t(lang, key, params), [lang]);
}
