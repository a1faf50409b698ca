/** Sample statement catalogs; they live in dev/harness so the bench can use them too. */
export * from '../../dev/harness/statements';
