// What the suite's web pages share, served by every service beside its own page: the API key kept
// in this browser, calls to the service's API with it, and safe building of the page.
// All text from the server is put into a page as text, never as markup.
"use strict";

const KEY_STORAGE = "eventsuite.apiKey";
const $ = (id) => document.getElementById(id);

function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

// Calls the API with the key; a failed call throws with the problem's detail and the status.
async function call(url, options = {}) {
  const headers = Object.assign({ "X-API-Key": apiKey() }, options.headers || {});
  const response = await fetch(url, Object.assign({}, options, { headers }));
  const type = response.headers.get("Content-Type") || "";
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
    localStorage.setItem(KEY_STORAGE, $("api-key").value.trim());
    $("key-state").textContent = "key saved in this browser";
    if (onSaved) onSaved();
  });
}
