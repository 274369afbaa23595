import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { AuthModule } from './auth/auth.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { DATABASE_TABLES } from './database-tables';
import { SYNCED_ENTITY_MODULES } from './entities';
import { HealthController } from './health/health.controller';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { ExportModule } from './export/export.module';
import { FinanceModule } from './finance/finance.module';
import { SyncModule } from './sync/sync.module';
import { MembersModule } from './tenants/members/members.module';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const clientDir =
      config.clientDir && existsSync(join(config.clientDir, 'index.html'))
        ? config.clientDir
        : null;
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        DatabaseModule.forTables(DATABASE_TABLES),
        RateLimitsModule,
        AuthModule,
        SyncModule.forEntities(SYNCED_ENTITY_MODULES),
        FinanceModule,
        ExportModule,
        MembersModule,
        ApiDocsModule,
        ...(clientDir
          ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}'] })]
          : []),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    };
  }
}
