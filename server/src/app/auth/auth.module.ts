import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { InvitesController } from './invites.controller';
import { MembershipGate } from './membership-gate';
import { PasswordChangeService } from './password-change.service';
import { TenantsController } from './tenants.controller';
import { JWT_SECRET, TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController, TenantsController, InvitesController],
  providers: [
    AuthService,
    PasswordChangeService,
    TokenService,
    MembershipGate,
    {
      provide: JWT_SECRET,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => resolveJwtSecret(config),
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [TokenService, MembershipGate],
})
export class AuthModule {}
