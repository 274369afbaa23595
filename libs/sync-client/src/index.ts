export { createSyncClient } from './lib/create-sync-client';
export { SyncClientError, isSyncClientError } from './lib/errors';
export type {
  AnySyncRow,
  ClientWrite,
  CreateInput,
  IdbKeyRangeLike,
  IndexedDbFactoryLike,
  InitialLoadProgress,
  OverwrittenChange,
  Rejection,
  RowChange,
  StopOptions,
  SyncClient,
  SyncClientErrorCode,
  SyncClientOptions,
  SyncRow,
  SyncStatus,
  SyncTable,
  SyncTuning,
  UpdatePatch,
  WriteAllOptions,
} from './lib/public-types';
