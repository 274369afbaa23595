import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { Broadcaster } from './broadcaster';
import { EntityRestService } from './entity-rest.service';
import { MergeService } from './merge.service';
import { PullService } from './pull.service';
import { ServerClock } from './server-clock';
import { SyncController } from './sync.controller';
import { SyncGateway } from './sync.gateway';
import { SyncedEntityRegistry } from './synced-entity-registry';
import { TombstonePurger } from './tombstone-purger';

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
        Broadcaster,
        MergeService,
        PullService,
        EntityRestService,
        SyncGateway,
        TombstonePurger,
      ],
      exports: [
        SyncedEntityRegistry,
        MergeService,
        PullService,
        EntityRestService,
        ServerClock,
        TombstonePurger,
      ],
    };
  }
}
