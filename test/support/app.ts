/** The app on the emulator for tests; it lives in dev/harness so the bench can use it too. */
export * from '../../dev/harness/app';
