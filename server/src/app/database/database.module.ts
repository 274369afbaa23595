import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseService, type TableClass } from './database.service';

@Global()
@Module({})
export class DatabaseModule {
  static forTables(tables: TableClass[]): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DatabaseService,
          inject: [APP_CONFIG],
          // Connecting (and migrating) inside the factory makes Nest wait for it before serving.
          useFactory: async (config: AppConfig) => {
            const database = new DatabaseService(config, tables);
            await database.connect();
            return database;
          },
        },
      ],
      exports: [DatabaseService],
    };
  }
}
