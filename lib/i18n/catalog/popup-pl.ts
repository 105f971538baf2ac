// One language of the popup's own strings as a module of its own (lib/i18n/popup.ts imports it on demand):
// through this default export the bundler keeps the catalog one object, not a module of per-key exports.
import catalog from './popup.pl.json';

export default catalog;
