// Drives Debian's Chromium (never a browser of puppeteer's own) through one check of clients.html and prints the
// page's console lines and then one line "REPORT <json>".
// Usage: node drive.cjs PAGE_URL Y4M_FILE|- TIMEOUT_MS
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [pageUrl, y4m, timeoutMs] = process.argv.slice(2);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
if (y4m !== '-') {
  args.push('--use-file-for-fake-video-capture=' + y4m);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'overshoot-chromium-'));
  let browser;
  let report;
  try {
    browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, userDataDir: profile,
      args, protocolTimeout: Number(timeoutMs) + 5000 });
    const page = await browser.newPage();
    page.on('console', (m) => console.log('console ' + m.type() + ': ' + m.text()));
    page.on('pageerror', (e) => console.log('pageerror: ' + e.message));
    await page.goto(pageUrl, { waitUntil: 'load', timeout: Number(timeoutMs) });
    report = await page.evaluate((ms) => window.runCheck(ms), Number(timeoutMs));
  } catch (e) {
    report = { error: 'driver: ' + (e && e.message ? e.message : String(e)) };
  } finally {
    if (browser) {
      await browser.close();
    }
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log('REPORT ' + JSON.stringify(report));
})();
