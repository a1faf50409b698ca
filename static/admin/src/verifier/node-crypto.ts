/**
 * What the verifier's hashing (src/domain/canonical) needs of `node:crypto`, for the offline verifier page:
 * SHA-256 of UTF-8 text as hex, synchronously, by @noble/hashes (audited, no dependencies). The build aliases
 * `node:crypto` to this module; nothing else of node's is used.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

interface Hash {
  update(text: string, encoding: 'utf8'): Hash;
  digest(encoding: 'hex'): string;
}

/** `createHash('sha256')`: the only algorithm the verifier asks for, and the only one its type admits. */
export function createHash(_algorithm: 'sha256'): Hash {
  const chunks: string[] = [];
  const hash: Hash = {
    update: (text) => {
      chunks.push(text);
      return hash;
    },
    digest: () => bytesToHex(sha256(utf8ToBytes(chunks.join('')))),
  };
  return hash;
}
