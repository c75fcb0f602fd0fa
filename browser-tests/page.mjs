// What the page scripts share: a page in headless Chromium that records what it throws, the
// suite's API-key form and dialog, the look at common widths, and checks that end a script with
// the reason.
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

// Answers the page's own key dialog, which it opens when it has no key or the key was refused;
// returns the reason the dialog gave.
export async function giveKeyInDialog(page, apiKey) {
  await page.waitForSelector("#key-dialog[open]", { timeout: 15000 });
  const reason = await page.textContent("#key-dialog-reason");
  await page.fill("#key-dialog-input", apiKey);
  await page.click("#key-dialog button[value=use]");
  await page.waitForSelector("#key-dialog[open]", { state: "detached" });
  return reason;
}

// Looks at the page at 1400 and 800 pixels wide, as people do on a desktop and a narrow window:
// takes a screenshot of each beside the given path, and fails when the page scrolls sideways, an
// element named overflows its box, or a placeholder does not fit its field.
export async function checkWidths(page, screenshot, elements) {
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: screenshot.replace(/\.png$/, `-${width}.png`), fullPage: true });
    const problems = await page.evaluate((selectors) => {
      const found = [];
      if (document.documentElement.scrollWidth > window.innerWidth) {
        found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
      }
      for (const selector of selectors) {
        for (const node of document.querySelectorAll(selector)) {
          if (node.offsetParent !== null && node.scrollWidth > node.clientWidth + 1) {
            found.push(`${selector} overflows (${node.scrollWidth} px in ${node.clientWidth} px)`);
          }
        }
      }
      const context = document.createElement("canvas").getContext("2d");
      for (const input of document.querySelectorAll("input[placeholder]")) {
        if (input.offsetParent === null) continue;
        const style = getComputedStyle(input);
        context.font = style.font;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (context.measureText(input.placeholder).width > room) {
          found.push(`the placeholder of #${input.id} is cut off`);
        }
      }
      return found;
    }, elements);
    expect(problems.length === 0, `at ${width} px: ${problems.join("; ")}`);
  }
}
