import { budgetMoves } from '@finwise/domain';
import { describeSyncedEntity } from '../../../testing/describe-synced-entity';

describeSyncedEntity(budgetMoves);
