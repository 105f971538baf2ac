// The send view's entry for App.tsx: the view itself is a separate chunk (with lib/send/check and its XSD
// engine behind a further import()), loaded only when the user opens "Wysyłka do KSeF" (STYLE rule 27).
import { lazy } from 'react';

export const LazySendPage = lazy(() => import('./SendPage').then((m) => ({ default: m.SendPage })));
export { useHashTab } from './useHashTab';
