// What the page scripts share: a page in headless Chromium that records what it throws, the
// suite's API-key form, and checks that end a script with the reason.
import { chromium } from "playwright-core";

export const expect = (condition, message) => {
  if (!condition) throw new Error(message);
};

// Opens url in headless Chromium, lets drive(page) act as a user, then checks the page threw
// nothing along the way.
export async function withPage(url, viewport, drive) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage({ viewport });
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(url, { waitUntil: "networkidle" });
    await drive(page);
    expect(pageErrors.length === 0, `the page threw: ${pageErrors.join("; ")}`);
  } finally {
    await browser.close();
  }
}

// Gives the page the API key through its key form, as a user does once.
export async function useKey(page, apiKey) {
  await page.fill("#api-key", apiKey);
  await page.click("#key-form button");
}
