import { contextField, parseInstallContext } from '../domain/trusted-identity';
import type { Installation } from '../domain/personal-data/types';

/** The installation a trigger runs for, from the platform's `context.installContext`; triggers have no user. */
export function installationOf(context: unknown): Installation | undefined {
  return parseInstallContext(contextField(context, 'installContext'));
}
