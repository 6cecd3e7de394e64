// Reads the multipart form of a CSV upload (the file, and the CSRF field sent before it) into req.file and req.body, before
// the CSRF check looks for the token. A file over the limit is not an error page: its page says so beside the field.
import type { RequestHandler } from 'express'
import multer from 'multer'
import { BadRequestError } from '../errors.js'
import type { Message } from '../i18n/translate.js'
import { MAX_CSV_BYTES } from '../services/practice-import.js'

export const FILE_TOO_LARGE: Message = { key: 'study:practices.import.errors.tooLarge' }

export function parseCsvUpload(): RequestHandler {
  // The confirm form carries the checked file back as a field, base64: a third larger than the file.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 10, fieldSize: 2 * MAX_CSV_BYTES } }).single(
    'file',
  )
  return (req, res, next) =>
    upload(req, res, (error: unknown) => {
      if (!error) return next()
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
        res.locals.uploadRefusal = FILE_TOO_LARGE
        return next()
      }
      next(error instanceof multer.MulterError ? new BadRequestError() : error)
    })
}
