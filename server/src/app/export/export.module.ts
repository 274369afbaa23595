import { Module } from '@nestjs/common';
import { ExportController } from './export.controller';
import { HouseholdBackupService } from './household-backup.service';
import { HouseholdRestoreService } from './household-restore.service';
import { TransactionsExportService } from './transactions-export.service';

/** Transactions as CSV, and the household backup and its restore (FINANCE §5). */
@Module({
  controllers: [ExportController],
  providers: [TransactionsExportService, HouseholdBackupService, HouseholdRestoreService],
})
export class ExportModule {}
