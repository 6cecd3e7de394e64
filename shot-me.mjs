import { chromium } from 'playwright-core'
const base = 'http://localhost:3300'
const [email, password] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
for (const width of [390, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await ctx.newPage()
  await page.goto(base + '/sign-in')
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
  for (const [name, path] of [['programmes', '/programmes'], ['archive-demo', '/programmes/demo/archive'], ['waves', '/programmes/demo/waves'], ['edit', '/programmes/demo/edit'], ['start', '/p/DEMO01/six-months'], ['privacy', '/privacy?programme=demo']]) {
    await page.goto(base + path)
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true })
  }
  await ctx.close()
}
await browser.close()
