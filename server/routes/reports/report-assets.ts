// The stylesheet and scripts the report pages add to the layout: chart.js, then our file that draws from the JSON blocks.
export const REPORT_ASSETS = {
  stylesheets: ['/static/css/reports.css'],
  scripts: [
    { src: '/vendor/chart.js/chart.umd.min.js', module: false },
    { src: '/static/js/report-charts.js', module: true },
  ],
}
