import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

/** The members of a household: list, remove, leave (FINANCE §7). */
@Module({
  controllers: [MembersController],
  providers: [MembersService],
})
export class MembersModule {}
