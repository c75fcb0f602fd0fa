// What the suite's web pages share, served by every service beside its own page: the API key kept
// in this browser (asked for in the page's own dialog when missing or refused), calls to the
// service's API with it, and safe building of the page.
// All text from the server is put into a page as text, never as markup.
"use strict";

const KEY_STORAGE = "eventsuite.apiKey";
const $ = (id) => document.getElementById(id);

function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

function saveKey(key) {
  localStorage.setItem(KEY_STORAGE, key);
  const field = $("api-key");
  if (field) field.value = key;
  const state = $("key-state");
  if (state) state.textContent = "key saved in this browser";
}

// The page's own key dialog, made on first use: the service never challenges browsers for
// credentials, so no browser login prompt comes in front of the page.
function keyDialog() {
  let dialog = $("key-dialog");
  if (dialog) return dialog;
  dialog = element("dialog");
  dialog.id = "key-dialog";
  const form = element("form");
  form.method = "dialog";
  const reason = element("p");
  reason.id = "key-dialog-reason";
  const label = element("label", null, "API key ");
  const input = element("input");
  input.id = "key-dialog-input";
  input.type = "password";
  input.required = true;
  input.autocomplete = "off";
  label.append(input);
  const where = element("p", "hint",
    "bin/suite up prints it; it is kept in .data/api-key (or SUITE_API_KEY where that is set).");
  const buttons = element("div", "dialog-buttons");
  const cancel = element("button", "secondary", "Cancel");
  cancel.value = "cancel";
  cancel.formNoValidate = true;
  const use = element("button", null, "Use key");
  use.value = "use";
  buttons.append(cancel, use);
  form.append(reason, label, where, buttons);
  dialog.append(form);
  document.body.append(dialog);
  return dialog;
}

// Asks for the key in the page's dialog; resolves once one is given and saved, rejects when the
// user cancels.
function askForKey(reason) {
  const dialog = keyDialog();
  $("key-dialog-reason").textContent = reason;
  $("key-dialog-input").value = "";
  return new Promise((resolve, reject) => {
    dialog.onclose = () => {
      const key = $("key-dialog-input").value.trim();
      if (dialog.returnValue === "use" && key) {
        saveKey(key);
        resolve(key);
      } else {
        reject(new Error("This needs the suite's API key."));
      }
    };
    dialog.returnValue = "";
    dialog.showModal();
  });
}

async function send(url, options) {
  const headers = Object.assign({ "X-API-Key": apiKey() }, options.headers || {});
  return fetch(url, Object.assign({}, options, { headers }));
}

// Calls the API with the key, asking for one first when there is none and again when the service
// refuses it; a failed call throws with the problem's detail and the status. The answer is JSON or
// text by its type, or a Blob with { as: "blob" } (an image to show).
async function call(url, options = {}) {
  if (!apiKey()) await askForKey("This page needs the suite's API key.");
  let response = await send(url, options);
  if (response.status === 401) {
    const refusal = await response.json().catch(() => ({}));
    await askForKey("The service refused the key: " + (refusal.detail || "HTTP 401") + ".");
    response = await send(url, options);
  }
  const type = response.headers.get("Content-Type") || "";
  if (response.status === 204) return null;
  if (response.ok && options.as === "blob") return response.blob();
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : `HTTP ${response.status}`;
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return body;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

// Wires the page's key form (#key-form, #api-key, #key-state); onSaved runs after a key is saved.
function bindKeyForm(onSaved) {
  $("api-key").value = apiKey();
  $("key-state").textContent = apiKey() ? "key saved in this browser" : "";
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveKey($("api-key").value.trim());
    if (onSaved) onSaved();
  });
}
