import {
  BadRequestException,
  Injectable,
  type ArgumentMetadata,
  type PipeTransform,
} from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID route parameter, lowercased: PostgreSQL and the ids in tokens spell UUIDs in lowercase,
 * so comparing one typed in uppercase with them must not depend on its case.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value))
      throw new BadRequestException(`${metadata.data ?? 'id'} must be a UUID`);
    return value.toLowerCase();
  }
}
