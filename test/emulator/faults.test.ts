import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import api, { route } from '@forge/api';
import { DEFAULT_INSTALL_CONTEXT, EmulatedTimeoutError, ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';

let emulator: ForgeEmulator;
beforeEach(() => {
  emulator = new ForgeEmulator().install();
});
afterEach(() => emulator.uninstall());

async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('injected faults surface from the real @forge/kvs client', () => {
  it('rate-limit → ForgeKvsAPIError, code RATE_LIMIT_EXCEEDED, status 429; nothing written', async () => {
    emulator.injectFault({ kind: 'rate-limit', retryAfterSeconds: 5 });
    const e = await thrown(() => kvs.set('k', 1));
    expect(e).toBeInstanceOf(ForgeKvsAPIError);
    const err = e as ForgeKvsAPIError;
    expect(err.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(err.responseDetails.status).toBe(429);
    expect(err.responseDetails.httpPath).toBe('/api/v1/set');
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).has('k')).toBe(false);
    await kvs.set('k', 1); // the fault is used up
    expect(await kvs.get('k')).toBe(1);
  });

  it('rate-limit answers carry Retry-After on the wire', async () => {
    emulator.injectFault({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const r = await emulator.fetch({ type: 'kvs', provider: 'app', remote: 'kvs' }, '/api/v1/get', {
      method: 'POST',
      body: '{"key":"a"}',
    });
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe('7');
    expect(await r.json()).toEqual({ code: 'RATE_LIMIT_EXCEEDED', message: expect.any(String) });
  });

  it('server-error → ForgeKvsAPIError, code SERVICE_UNAVAILABLE, status 503', async () => {
    emulator.injectFault({ kind: 'server-error' });
    const err = (await thrown(() => kvs.get('k'))) as ForgeKvsAPIError;
    expect(err).toBeInstanceOf(ForgeKvsAPIError);
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.responseDetails.status).toBe(503);
  });

  it('timeout → the client rethrows the fetch rejection: an Error named TimeoutError, not a ForgeKvsAPIError', async () => {
    emulator.injectFault({ kind: 'timeout' });
    const e = await thrown(() => kvs.query().getMany());
    expect(e).toBeInstanceOf(EmulatedTimeoutError);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(ForgeKvsAPIError);
    expect((e as Error).name).toBe('TimeoutError');
  });

  it('honours times, afterCalls and pathPrefix', async () => {
    emulator.injectFault({ kind: 'server-error', pathPrefix: '/api/v1/set', afterCalls: 1, times: 2 });
    await kvs.set('a', 1); // passes (afterCalls)
    expect(await kvs.get('a')).toBe(1); // not matched by the prefix
    await expect(kvs.set('b', 1)).rejects.toBeInstanceOf(ForgeKvsAPIError);
    await expect(kvs.set('b', 1)).rejects.toBeInstanceOf(ForgeKvsAPIError);
    await kvs.set('b', 2);
    expect(await kvs.get('b')).toBe(2);
  });

  it('leaves product calls alone unless the prefix names them', async () => {
    emulator.injectFault({ kind: 'server-error' });
    const asAdmin = {
      installContext: 'ari:cloud:jira::site/33333333-3333-4333-8333-333333333333',
      accountId: SAMPLE_ACCOUNTS.siteAdmin,
    };
    const r1 = await emulator.run(asAdmin, () => api.asUser().requestJira(route`/rest/api/3/myself`));
    expect(r1.status).toBe(200);
    emulator.clearFaults();
    emulator.injectFault({ kind: 'rate-limit', pathPrefix: '/rest/api/3/mypermissions' });
    const r2 = await emulator.run(asAdmin, () =>
      api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`),
    );
    expect(r2.status).toBe(429);
    expect(await kvs.get('x')).toBeUndefined(); // the KVS is not affected by that prefix
  });

  it('clearFaults removes pending faults', async () => {
    emulator.injectFault({ kind: 'timeout', times: 3 });
    emulator.clearFaults();
    await expect(kvs.get('k')).resolves.toBeUndefined();
  });
});
