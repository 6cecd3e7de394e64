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

function dataset(series) {
  const common = { label: series.label, data: series.values, borderWidth: 2, spanGaps: false }
  switch (series.style) {
    case 'dashed':
      return { ...common, borderColor: GREY, backgroundColor: 'rgba(66, 85, 99, 0.08)', borderDash: [6, 4], pointStyle: 'rect', pointBackgroundColor: GREY }
    case 'dotted':
      return { ...common, borderColor: PURPLE, backgroundColor: PURPLE, borderDash: [2, 3], pointStyle: 'triangle', pointRadius: 5 }
    case 'dashdot':
      return { ...common, borderColor: GREEN, backgroundColor: GREEN, borderDash: [8, 3, 2, 3], pointStyle: 'rectRot', pointRadius: 5 }
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
    data: {
      datasets: [{ label: words.pointsLabel, data: data.points.map((p) => ({ x: p.x, y: p.y })), borderColor: BLUE, backgroundColor: BLUE, pointRadius: 5 }],
    },
    options: {
      ...common,
      aspectRatio: 1.3,
      plugins: {
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
