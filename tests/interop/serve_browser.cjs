// Drives headless Chromium through `debate-trainer serve` as a class would: for each student
// a tab of its own opens the page, types a name, sees the home screen, starts the Premises
// quiz, types an answer and sees the verdict. Run by tests/interop/test_serve_browser.py.
//
//   node serve_browser.cjs URL SCREENSHOT_DIR NAME=ANSWER [NAME=ANSWER...]
//
// Env: PLAYWRIGHT_CORE (the playwright-core folder), CHROMIUM (the browser), STEP_MS (how
// long each step may wait). Prints one JSON object on stdout: the screen text after each
// step of each tab, every request to a host other than the server's (refused, so the page
// is shown as it is offline), and the page errors. Exit 0 when every step was seen, 1 not.
"use strict";

const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [url, shots, ...students] = process.argv.slice(2);
const STEP_MS = Number(process.env.STEP_MS || 30000);
const origin = new URL(url).origin;

// The terminal (xterm.js) paints on a canvas, so its text is not in the page's DOM. The
// test's copy of textual-serve's script keeps a handle on the terminal it creates, and the
// test reads the screen from the terminal's own buffer, as a student sees it.
const EXPOSE = ["const t=new w(e,{ping:r});", "const t=new w(e,{ping:r});window.__tab=t;"];

function screenText() {
  const tab = window.__tab;
  if (!tab || !tab.terminal) return "";
  const buffer = tab.terminal.buffer.active;
  const lines = [];
  for (let row = 0; row < tab.terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\n");
}

async function waitForText(page, wanted) {
  const deadline = Date.now() + STEP_MS;
  let text = "";
  while (Date.now() < deadline) {
    text = await page.evaluate(screenText);
    if (wanted.every((w) => text.includes(w))) return { ok: true, text };
    await page.waitForTimeout(100);
  }
  return { ok: false, text, wanted };
}

async function student(context, name, answer, report) {
  const page = await context.newPage();
  const steps = [];
  report.tabs.push({ name, steps });
  page.on("pageerror", (error) => report.errors.push(`${name}: ${error.message}`));
  page.on("console", (message) => {
    // A load the page's Content-Security-Policy stopped never reaches the route below.
    if (message.text().includes("Content Security Policy")) report.outside.push(message.text());
  });
  const step = async (label, wanted, action) => {
    if (action) await action();
    const seen = await waitForText(page, wanted);
    steps.push({ label, ...seen });
    await page.screenshot({ path: `${shots}/${name}-${label}.png` });
    if (!seen.ok) throw new Error(`${name}: ${label}: did not see ${JSON.stringify(wanted)}`);
  };
  await page.goto(url);
  await step("name", ["What is your name?"]);
  await page.focus(".xterm-helper-textarea"); // where xterm.js takes the keyboard
  await step("home", ["Start a quiz", "Premises"], async () => {
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
  });
  await step("quiz", ["Premises quiz", "Thesis"], () => page.keyboard.press("Enter"));
  await step("sure", ["How sure are you?"], async () => {
    await page.keyboard.type(answer);
    await page.keyboard.press("Enter");
  });
  // One key before the verdict: Alice is certain, Bob skips saying.
  const sure = name === "Alice" ? "4" : "Enter";
  await step("verdict", ["You wrote: " + answer], () => page.keyboard.press(sure));
}

async function main() {
  const report = { tabs: [], outside: [], errors: [], ok: false };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    await context.route("**/*", async (route) => {
      const request = route.request();
      if (new URL(request.url()).origin !== origin) {
        report.outside.push(request.url());
        return route.abort();
      }
      if (!request.url().endsWith("/static/js/textual.js")) return route.continue();
      const response = await route.fetch();
      const script = await response.text();
      if (!script.includes(EXPOSE[0])) {
        report.errors.push("textual.js no longer starts its terminal as this test expects");
      }
      return route.fulfill({ response, body: script.replace(EXPOSE[0], EXPOSE[1]) });
    });
    const pairs = students.map((word) => word.split("="));
    await Promise.all(pairs.map(([name, answer]) => student(context, name, answer, report)));
    report.ok = report.errors.length === 0;
  } catch (error) {
    report.errors.push(String(error && error.message ? error.message : error));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(report.ok ? 0 : 1);
}

main();
