/** SHA-256 in the browser (Web Crypto), as lowercase hex: the export's checksum. Also works in node 20+. */
export async function sha256HexWeb(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
