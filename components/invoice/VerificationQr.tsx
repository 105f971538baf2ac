// KOD I (NOTES §12): the verification link and its QR code. The QR is drawn as an SVG path built by React
// from the module matrix (never markup in a string). The link is ours (the MF QR host), not invoice data.
import { useMemo } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { encodeQr, qrToSvgPath } from '@/lib/invoice';

export function VerificationQr({ link, lang }: { link: string | undefined; lang: Lang }) {
  const qr = useMemo(() => {
    if (!link || !link.startsWith('https://')) return undefined;
    const { modules } = encodeQr(link);
    return { d: qrToSvgPath(modules), size: modules.length + 8 };
  }, [link]);
  return (
    <section className="kp-inv-section kp-inv-verify">
      <h2>{t(lang, 'invoice_view_verify')}</h2>
      {qr && link ? (
        <div className="kp-inv-verify-body">
          <svg
            role="img"
            aria-label={t(lang, 'invoice_view_qr_label')}
            viewBox={`0 0 ${qr.size} ${qr.size}`}
            width="148"
            height="148"
            shapeRendering="crispEdges"
          >
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
          <div>
            <p>{t(lang, 'invoice_view_verify_hint')}</p>
            <a className="kp-inv-mono kp-inv-link" href={link} target="_blank" rel="noopener noreferrer">
              {link}
            </a>
          </div>
        </div>
      ) : (
        <p className="kp-muted">{t(lang, 'invoice_view_verify_unavailable')}</p>
      )}
    </section>
  );
}
