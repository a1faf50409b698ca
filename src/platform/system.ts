import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '../domain/platform-ports';
import type { Backoff } from '../domain/storage/gapless-sequence';

export const systemClock: Clock = { now: () => new Date() };

export const systemIds: IdSource = {
  uuid: () => randomUUID(),
  randomHex: (bytes) => randomBytes(bytes).toString('hex'),
};

/** Real timers for a writer that lost a sequence number (src/domain/storage/gapless-sequence.ts). */
export const systemBackoff: Backoff = {
  random: () => Math.random(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => performance.now(),
};
