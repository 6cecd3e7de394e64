// Builds every repository over one database, or over one transaction of it.
import type { Kysely } from 'kysely'
import type { LinkscoreDatabase } from './database.js'
import { auditLogRepository } from './repositories/audit-log-repository.js'
import { exclusionRepository } from './repositories/exclusion-repository.js'
import { exportRepository } from './repositories/export-repository.js'
import { invitationAddressRepository } from './repositories/invitation-address-repository.js'
import { invitationRepository } from './repositories/invitation-repository.js'
import { practiceActionRepository } from './repositories/practice-action-repository.js'
import { practiceRepository } from './repositories/practice-repository.js'
import { programmeRepository } from './repositories/programme-repository.js'
import { questionnaireVersionRepository } from './repositories/questionnaire-version-repository.js'
import { rateLimitRepository } from './repositories/rate-limit-repository.js'
import { fieldworkRepository } from './repositories/fieldwork-repository.js'
import { reportRepository } from './repositories/report-repository.js'
import { responseRepository } from './repositories/response-repository.js'
import { scoringRepository } from './repositories/scoring-repository.js'
import { sessionRepository } from './repositories/session-repository.js'
import { settingRepository } from './repositories/setting-repository.js'
import { signInFailureRepository } from './repositories/sign-in-failure-repository.js'
import { staffUserRepository } from './repositories/staff-user-repository.js'
import { waveRepository } from './repositories/wave-repository.js'
import type { Repositories } from './repository-interfaces.js'
import type { Schema } from './schema.js'

export function createRepositories(database: LinkscoreDatabase): Repositories {
  return repositoriesOver(database.db, database)
}

function repositoriesOver(db: Kysely<Schema>, database: LinkscoreDatabase): Repositories {
  const repos: Repositories = {
    programmes: programmeRepository(db),
    practices: practiceRepository(db),
    waves: waveRepository(db),
    invitations: invitationRepository(db),
    invitationAddresses: invitationAddressRepository(db),
    responses: responseRepository(db),
    questionnaireVersions: questionnaireVersionRepository(db),
    exports: exportRepository(db, database),
    settings: settingRepository(db),
    sessions: sessionRepository(db),
    staffUsers: staffUserRepository(db),
    signInFailures: signInFailureRepository(db),
    auditLog: auditLogRepository(db),
    rateLimits: rateLimitRepository(db),
    scoring: scoringRepository(db),
    reports: reportRepository(db),
    fieldwork: fieldworkRepository(db),
    exclusions: exclusionRepository(db),
    actions: practiceActionRepository(db),
    transaction: (work) => (db.isTransaction ? work(repos) : db.transaction().execute((trx) => work(repositoriesOver(trx, database)))),
    close: () => database.close(),
  }
  return repos
}
