import { t } from '@/lib/i18n';

export function App() {
  const lang = 'pl';
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 24, fontFamily: 'system-ui, sans-serif' }}>
      <h1>{t(lang, 'options_title')}</h1>
      <p>{t(lang, 'options_intro')}</p>
    </main>
  );
}
