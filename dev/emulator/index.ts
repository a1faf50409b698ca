/** The Forge platform emulator: see emulator.ts. */
export { ForgeEmulator, DEFAULT_INSTALL_CONTEXT, STRICT_KVS } from './emulator';
export type { ForgeEmulatorOptions, InvokeOptions, KvsOptions, KvsUsage } from './emulator';
export { FakeClock, VirtualClock } from './clock';
export { PUBLISHED_QUOTAS, UNIT_BYTES, unitsOf, type QuotaLimits } from './kvs-quota';
export type {
  AccountStatus,
  BackendRuntimePayload,
  FaultGate,
  FaultKind,
  FaultSpec,
  FetchInit,
  FetchTarget,
  ForgeFetch,
  ForgeResolverHandler,
  InvocationIdentity,
  PrivacyReportCall,
  ResolverInvocation,
  SampleUser,
} from './types';
export { UserDirectory, DEFAULT_SAMPLE_USERS, SAMPLE_ACCOUNTS } from './users';
export {
  PrivacyReporting,
  DEFAULT_CYCLE_PERIOD_SECONDS,
  PRIVACY_REPORT_MAX_ACCOUNTS,
  PRIVACY_REPORT_PATH,
} from './privacy-route';
export { EmulatedTimeoutError, PausePoint } from './faults';
export { APP_ACCOUNT_ID } from './product-routes';
export { KEY_EXISTS_CODE, KEY_EXISTS_STATUS, DEFAULT_CONFLICT_ANSWER } from './kvs-routes';
export type { ConflictAnswer, QueryLimitReading } from './kvs-routes';
export { parseInstallContext } from './identity-context';
export {
  KEY_MAX_LENGTH,
  KEY_PATTERN,
  VALUE_MAX_BYTES,
  VALUE_MAX_DEPTH,
  QUERY_DEFAULT_LIMIT,
  QUERY_MAX_LIMIT,
  BATCH_MAX_ITEMS,
  TRANSACTION_MAX_OPERATIONS,
} from './kvs-limits';
