// Builds every SQLite repository once, over one database connection.
import type { Db } from './database.js'
import { auditLogRepository } from './repositories/audit-log-repository.js'
import { exportRepository } from './repositories/export-repository.js'
import { invitationRepository } from './repositories/invitation-repository.js'
import { practiceRepository } from './repositories/practice-repository.js'
import { programmeRepository } from './repositories/programme-repository.js'
import { questionnaireVersionRepository } from './repositories/questionnaire-version-repository.js'
import { reportRepository } from './repositories/report-repository.js'
import { responseRepository } from './repositories/response-repository.js'
import { scoringRepository } from './repositories/scoring-repository.js'
import { sessionRepository } from './repositories/session-repository.js'
import { settingRepository } from './repositories/setting-repository.js'
import { signInFailureRepository } from './repositories/sign-in-failure-repository.js'
import { staffUserRepository } from './repositories/staff-user-repository.js'
import { waveRepository } from './repositories/wave-repository.js'
import type { Repositories } from './repository-interfaces.js'

export function createRepositories(db: Db): Repositories {
  return {
    programmes: programmeRepository(db),
    practices: practiceRepository(db),
    waves: waveRepository(db),
    invitations: invitationRepository(db),
    responses: responseRepository(db),
    questionnaireVersions: questionnaireVersionRepository(db),
    exports: exportRepository(db),
    settings: settingRepository(db),
    sessions: sessionRepository(db),
    staffUsers: staffUserRepository(db),
    signInFailures: signInFailureRepository(db),
    auditLog: auditLogRepository(db),
    scoring: scoringRepository(db),
    reports: reportRepository(db),
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  }
}
