// components/ui: the shared look (theme.css, imported by each page's main.tsx) and small shared pieces.
export { VerdictView } from './VerdictView';
export { LanguageSwitch } from './LanguageSwitch';
export { useUiLanguage, type UiLanguage } from './useUiLanguage';
