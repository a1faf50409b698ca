/**
 * Version 2 of the statement model, as statements were published before format 3. Never written again,
 * only read: `factsOf` (facts.ts) brings these facts forward at read time. Format 3 only widened it (lists,
 * the hosting model, locations, record sources and a category's purpose may be `not-stated`), so a version 2
 * fact is a format 3 fact with those fields always stated.
 */
import type {
  DataCategory,
  EgressDestination,
  HostingModel,
  SourceSection,
  StatementChange,
  StatementFacts,
  StorageLocation,
  SubProcessor,
  VendorRecord,
  VendorRecordSource,
} from './types';

export interface DataCategoryV2 extends Omit<DataCategory, 'purpose' | 'location'> {
  purpose: string;
  location: StorageLocation;
}

export interface VendorRecordV2 extends Omit<VendorRecord, 'sources'> {
  sources: VendorRecordSource[];
}

export interface StatementFactsV2 extends Omit<
  StatementFacts,
  'hosting' | 'dataStored' | 'egress' | 'subProcessors' | 'vendorRecords'
> {
  hosting: { model: HostingModel; description?: string };
  dataStored: DataCategoryV2[];
  egress: EgressDestination[];
  subProcessors: SubProcessor[];
  vendorRecords: VendorRecordV2[];
}

export interface StatementSourceV2 {
  format: 2;
  id: string;
  version: number;
  effectiveDate: string;
  change: StatementChange | null;
  facts: StatementFactsV2;
  sections: SourceSection[];
}
