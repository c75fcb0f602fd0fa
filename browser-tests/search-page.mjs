// Drives the search page in headless Chromium as a user would: gives a wrong key, searches and is
// asked for the right one in the page's dialog, opens the first result, finds an image and sees it
// with what its analysis found, uploads a file, looks at the page at common widths, and deletes the
// image; exits non-zero with the reason when the page does not behave.
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

  await page.fill("#query", "boats moored in a harbour");
  await page.click("#search-button");
  await page.waitForSelector("#results li:first-child .thumb");
  const image = await page.textContent("#results li:first-child .result-title");
  expect(image === "harbour.png", `first image result is '${image}'`);
  await page.waitForFunction(() => document.querySelector("#results li:first-child .thumb").naturalWidth > 0);
  const found = await page.textContent("#results li:first-child .image-analysis");
  expect(/PNG · 48 × 32 px/.test(found) && /Boat/.test(found) && /Harbor/.test(found),
    `the image result says '${found}'`);
  await page.click("#results li:first-child .result-title");
  await page.waitForFunction(() => {
    const picture = document.querySelector("#document-image .picture");
    return picture && picture.naturalWidth === 48;
  });

  await page.fill("#bucket", "inbox");
  await page.fill("#prefix", "notes");
  await page.setInputFiles("#files", uploadFile);
  await page.click("#upload-form button");
  await page.waitForFunction(() => /uploaded|failed/.test(document.querySelector("#upload-results").textContent));
  const uploaded = await page.textContent("#upload-results");
  expect(uploaded.includes("uploaded to inbox/notes/"), `upload said '${uploaded}'`);

  await page.screenshot({ path: screenshot, fullPage: true });
  await checkWidths(page, screenshot, ["header", "main section", "#document dd", ".image-analysis"]);

  page.once("dialog", (dialog) => dialog.accept());
  await page.click("#document-delete");
  await page.waitForFunction(() => /Deleted/.test(document.querySelector("#summary").textContent));
  const left = await page.$$eval("#results li .thumb", (thumbs) => thumbs.length);
  expect(left === 0, `${left} image results left after deleting the image`);
  expect(await page.isHidden("#document"), "the deleted document is still open");
});
console.log("search page: asked for the key, searched, opened a document, showed an image with its"
  + " analysis, uploaded a file, fits 1400 and 800 px, deleted the image");
