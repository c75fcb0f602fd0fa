// Drives the anomaly page in headless Chromium as a user would: gives the key the page asks for in
// its dialog, opens an entity from the latest anomalies, sees its series charted with the anomalies
// marked, scores a value live, and looks at the page at common widths; exits non-zero with the
// reason when the page does not behave.
// Usage: node anomaly-page.mjs BASE_URL API_KEY SCREENSHOT_PATH ENTITY EXPECTED_ANOMALIES
import { checkWidths, expect, giveKeyInDialog, withPage } from "./page.mjs";

const [baseUrl, apiKey, screenshot, entity, expectedAnomalies] = process.argv.slice(2);

await withPage(baseUrl, { width: 1280, height: 860 }, async (page) => {
  const reason = await giveKeyInDialog(page, apiKey);
  expect(reason.includes("needs"), `the key dialog said '${reason}'`);
  const link = page.locator("#anomalies .entity-link", { hasText: entity }).first();
  await link.waitFor({ timeout: 15000 });
  await link.click();

  await page.waitForSelector("#chart circle.anomaly", { timeout: 15000 });
  const markers = await page.$$eval("#chart circle.anomaly", (circles) => circles.length);
  expect(markers === Number(expectedAnomalies), `the chart marks ${markers} anomalies, expected ${expectedAnomalies}`);
  const line = await page.getAttribute("#chart polyline", "points");
  expect(line && line.split(" ").length > 10, "the chart has no line");
  const title = await page.textContent("#chart-title");
  expect(title.includes(entity), `the chart is titled '${title}'`);

  await page.fill("#score-value", "95");
  await page.click("#score-form button");
  await page.waitForFunction(() => document.querySelector("#score-result").textContent.length > 0);
  const verdict = await page.textContent("#score-result");
  expect(verdict.includes("would be an anomaly"), `scoring 95 said '${verdict}'`);

  await page.screenshot({ path: screenshot, fullPage: true });
  await checkWidths(page, screenshot, ["header", "main section"]);
});
console.log("anomaly page: asked for the key, opened an entity, saw its anomalies charted, scored a value, fits 1400 and 800 px");
