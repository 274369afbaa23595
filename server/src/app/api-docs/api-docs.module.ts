import { Module } from '@nestjs/common';
import { AsyncApiController } from './asyncapi.controller';

/** Machine-readable API documents (the OpenAPI one is mounted by create-app.ts via SwaggerModule). */
@Module({ controllers: [AsyncApiController] })
export class ApiDocsModule {}
