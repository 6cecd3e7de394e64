// Before each test file: temporary files go to the run's folder (global-setup.ts), also for the processes tests start.
import { inject } from 'vitest'

process.env.TMPDIR = inject('testTemporaryFolder')
