import { launchBrowser } from '../support/browser.js'
const browser = await launchBrowser()
const page = await browser.newPage()
const base = 'http://localhost:3999'
await page.goto(base + '/p/DEMO01/six-months')
await page.getByRole('button', { name: 'Start now' }).click(); await page.waitForURL(/about-you/)
console.log(await page.locator('#role-8').evaluate((e) => e.outerHTML))
await browser.close()
