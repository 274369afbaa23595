import type { Payee } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const PayeesStore = signalStore({ providedIn: 'root' }, withSyncedEntity<Payee>('payees'));
