import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth-context';
import { DatabaseService, type DatabaseKind } from '../database/database.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  async health(): Promise<{ status: 'ok'; db: DatabaseKind }> {
    if (!(await this.database.ping())) throw new ServiceUnavailableException('database unreachable');
    return { status: 'ok', db: this.database.kind };
  }
}
