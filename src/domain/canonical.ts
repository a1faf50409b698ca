import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** RFC 8785 (JSON Canonicalization Scheme) text of a JSON value. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 over the canonical JSON of `value`: how statements and receipts are hashed. */
export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

export const GENESIS_HASH = '0'.repeat(64);
export const SHA256_HEX = /^[0-9a-f]{64}$/;
