import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '../domain/ports';

export const systemClock: Clock = { now: () => new Date() };

export const systemIds: IdSource = {
  uuid: () => randomUUID(),
  randomHex: (bytes) => randomBytes(bytes).toString('hex'),
};
