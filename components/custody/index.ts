// components/custody: where a profile's key is (issue 14), the certificate made in the browser, its renewal.
export { CustodyPanel, type CustodyPanelProps } from './CustodyPanel';
export { RenewalOffer, type RenewalOfferProps } from './RenewalOffer';
