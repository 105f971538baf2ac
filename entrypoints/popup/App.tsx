import { t } from '@/lib/i18n';

export function App() {
  const lang = 'pl';
  return (
    <main style={{ width: 320, padding: 16, fontFamily: 'system-ui, sans-serif' }}>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>{t(lang, 'popup_title')}</h1>
      <p>{t(lang, 'popup_not_configured')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t(lang, 'popup_open_options')}
      </button>
    </main>
  );
}
