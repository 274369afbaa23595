import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { Public } from '../common/auth-context';
import { DatabaseService, type DatabaseKind } from '../database/database.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiJsonResponse(200, 'Health', 'Serving, and the database answers')
  @ApiErrors({ 503: 'The database does not answer' })
  async health(): Promise<{ status: 'ok'; db: DatabaseKind }> {
    if (!(await this.database.ping()))
      throw new ServiceUnavailableException('database unreachable');
    return { status: 'ok', db: this.database.kind };
  }
}
