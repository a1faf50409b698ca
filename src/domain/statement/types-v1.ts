/**
 * Version 1 of the statement model, as the first published statements were written. Never written again,
 * only read: a published source is immutable (its hash commits to these exact fields). `factsOf` (facts.ts)
 * brings these facts to the current model for the page, the diff and the evidence.
 */
import type { SourceSection, StatementChange, StorageLocation } from './types';

export interface DataCategoryV1 {
  id: string;
  name: string;
  description: string;
  purpose: string;
  location: StorageLocation;
  retention: string;
  personalData: boolean;
}

export interface VendorRecordV1 {
  id: string;
  name: string;
  source: 'atlassian-marketplace' | 'support' | 'website' | 'newsletter' | 'other';
  description: string;
  purpose: string;
  retention: string;
  personalData: boolean;
}

export interface StatementFactsV1 {
  app: { name: string; summary: string };
  vendor: { name: string; website?: string; address?: string; country?: string };
  contact: { email: string; url?: string };
  hosting: { model: 'forge' | 'connect' | 'data-center' | 'server'; description: string };
  dataStored: DataCategoryV1[];
  dataAccessed: { name: string; purpose: string }[];
  egress: { name: string; domain: string; purpose: string; endUserData: boolean }[];
  analytics: { collected: boolean; description: string };
  subProcessors: { name: string; purpose: string; country: string; url?: string }[];
  logs: { endUserData: boolean; storedOutsideAtlassian: boolean; description: string };
  dataResidency: { supported: boolean; description: string };
  uninstall: { description: string; deletedAfterDays?: number };
  vendorRecords?: VendorRecordV1[];
}

/** A version 1 source: no `format` field. */
export interface LegacyStatementSource {
  format?: never;
  id: string;
  version: number;
  effectiveDate: string;
  change: StatementChange | null;
  facts: StatementFactsV1;
  sections: SourceSection[];
}
