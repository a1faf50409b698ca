/** Saving the emulator's state to one JSON file (written atomically: temp file, then rename). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StoreSnapshot } from './kvs-store';
import type { SampleUser } from './types';

export interface PersistedState {
  format: 'privacy-panel-forge-emulator';
  version: 1;
  installations: StoreSnapshot;
  users: SampleUser[];
}

export function loadState(file: string): PersistedState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const state = JSON.parse(text) as Partial<PersistedState>;
  if (state.format !== 'privacy-panel-forge-emulator' || state.version !== 1) {
    throw new Error(`${file} is not a state file of this emulator`);
  }
  return { format: state.format, version: 1, installations: state.installations ?? {}, users: state.users ?? [] };
}

export function saveState(file: string, state: PersistedState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, file);
}
