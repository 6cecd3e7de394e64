// The R script offered beside the CSV exports: value labels and the scale map, written from the questionnaire definitions.
import { LANGUAGES } from '../i18n/languages.js'
import { NOT_RELEVANT_LABELS } from '../questionnaires/answer-labels.js'
import { NOT_RELEVANT_CODES, type Questionnaire } from '../questionnaires/definition-schema.js'
import { itemTypeFor, registeredItemTypes } from '../questionnaires/item-types/item-type-registry.js'
import { allItems, allScales, fillIntervention } from '../questionnaires/questionnaire-model.js'
import { exportFileName, type ExportKind } from './export-kinds.js'
import { STAGE_LABELS } from '../domain/practice.js'
import { PRACTICE_CONTEXT_COLUMNS } from './practice-context.js'
import { RESPONSE_COLUMNS } from './response-rows.js'

export interface RScriptInput {
  programme: { slug: string; name: string; intervention: string }
  /** The waves the file names in the script point at; the person running it can change them. */
  wave: string
  fromWave: string
  questionnaires: readonly Questionnaire[]
  generatedOn: string
}

/** An R string literal in plain ASCII, so the script reads the same in any locale. */
export function rString(text: string): string {
  let out = '"'
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (ch === '\\' || ch === '"') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code === 0)
      continue // R strings cannot hold NUL
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else if (code > 0x7e) out += code > 0xffff ? `\\U{${code.toString(16)}}` : `\\u{${code.toString(16)}}`
    else out += ch
  }
  return `${out}"`
}

const VARIABLE = '\u0001'

/** The file name an export is downloaded under, as R that builds it from linkscore_wave and linkscore_from_wave. */
function rFileName(programmeSlug: string, kind: ExportKind): string {
  const name = exportFileName(programmeSlug, kind, { wave: `${VARIABLE}linkscore_wave${VARIABLE}`, from: `${VARIABLE}linkscore_from_wave${VARIABLE}` })
  const parts = name
    .split(VARIABLE)
    .map((part, i) => (i % 2 ? part : part && rString(part)))
    .filter(Boolean)
  return parts.length === 1 ? parts[0]! : `paste0(${parts.join(', ')})`
}

const rVector = (values: readonly string[]) => `c(${values.map(rString).join(', ')})`
const rNamedVector = (entries: readonly [string, string][]) => `c(${entries.map(([name, value]) => `${rString(name)} = ${rString(value)}`).join(', ')})`
const rList = (entries: readonly [string, string][]) =>
  entries.length ? `list(\n${entries.map(([name, value]) => `  ${rString(name)} = ${value}`).join(',\n')}\n)` : 'list()'
/** R testing that `expr`, one type name, is among `types`. */
const rIsType = (expr: string, types: readonly string[]) => (types.length === 1 ? `${expr} == ${rString(types[0]!)}` : `${expr} %in% ${rVector(types)}`)
const rTable = (columns: readonly string[], rows: readonly string[][]) =>
  `.linkscore_table(${rVector(columns)}, list(${rows.length ? '\n' : ''}${rows.map((row) => `  ${rVector(row)}`).join(',\n')}${rows.length ? '\n' : ''}))`

export function rScript({ programme, wave, fromWave, questionnaires, generatedOn }: RScriptInput): string {
  const fill = (text: string) => fillIntervention(text, programme.intervention)
  const key = (q: Questionnaire, itemId: string) => `${q.id}/${itemId}`
  const items = questionnaires.flatMap((q) => allItems(q).map((item) => ({ q, item })))
  const file = (kind: ExportKind) => rFileName(programme.slug, kind)

  const itemRows = items.map(({ q, item }) => {
    const itemType = itemTypeFor(item)
    return [
      q.id,
      String(q.version),
      item.id,
      item.type,
      itemType.codebookFields(item).scalePath?.join('/') ?? '',
      itemType.numericRange(item)?.reverse ? 'TRUE' : 'FALSE',
      item.settings.join('|'),
      fill(item.text),
    ]
  })
  const optionEntries = items.flatMap(({ q, item }): [string, string][] => {
    const itemType = itemTypeFor(item)
    return itemType.r.optionLabels ? [[key(q, item.id), rNamedVector(itemType.valueLabels(item).map(({ code, label }) => [code, fill(label)]))]] : []
  })
  const notRelevantEntries = items.flatMap(({ q, item }): [string, string][] => {
    const codes = itemTypeFor(item).notRelevantCodes(item)
    return codes.length ? [[key(q, item.id), rVector(codes)]] : []
  })
  const types = registeredItemTypes()
  const typesWhere = (test: (t: (typeof types)[number]) => boolean) => types.filter(test).map((t) => t.type)
  const fixedLabels = types.flatMap((t) => (t.r.fixedLabels ? [`linkscore_${t.type}_labels <- ${rVector(t.r.fixedLabels)}\n`] : [])).join('')
  const labelledArms = types.flatMap((t) => (t.r.labelled ? [`    ${t.type} = ${t.r.labelled},\n`] : [])).join('')
  const answerLabels = types.map((t) => t.r.answerLabels).join('')
  const scaleRows = questionnaires.flatMap((q) => allScales(q).map((s) => [q.id, s.level, s.path.join('/'), s.node.name]))

  return `# Linkscore: reads the CSV exports of ${programme.name} into R with value labels and the scale map.
#
# Written by Linkscore on ${generatedOn} from the questionnaire definitions it was using:
#   ${questionnaires.map((q) => `${q.id} version ${q.version}`).join(', ')}.
# Download it again when the questionnaires change: the tables below are generated, not typed.
#
# How to use it:
#   1. Download the CSV files you want from the Exports page into one folder, and keep the names they
#      are given. Put this script in the same folder.
#   2. In R: setwd("that folder"); source(${rString(exportFileName(programme.slug, 'r-script', {}))})
#      To read other waves, set linkscore_wave (and linkscore_from_wave, for the change file) first.
#   3. It reads each file it finds into a data frame:
#        answers     - long: one row per answer, with columns label, number, not_relevant and scale_path added
#        responses   - wide: one row per response; agree items become ordered factors (as.integer() gives 1-5),
#                      single-choice items factors of their labels, multi-choice options 0/1, 0-10 items numbers
#        codebook, scores, scale_stats, change - as exported, with numbers and true/false read as such;
#        an alpha, ICC or CI left empty says why in its *_note column (docs/exports.md lists the codes)
#        actions     - the steering groups' actions for their scorecards' priorities, review_on as a Date
#      Every file with a practice column has the practice's context: list size, deprivation quintile, rurality,
#      social-prescribing model and the implementation stage at the row's wave (an ordered factor).
#      and defines linkscore_items (every item), linkscore_scales (every scale at every level) and
#      linkscore_scale_map (each scored item and the scale path it scores into; reverse items count 6 - x).
#
# "Not relevant" answers (nr_role, nr_stage, nr_intervention) are not scores. By default they become NA
# in responses, with a note of how many. Set linkscore_keep_not_relevant <- TRUE before source() to keep
# them instead as labelled levels after the answer levels (a labelled missing value; the factor is then not
# ordered). In answers the code always stays in value; number is NA and label says which it was.
#
# Base R only; no packages. Item texts are kept as a "label" attribute of each column.

if (!exists("linkscore_wave")) linkscore_wave <- ${rString(wave)}
if (!exists("linkscore_from_wave")) linkscore_from_wave <- ${rString(fromWave)}
if (!exists("linkscore_keep_not_relevant")) linkscore_keep_not_relevant <- FALSE

linkscore_files <- c(
  answers = ${file('answers')},
  responses = ${file('responses')},
  codebook = ${file('codebook')},
  scores = ${file('scores')},
  scale_stats = ${file('scale-stats')},
  change = ${file('change')},
  actions = ${file('actions')}
)

.linkscore_table <- function(columns, rows) {
  m <- if (length(rows)) do.call(rbind, rows) else matrix(character(0), 0, length(columns))
  d <- as.data.frame(m, stringsAsFactors = FALSE)
  names(d) <- columns
  d
}

# ---- Value labels ---------------------------------------------------------------------------------

${fixedLabels}linkscore_not_relevant_labels <- ${rNamedVector(NOT_RELEVANT_CODES.map((code) => [code, fill(NOT_RELEVANT_LABELS[code])]))}

# Every item of every questionnaire, as in the codebook export.
linkscore_items <- ${rTable(['questionnaire', 'version', 'item', 'type', 'scale_path', 'reverse', 'settings', 'text'], itemRows)}
linkscore_items$version <- as.integer(linkscore_items$version)
linkscore_items$reverse <- linkscore_items$reverse == "TRUE"
linkscore_items$key <- paste(linkscore_items$questionnaire, linkscore_items$item, sep = "/")

# Option codes and their labels for single- and multi-choice items, by "questionnaire/item".
linkscore_options <- ${rList(optionEntries)}

# The "not relevant" codes each item offers, by "questionnaire/item".
linkscore_not_relevant <- ${rList(notRelevantEntries)}

# ---- Scales ---------------------------------------------------------------------------------------

# Every scale at every level, parents before their children; a scale holds the items whose path starts with its own.
linkscore_scales <- ${rTable(['questionnaire', 'level', 'path', 'name'], scaleRows)}

linkscore_scale_map <- linkscore_items[linkscore_items$scale_path != "", c("questionnaire", "item", "scale_path", "reverse")]
rownames(linkscore_scale_map) <- NULL

linkscore_items_in_scale <- function(questionnaire, path) {
  m <- linkscore_scale_map[linkscore_scale_map$questionnaire == questionnaire, ]
  m$item[startsWith(paste0(m$scale_path, "/"), paste0(path, "/"))]
}

# ---- Reading the files ----------------------------------------------------------------------------

.linkscore_read <- function(file) {
  d <- read.csv(file, colClasses = "character", na.strings = "", check.names = FALSE, fileEncoding = "UTF-8")
  # Linkscore writes a cell starting with =, +, -, @, tab or CR with a leading ' so spreadsheets do not run it;
  # take it off again, so analysis sees the text as the respondent typed it.
  d[] <- lapply(d, function(x) sub("^'('*[-=+@\\t\\r])", "\\\\1", x))
  d
}

# Numbers become numbers, and true/false logical; identifiers stay text (a practice code may look like a number).
.linkscore_typed <- function(d, text_columns) {
  for (n in setdiff(names(d), text_columns)) {
    x <- d[[n]]
    d[[n]] <- if (all(x[!is.na(x)] %in% c("true", "false"))) x == "true" else type.convert(x, as.is = TRUE)
  }
  d
}

# The codes of one item as labelled values: a factor of labels, or numbers for a 0-10 item.
linkscore_labelled <- function(key, x) {
  info <- linkscore_items[linkscore_items$key == key, ][1, ]
  nr_codes <- linkscore_not_relevant[[key]]
  keep <- linkscore_keep_not_relevant && length(nr_codes) > 0
  levels_with_nr <- function(codes, labels, ordered) {
    if (keep) {
      codes <- c(codes, nr_codes)
      labels <- c(labels, unname(linkscore_not_relevant_labels[nr_codes]))
    }
    factor(x, levels = codes, labels = labels, ordered = ordered && !keep)
  }
  out <- switch(info$type,
${labelledArms}    x
  )
  attr(out, "label") <- info$text
  out
}

# Which item (and option) a column of the responses file holds: "item", "item__option", or
# "questionnaire__item" when two questionnaires use the same item id.
.linkscore_column <- function(name) {
  p <- strsplit(name, "__", fixed = TRUE)[[1]]
  find <- function(item, prefix = NA) {
    hit <- which(linkscore_items$item == item &
      (is.na(prefix) | gsub("-", "_", linkscore_items$questionnaire, fixed = TRUE) == prefix))
    if (length(hit)) linkscore_items$key[hit[1]] else NA
  }
  is_multi <- function(key) !is.na(key) && ${rIsType(
    'linkscore_items$type[linkscore_items$key == key][1]',
    typesWhere((t) => t.wideLayout === 'column-per-code'),
  )}
  if (length(p) == 1) return(list(key = find(p[1]), option = NA))
  if (length(p) == 2 && is_multi(find(p[1]))) return(list(key = find(p[1]), option = p[2]))
  list(key = find(p[2], p[1]), option = if (length(p) >= 3) p[3] else NA)
}

.linkscore_note <- function(file, n) {
  if (n > 0 && !linkscore_keep_not_relevant) {
    message(file, ": ", n, " \\"not relevant\\" answers read as NA ",
            "(set linkscore_keep_not_relevant <- TRUE to keep them as labelled levels)")
  }
}

# The practice's context: list size and deprivation quintile as numbers, rurality and the stages as factors
# (the stages ordered, from not started to embedded). Every file with a practice column has it.
.linkscore_practice <- function(d) {
  for (n in intersect(c("practice_list_size", "practice_deprivation_quintile"), names(d))) d[[n]] <- as.integer(d[[n]])
  if ("practice_rurality" %in% names(d)) d$practice_rurality <- factor(d$practice_rurality, levels = c("urban", "rural"))
  for (n in intersect(c("practice_stage", "practice_stage_from", "practice_stage_to"), names(d))) {
    d[[n]] <- factor(d[[n]], levels = ${rVector(Object.keys(STAGE_LABELS))}, labels = ${rVector(Object.values(STAGE_LABELS))}, ordered = TRUE)
  }
  d
}

# 1 in the excluded column: an evaluator set the response aside, so it is in no score (see the exclusions page).
.linkscore_excluded <- function(d) {
  if ("excluded" %in% names(d)) d$excluded <- d$excluded == "1"
  # The language each response was given in: its answers' codes are the same in every language.
  if ("language" %in% names(d)) d$language <- factor(d$language, levels = ${rVector(LANGUAGES)})
  d
}

linkscore_read_responses <- function(file) {
  d <- .linkscore_practice(.linkscore_excluded(.linkscore_read(file)))
  d$response_id <- as.integer(d$response_id)
  not_relevant <- 0
  for (name in setdiff(names(d), ${rVector([...RESPONSE_COLUMNS, ...PRACTICE_CONTEXT_COLUMNS])})) {
    column <- .linkscore_column(name)
    if (is.na(column$key)) next
    text <- linkscore_items$text[linkscore_items$key == column$key][1]
    if (!is.na(column$option)) {
      d[[name]] <- as.integer(d[[name]])
      attr(d[[name]], "label") <- paste0(text, ": ", linkscore_options[[column$key]][column$option])
    } else {
      not_relevant <- not_relevant + sum(d[[name]] %in% names(linkscore_not_relevant_labels))
      d[[name]] <- linkscore_labelled(column$key, d[[name]])
    }
  }
  .linkscore_note(file, not_relevant)
  d
}

linkscore_read_answers <- function(file) {
  d <- .linkscore_practice(.linkscore_excluded(.linkscore_read(file)))
  d$response_id <- as.integer(d$response_id)
  d$questionnaire_version <- as.integer(d$questionnaire_version)
  key <- paste(d$questionnaire, d$item, sep = "/")
  type <- linkscore_items$type[match(key, linkscore_items$key)]
  d$not_relevant <- d$value %in% names(linkscore_not_relevant_labels)
  d$number <- ifelse(type %in% ${rVector(typesWhere((t) => t.r.numeric))} & !d$not_relevant, suppressWarnings(as.numeric(d$value)), NA_real_)
  d$label <- d$value
  for (k in unique(key[type %in% ${rVector(typesWhere((t) => t.r.optionLabels))}])) {
    i <- key == k
    d$label[i] <- unname(linkscore_options[[k]][d$value[i]])
  }
${answerLabels}  d$label[d$not_relevant] <- unname(linkscore_not_relevant_labels[d$value[d$not_relevant]])
  d$scale_path <- linkscore_items$scale_path[match(key, linkscore_items$key)]
  d
}

linkscore_read_codebook <- function(file) .linkscore_read(file)
.linkscore_context_text <- c("practice_rurality", "practice_sp_model", "practice_stage", "practice_stage_from", "practice_stage_to")
linkscore_read_scores <- function(file) {
  .linkscore_practice(.linkscore_typed(.linkscore_read(file), c("practice_code", "wave", "questionnaire", "level", "scale", "band", "ci_note", .linkscore_context_text)))
}
linkscore_read_scale_stats <- function(file) .linkscore_typed(.linkscore_read(file), c("questionnaire", "level", "scale", "icc1_note", "icc2_note", "alpha_note"))
linkscore_read_actions <- function(file) {
  d <- .linkscore_practice(.linkscore_read(file))
  d$review_on <- as.Date(d$review_on)
  d
}
linkscore_read_change <- function(file) {
  .linkscore_practice(.linkscore_typed(.linkscore_read(file), c("practice_code", "questionnaire", "level", "scale", "from_wave", "to_wave", .linkscore_context_text)))
}

# ---- Read what is here ----------------------------------------------------------------------------

for (.linkscore_name in names(linkscore_files)) {
  .linkscore_file <- linkscore_files[[.linkscore_name]]
  if (file.exists(.linkscore_file)) {
    assign(.linkscore_name, get(paste0("linkscore_read_", .linkscore_name))(.linkscore_file))
    message("Read ", .linkscore_file, " into ", .linkscore_name, ": ", nrow(get(.linkscore_name)), " rows")
  }
}
rm(.linkscore_name, .linkscore_file)
`
}
