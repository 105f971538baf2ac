// The id Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits mapped 0-f → a-p.
import { createHash } from 'node:crypto';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.output/chrome-mv3-dev');
const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
console.log([...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join(''));
