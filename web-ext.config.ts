import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode must not try to download or launch a browser: scripts/start.sh launches Debian's Chromium.
export default defineWebExtConfig({ disabled: true });
