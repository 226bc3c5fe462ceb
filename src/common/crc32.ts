// CRC-32 (IEEE 802.3), as Go's crc32.ChecksumIEEE: APISIX Ingress Controller derives ADC ids from it.
const table = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Lower-case hex without zero padding (Go's `%x`), as AIC writes ids. */
export function crc32Hex(text: string): string {
  return crc32(text).toString(16);
}
