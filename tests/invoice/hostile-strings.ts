// Hostile strings for the invoice view (issue 7): markup, scripts, javascript: URLs, entity-looking text,
// bidi controls, zero-width and control characters, format strings, SQL, emoji, RTL text and very long text.
// Each base payload also comes wrapped in a bidi override, with a NUL in the middle and padded with
// whitespace, so that every field sees every kind of trouble in several positions.

const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</script><script>alert(document.cookie)</script>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><img src=x onerror=alert(document.domain)>',
  "'><svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">kliknij</a>',
  '<style>*{display:none}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<object data="javascript:alert(1)">',
  '<form action=https://evil.example><input name=nip></form>',
  '<base href="https://evil.example/">',
  '<template><img src=x onerror=alert(1)></template>',
  '<!-- komentarz -->',
  '<!--',
  '-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  ']]>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE html>',
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
  '</Nazwa><Nazwa>wstrzyknięta</Nazwa>',
  '</P_7></FaWiersz><FaWiersz><P_7>dodatkowy wiersz</P_7></FaWiersz><FaWiersz><P_7>',
  '</Podmiot2><Podmiot3><Rola>1</Rola></Podmiot3><Podmiot2>',
  '<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">',
  '<x:y xmlns:x="urn:evil">z</x:y>',
];

const URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'https://evil.example/?q=<x>&a="b"',
  'file:///etc/passwd',
  '../../../../etc/passwd',
  '\\\\serwer\\udział\\plik.exe',
  'chrome-extension://abcdefghijklmnop/options.html',
  'expression(alert(1))',
  'url(javascript:alert(1))',
];

const ENTITY_LOOKING = [
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;',
  '&#60;script&#62;',
  '&#x3C;img src=x onerror=alert(1)&#x3E;',
  '&nbsp;',
  '&unknown;',
  '&',
  '&&;;',
  '&#',
  '%3Cscript%3E',
  '\\u003cscript\\u003e',
];

const BIDI = [
  '\u202Egpj.exe',
  'faktura_\u202Efdp.exe',
  'abc\u202Ddef\u202C',
  '\u202A\u202B\u202C\u202D\u202E',
  '\u2066izolowany\u2069',
  '\u2067\u2068\u2069',
  '\u200Ed\u200Fe',
  'x\u061Cy',
  'Kwota \u202E00,001\u202C zł',
  'PL\u202E61109010140000071219812874',
  '\u202E5265877635',
  '\u2067\u202E\u2066\u202D',
];

const INVISIBLE = [
  '\u200B',
  'Fir\u200Bma',
  'a\u200Cb\u200Dc',
  '\uFEFFBOM',
  'x\u2060y',
  '\u00AD',
  '\u180E',
  '\u3164',
  '\u2800',
];

const CONTROLS = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008',
  '\u000B\u000C',
  '\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F',
  '\u001B[31mczerwony\u001B[0m',
  '\u007F',
  '\u0080\u0081\u0085\u009B\u009F',
  'linia1\nlinia2',
  'linia1\r\nlinia2',
  'linia1\rlinia2',
  '\tz tabulatorem\t',
  'a\u2028b\u2029c',
  '\uFFFE\uFFFF',
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  'x\uDE00y',
];

const FORMAT_AND_CODE = [
  '%s%s%s%n',
  '%x%x%x',
  '{0}',
  '${x}',
  '${alert(1)}',
  '{count}',
  '{rate}',
  '{{7*7}}',
  "{{constructor.constructor('alert(1)')()}}",
  '<%= 7*7 %>',
  '#{7*7}',
  '%(nazwa)s',
  "' OR 1=1 --",
  "'; DROP TABLE invoices; --",
  '" OR ""="',
  '1; SELECT * FROM users',
  "admin'--",
  '__proto__',
  'constructor',
  'toString',
  '{"__proto__":{"polluted":true}}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
];

const TEXT = [
  'Zażółć gęślą jaźń',
  'ZAŻÓŁĆ GĘŚLĄ JAŹŃ',
  '😀👍🏽👨‍👩‍👧‍👦🇵🇱',
  '💩',
  'مرحبا بالعالم',
  'שלום עולם',
  'abc مرحبا 123 שלום',
  'فاتورة رقم ١٢٣',
  '发票 第123号',
  'Ελληνικά',
  'Z̸̢̛̛a̶l̷g̵o̴ t̶e̷x̸t̵',
  'e\u0301\u0301\u0301\u0301',
  '   ',
  '  spacje  na  brzegach  ',
  '\u00A0niełamliwa\u00A0',
  '\u3000pełna szerokość\u3000',
  '',
  'a',
  '"cudzysłów" i \'apostrof\'',
  '<>&"\'',
];

function long(): string[] {
  return [
    'A'.repeat(100_000),
    'ż'.repeat(50_000),
    '😀'.repeat(30_000),
    '<script>'.repeat(5_000),
    'a\u202E'.repeat(3_000),
    '\u202E'.repeat(3_000),
    ' '.repeat(50_000) + 'x',
    'x'.repeat(1_999),
    'x'.repeat(2_000),
    'x'.repeat(2_001),
    'x'.repeat(1_998) + '😀' + 'y',
    'x'.repeat(1_999) + '😀',
    'słowo '.repeat(2_000),
  ];
}

const BASE = [...MARKUP, ...URLS, ...ENTITY_LOOKING, ...BIDI, ...INVISIBLE, ...CONTROLS, ...FORMAT_AND_CODE, ...TEXT];

/** Base payloads, each also wrapped in an override, split by a NUL, and padded; then the long ones. */
export function hostileStrings(): string[] {
  const variants = BASE.flatMap((s) => [s, `\u202E${s}\u202C`, `${s}\u0000${s}`, ` \n\t${s}\r\n `]);
  return [...new Set([...variants, ...long()])];
}

/** Payloads short enough to be put into every field of one invoice without passing the size limit. */
export const LONG_THRESHOLD = 20_000;

/**
 * `text` escaped for an XML text node. Control characters, CR, the XML 1.1 line breaks (which xmldom
 * normalises to LF when literal), noncharacters and lone surrogates go in as numeric character references.
 */
export function xmlEscape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1];
        i++;
        continue;
      }
    }
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    else if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfffe ||
      c === 0xffff ||
      (c >= 0xd800 && c <= 0xdfff)
    ) {
      out += `&#x${c.toString(16).toUpperCase()};`;
    } else out += ch;
  }
  return out;
}

const BIDI_CODES = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const isXmlSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * What the view must show for `raw` put in a field, written independently of lib/invoice/sanitize.ts:
 * XML whitespace collapsed (token fields) or line breaks normalised (multi-line fields), then bidi and
 * control characters dropped, lone surrogates replaced, and the result cut at 2 000 UTF-16 units with "…".
 */
export function expectedDisplay(raw: string, multiline: boolean): string {
  let text = '';
  if (multiline) {
    text = raw.split('\r\n').join('\n').split('\r').join('\n');
  } else {
    let inSpace = false;
    for (const ch of raw) {
      if (isXmlSpace(ch)) inSpace = true;
      else {
        text += (inSpace ? ' ' : '') + ch;
        inSpace = false;
      }
    }
    text = text.startsWith(' ') ? text.slice(1) : text;
  }
  let start = 0;
  let end = text.length;
  while (start < end && isXmlSpace(text[start]!)) start++;
  while (end > start && isXmlSpace(text[end - 1]!)) end--;
  text = text.slice(start, end);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (BIDI_CODES.has(c)) continue;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += '\uFFFD';
      continue;
    }
    out += c >= 0xdc00 && c <= 0xdfff ? '\uFFFD' : text[i]!;
  }
  if (out.length <= 2000) return out;
  let cut = out.slice(0, 1999);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}
