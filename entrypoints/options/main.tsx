import '@/components/ui/theme.css';
import '@/components/options/options.css';
import { mountPage } from '@/components/ui/mountPage';
import { createStore } from '@/lib/store';
import { App } from './App';

mountPage('kp-options', { browser, createStore }, (basics) => (
  <App
    {...basics}
    allowSimulator={import.meta.env.MODE === 'development'}
    initialProfileId={new URLSearchParams(location.search).get('profile')}
    initialView={new URLSearchParams(location.search).get('view')}
  />
));
