// Opens the MoQ probe page in Debian's headless Chromium (playwright-core) and prints its result as JSON.
// Usage: node run.mjs <page-url> <timeout-seconds>
import { chromium } from "playwright-core";

const [pageUrl, timeoutSeconds = "60"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required"],
});
try {
  const page = await browser.newPage();
  const consoleLines = [];
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.__moqResult && window.__moqResult.done, null,
    { timeout: Number(timeoutSeconds) * 1000, polling: 250 });
  const result = await page.evaluate(() => window.__moqResult);
  result.console = consoleLines.slice(-50);
  process.stdout.write(JSON.stringify(result) + "\n");
} finally {
  await browser.close();
}
