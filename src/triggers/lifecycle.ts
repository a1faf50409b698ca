import { recordLifecycleEvent, type LifecycleEvent } from '../domain/receipts/lifecycle-receipt';
import { installationOf } from './installation';
import { defaultLog, errorName, privacyDeps, type TriggerOptions } from './options';

const EVENT_KINDS: Record<string, LifecycleEvent['kind']> = {
  'avi:forge:installed:app': 'app-installed',
  'avi:forge:upgraded:app': 'app-upgraded',
};

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The lifecycle trigger (manifest.yml `trigger` on `avi:forge:installed:app` / `avi:forge:upgraded:app`):
 * appends an `app-installed` / `app-upgraded` receipt. One module per event, so `kind` is known even if the
 * payload carries no `eventType`; when it does, it wins. Only `app.version` is read from the payload.
 */
export function createLifecycleTrigger(kind: LifecycleEvent['kind'], options: TriggerOptions) {
  const log = options.log ?? defaultLog;
  return async (event: unknown, context: unknown): Promise<void> => {
    const where = installationOf(context);
    const appVersion = field(field(event, 'app'), 'version');
    if (!where || typeof appVersion !== 'string' || appVersion.length === 0 || appVersion.length > 64) {
      log(`privacy-panel: ${kind} event ignored: no installation context or app version`);
      return;
    }
    const eventType = field(event, 'eventType');
    const actual = (typeof eventType === 'string' ? EVENT_KINDS[eventType] : undefined) ?? kind;
    try {
      const { appended } = await recordLifecycleEvent(privacyDeps(options), where, { kind: actual, appVersion });
      log(`privacy-panel: ${actual} ${appVersion} ${appended ? 'recorded' : 'already recorded'}`);
    } catch (error) {
      log(`privacy-panel: ${actual} event not recorded (${errorName(error)})`);
    }
  };
}
