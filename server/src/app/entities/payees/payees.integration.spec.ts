import { payees } from '@finwise/domain';
import { describeSyncedEntity } from '../../../testing/describe-synced-entity';

describeSyncedEntity(payees);
