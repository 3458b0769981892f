// The /ByteRange of a PDF signature dictionary, as the signer writes it and the inspector reads it
// (four integers: the signed bytes before and after the /Contents hex string). Pure syntax.
/** Where each signature sits: found in the raw bytes, so even a damaged file yields what can be read. */
export const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
