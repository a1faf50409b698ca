/** The Atlassian app an installation runs in. Each product installation has its own storage. */
export type Product = 'jira' | 'confluence';
export const PRODUCTS = ['jira', 'confluence'] as const satisfies readonly Product[];
