import { budgetMonths } from '@finwise/domain';
import { describeSyncedEntity } from '../../../testing/describe-synced-entity';

describeSyncedEntity(budgetMonths);
