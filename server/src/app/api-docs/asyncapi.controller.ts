import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth-context';
import { buildAsyncApiDocument, type AsyncApiDocument } from './asyncapi-document';

/** Serves the AsyncAPI description of the /sync socket protocol next to the OpenAPI document. */
@ApiTags('docs')
@Controller()
export class AsyncApiController {
  private document: AsyncApiDocument | null = null;

  @Public()
  @Get('asyncapi.json')
  @ApiOperation({
    summary: 'AsyncAPI 3.0 document of the Socket.IO sync protocol (namespace /sync)',
  })
  @ApiOkResponse({ description: 'The AsyncAPI document', schema: { type: 'object' } })
  asyncApi(): AsyncApiDocument {
    // Built on first request: it never changes while the process runs, and start-up stays lean.
    this.document ??= buildAsyncApiDocument();
    return this.document;
  }
}
