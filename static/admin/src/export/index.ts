/** The export button's logic: collect, then download. The UI wires a button to these. */
export { collectExport, exportFileName, ExportError } from './collect';
export type { CollectedExport, CollectOptions, ExportCalls, ExportProgress } from './collect';
export { downloadFile, browserEnvironment } from './download';
export type { DownloadEnvironment } from './download';
export { sha256HexWeb } from './digest';
export { collectKeptReceipt } from './keep';
export type { KeepCalls, KeepWhich, KeptFile } from './keep';
