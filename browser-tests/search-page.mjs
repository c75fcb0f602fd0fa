// Drives the search page in headless Chromium as a user would: gives a wrong key, searches and is
// asked for the right one in the page's dialog, opens the first result, uploads a file, and looks
// at the page at common widths; exits non-zero with the reason when the page does not behave.
// Usage: node search-page.mjs BASE_URL API_KEY SCREENSHOT_PATH UPLOAD_FILE
import { checkWidths, expect, giveKeyInDialog, useKey, withPage } from "./page.mjs";

const [baseUrl, apiKey, screenshot, uploadFile] = process.argv.slice(2);

await withPage(baseUrl, { width: 1280, height: 900 }, async (page) => {
  await useKey(page, "not-the-key");
  await page.fill("#query", "how do I restart the broker");
  await page.selectOption("#mode", "hybrid");
  await page.click("#search-button");
  const reason = await giveKeyInDialog(page, apiKey);
  expect(reason.includes("refused"), `the key dialog said '${reason}'`);
  await page.waitForSelector("#results li", { timeout: 15000 });
  const saved = await page.inputValue("#api-key");
  expect(saved === apiKey, "the key given in the dialog is not the page's key");

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
  await checkWidths(page, screenshot, ["header", "main section", "#document dd"]);
});
console.log("search page: asked for the key, searched, opened a document, uploaded a file, fits 1400 and 800 px");
