// Fiscal (ZATCA) building blocks. Phase 1 QR today; Phase 2 (XML, hash, signature, reporting) lands here too.
export { encodeTlv, decodeTlv, TLV_MAX_VALUE_BYTES, type TlvField, type DecodedTlv } from './tlv';
export { halalasToSar } from './amount';
export {
  zatcaPhase1Tlv,
  zatcaPhase1Qr,
  zatcaQrForReceipt,
  parseZatcaQr,
  ZATCA_QR_MAX_CHARS,
  type ZatcaPhase1Fields,
} from './zatca-qr';
