import { importSettings } from '@finwise/domain';
import { describeSyncedEntity } from '../../../testing/describe-synced-entity';

describeSyncedEntity(importSettings);
