// Draws each report chart from its <script type="application/json"> block with chart.js, then shows it.
// Progressive enhancement only: the table beside every chart holds the same figures, with or without this file.
// Every word comes from the page (the JSON blocks' labels and the container's data-points-label, from the catalogue); numbers are written the way the
// page's language writes them (<html lang>), so a Dutch page's chart says "62,5" where an English one says "62.5".
const Chart = globalThis.Chart
const LANGUAGE = document.documentElement.lang || 'en-GB'
const NUMBER = new Intl.NumberFormat(LANGUAGE)

const BLUE = '#005eb8'
const GREY = '#425563'
const PURPLE = '#330072'
const GREEN = '#006747'
const ORANGE = '#9a4a00'
const PINK = '#ae2573'

function dataset(series) {
  const common = { label: series.label, data: series.values, borderWidth: 2, spanGaps: false }
  switch (series.style) {
    case 'dashed':
      return { ...common, borderColor: GREY, backgroundColor: 'rgba(66, 85, 99, 0.08)', borderDash: [6, 4], pointStyle: 'rect', pointBackgroundColor: GREY }
    case 'dotted':
      return { ...common, borderColor: PURPLE, backgroundColor: PURPLE, borderDash: [2, 3], pointStyle: 'triangle', pointRadius: 5 }
    case 'dashdot':
      return { ...common, borderColor: GREEN, backgroundColor: GREEN, borderDash: [8, 3, 2, 3], pointStyle: 'rectRot', pointRadius: 5 }
    case 'longdash':
      return { ...common, borderColor: ORANGE, backgroundColor: ORANGE, borderDash: [12, 4], pointStyle: 'star', pointRadius: 6 }
    case 'dashdotdot':
      return { ...common, borderColor: PINK, backgroundColor: PINK, borderDash: [8, 3, 2, 3, 2, 3], pointStyle: 'crossRot', pointRadius: 6 }
    case 'outlined':
      return { ...common, borderColor: PURPLE, backgroundColor: '#ffffff' }
    case 'filled':
      return { ...common, borderColor: BLUE, backgroundColor: BLUE }
    default:
      return { ...common, borderColor: BLUE, backgroundColor: 'rgba(0, 94, 184, 0.15)', pointBackgroundColor: BLUE }
  }
}

/** "Organisational contingencies" → ["Organisational", "contingencies"]: long axis labels on several lines leave the radar room. */
function lines(label, width = 14) {
  return label.split(' ').reduce((out, word) => {
    const last = out.at(-1)
    if (last && (last + ' ' + word).length <= width) out[out.length - 1] = last + ' ' + word
    else out.push(word)
    return out
  }, [])
}

/**
 * A scatter's points labelled with their names (the JSON block's labels). Each label goes to the first place beside its
 * point (right, left, above, below, then the corners) that overlaps no point and no label already placed, inside the
 * plot; else further off, joined to its point by a thin line; else the place that overlaps least. Points are placed
 * left to right.
 */
const pointLabels = {
  id: 'lsPointLabels',
  afterDatasetsDraw(chart, _args, options) {
    const names = options.names
    const meta = chart.getDatasetMeta(0)
    if (!names || !meta?.data?.length) return
    const { ctx, chartArea } = chart
    const size = chart.width < 320 ? 9 : 12
    const gap = 7
    ctx.save()
    ctx.font = `${size}px ${Chart.defaults.font.family}`
    ctx.fillStyle = '#212b32'
    ctx.textBaseline = 'middle'
    const points = meta.data.map((el, i) => ({ x: el.x, y: el.y, name: names[i] }))
    const taken = points.map((p) => ({ left: p.x - 6, right: p.x + 6, top: p.y - 6, bottom: p.y + 6 }))
    const overlap = (a, b) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
    const outside = (box) =>
      Math.max(0, chartArea.left - box.left) +
      Math.max(0, box.right - chartArea.right) +
      Math.max(0, chartArea.top - box.top) +
      Math.max(0, box.bottom - chartArea.bottom)
    for (const p of [...points].sort((a, b) => a.x - b.x || a.y - b.y)) {
      const w = ctx.measureText(p.name).width
      const h = size + 2
      // Beside the point first, then further off (up to three lines away) with a thin line back to it.
      const places = [0, 1, 2, 3].flatMap((ring) => {
        const d = gap + ring * h
        return [
          [p.x + d, p.y - h / 2],
          [p.x - d - w, p.y - h / 2],
          [p.x - w / 2, p.y - d - h],
          [p.x - w / 2, p.y + d],
          [p.x + d / 2, p.y - d - h],
          [p.x + d / 2, p.y + d],
          [p.x - d / 2 - w, p.y - d - h],
          [p.x - d / 2 - w, p.y + d],
        ].map(([left, top]) => ({ left, top, right: left + w, bottom: top + h, ring }))
      })
      // Covering another point misleads most; then covering a label; leaving the plot is never chosen if anything else fits.
      const cost = (box) => taken.reduce((sum, t, i) => sum + overlap(box, t) * (i < points.length ? 4 : 1), 0) + outside(box) * 1000 + box.ring
      const best = places.reduce((a, b) => (cost(b) < cost(a) ? b : a))
      taken.push(best)
      if (best.ring > 0) {
        const tx = Math.min(Math.max(p.x, best.left), best.right)
        const ty = Math.min(Math.max(p.y, best.top), best.bottom)
        ctx.strokeStyle = '#768692'
        ctx.lineWidth = 1
        ctx.beginPath()
        ctx.moveTo(p.x, p.y)
        ctx.lineTo(tx, ty)
        ctx.stroke()
      }
      ctx.fillText(p.name, best.left, best.top + h / 2)
    }
    ctx.restore()
  },
}

// Text shrinks with the chart, so a chart printed small keeps its proportions.
const fontFor = (large, small) => (context) => ({ size: context.chart.width < 320 ? small : large })

function config(data, words) {
  const legend = { position: 'bottom', labels: { font: fontFor(12, 7), boxWidth: 28 } }
  const ticks = { stepSize: 25, font: fontFor(11, 6) }
  const common = { animation: false, responsive: true, maintainAspectRatio: true, locale: LANGUAGE, plugins: { legend } }
  if (data.type === 'radar') {
    return {
      type: 'radar',
      data: { labels: data.labels.map((label) => lines(label)), datasets: data.series.map(dataset) },
      options: {
        ...common,
        aspectRatio: 1.15,
        scales: { r: { min: data.min, max: data.max, ticks: { ...ticks, backdropColor: 'transparent' }, pointLabels: { font: fontFor(12, 7) } } },
      },
    }
  }
  if (data.type === 'line') {
    // A segment leaving a wave after which the questionnaire's version changed is not drawn: the line breaks there.
    const breaks = new Set(data.breaksAfter ?? [])
    const broken = (context) => (breaks.has(context.p0DataIndex) ? 'transparent' : undefined)
    return {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.series.map((series) => ({ ...dataset(series), fill: false, pointRadius: 4, segment: { borderColor: broken } })),
      },
      options: { ...common, aspectRatio: 1.8, scales: { y: { min: data.min, max: data.max, ticks } } },
    }
  }
  if (data.type === 'hbar') {
    // Bars across, names down the side: long plain names stay readable and never run into the figures.
    return {
      type: 'bar',
      data: { labels: data.labels.map((label) => lines(label, 22)), datasets: data.series.map((series) => ({ ...dataset(series), borderWidth: 1.5 })) },
      options: {
        ...common,
        indexAxis: 'y',
        aspectRatio: 1.5,
        scales: {
          x: { min: data.min, max: data.max, ticks },
          y: { ticks: { font: fontFor(12, 7), autoSkip: false } },
        },
      },
    }
  }
  if (data.type === 'bar') {
    return {
      type: 'bar',
      data: { labels: data.labels, datasets: data.series.map(dataset) },
      options: { ...common, aspectRatio: 1.6, scales: { y: { min: data.min, max: data.max, ticks: { ...ticks, stepSize: data.step ?? ticks.stepSize } } } },
    }
  }
  return {
    type: 'scatter',
    plugins: [pointLabels],
    data: {
      datasets: [{ label: words.pointsLabel, data: data.points.map((p) => ({ x: p.x, y: p.y })), borderColor: BLUE, backgroundColor: BLUE, pointRadius: 5 }],
    },
    options: {
      ...common,
      aspectRatio: 1.3,
      plugins: {
        lsPointLabels: { names: data.points.map((p) => p.label) },
        legend: { display: false },
        tooltip: {
          callbacks: { label: (context) => `${data.points[context.dataIndex].label}: ${NUMBER.format(context.parsed.x)}, ${NUMBER.format(context.parsed.y)}` },
        },
      },
      scales: {
        x: { min: data.min, max: data.max, ticks, title: { display: true, text: data.xLabel } },
        y: { min: data.min, max: data.max, ticks, title: { display: true, text: data.yLabel } },
      },
    },
  }
}

if (Chart) {
  // The page's own font (static/css/linkscore.css), so chart text looks the same on every machine.
  Chart.defaults.font.family = '"Source Sans 3", Arial, sans-serif'
  Chart.defaults.color = '#212b32'
  const charts = []
  for (const container of document.querySelectorAll('[data-chart-data]')) {
    const source = document.getElementById(container.dataset.chartData)
    const canvas = container.querySelector('canvas')
    if (!source || !canvas) continue
    container.hidden = false
    charts.push(new Chart(canvas, config(JSON.parse(source.textContent), container.dataset)))
    container.classList.add('ls-chart--drawn')
  }
  // A canvas draws with whatever font is loaded at the time: redraw once the page font is.
  document.fonts.load('12px "Source Sans 3"').then(() => charts.forEach((chart) => chart.update('none')))
  // Printing changes the page width: redraw at the printed size rather than scaling the screen bitmap.
  const resize = () => charts.forEach((chart) => chart.resize())
  globalThis.addEventListener('beforeprint', resize)
  globalThis.addEventListener('afterprint', resize)
}
