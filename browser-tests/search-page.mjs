// Drives the search page in headless Chromium as a user would: gives the key, searches, opens the
// first result, uploads a file; exits non-zero with the reason when the page does not behave.
// Usage: node search-page.mjs BASE_URL API_KEY SCREENSHOT_PATH UPLOAD_FILE
import { expect, useKey, withPage } from "./page.mjs";

const [baseUrl, apiKey, screenshot, uploadFile] = process.argv.slice(2);

await withPage(baseUrl, { width: 1280, height: 900 }, async (page) => {
  await useKey(page, apiKey);
  await page.fill("#query", "how do I restart the broker");
  await page.selectOption("#mode", "hybrid");
  await page.click("#search-button");
  await page.waitForSelector("#results li", { timeout: 15000 });

  const first = await page.textContent("#results li:first-child .result-title");
  expect(first === "Restarting the broker", `first result is '${first}'`);
  const marked = await page.$$eval("#results li:first-child mark", (marks) => marks.map((m) => m.textContent.toLowerCase()));
  expect(marked.includes("broker"), `the snippet marks ${JSON.stringify(marked)}`);
  const summary = await page.textContent("#summary");
  expect(/result/.test(summary), `summary '${summary}'`);

  await page.click("#results li:first-child .result-title");
  await page.waitForSelector("#document:not([hidden])");
  const chunks = await page.$$eval("#document-chunks li", (items) => items.length);
  expect(chunks === 2, `the document view shows ${chunks} chunks`);

  await page.fill("#bucket", "inbox");
  await page.fill("#prefix", "notes");
  await page.setInputFiles("#files", uploadFile);
  await page.click("#upload-form button");
  await page.waitForFunction(() => /uploaded|failed/.test(document.querySelector("#upload-results").textContent));
  const uploaded = await page.textContent("#upload-results");
  expect(uploaded.includes("uploaded to inbox/notes/"), `upload said '${uploaded}'`);

  await page.screenshot({ path: screenshot, fullPage: true });
});
console.log("search page: searched, opened a document, uploaded a file");
