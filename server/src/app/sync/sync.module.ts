import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { Broadcaster } from '../realtime/broadcaster';
import { MemberSockets } from '../realtime/member-sockets';
import { ChangeFeed } from './feed/change-feed';
import { MutationLog } from './feed/mutation-log';
import { TombstonePurger } from './feed/tombstone-purger';
import { ChangeHistory } from './history/change-history';
import { RowHistoryService } from './history/row-history.service';
import { PullService } from './pull/pull.service';
import { BatchStore } from './push/batch-store';
import { PushService } from './push/push.service';
import { ServerClock } from './push/server-clock';
import { EntityRestService } from './rest/entity-rest.service';
import { SyncController } from './sync.controller';
import { SyncGateway } from './sync.gateway';
import { SyncedEntityRegistry } from './tables/synced-entity-registry';

/** The generic sync engine, configured with the list of synced entity modules. */
@Global()
@Module({})
export class SyncModule {
  static forEntities(entityModules: readonly Type<unknown>[]): DynamicModule {
    return {
      module: SyncModule,
      imports: [...entityModules],
      controllers: [SyncController],
      providers: [
        {
          provide: SyncedEntityRegistry,
          inject: [DatabaseService],
          useFactory: (database: DatabaseService) =>
            new SyncedEntityRegistry(database, entityModules),
        },
        ServerClock,
        ChangeFeed,
        MutationLog,
        ChangeHistory,
        RowHistoryService,
        BatchStore,
        Broadcaster,
        MemberSockets,
        PushService,
        PullService,
        EntityRestService,
        SyncGateway,
        TombstonePurger,
      ],
      exports: [
        SyncedEntityRegistry,
        MemberSockets,
        PushService,
        PullService,
        EntityRestService,
        RowHistoryService,
        ServerClock,
        TombstonePurger,
      ],
    };
  }
}
