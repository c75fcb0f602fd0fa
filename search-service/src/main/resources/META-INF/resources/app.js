// The search page: searches, shows documents (images with what their analysis found), deletes
// them and uploads files through the suite's APIs, with suite-page.js's helpers.
"use strict";

let settings = { ingestUrl: "", model: "" };
let lastRequest = null;

const STOP_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for",
  "from", "how", "i", "in", "is", "it", "of", "on", "or", "the", "to", "was", "what", "when",
  "where", "which", "who", "why", "with"]);

/** The snippet with the query's words (whole words, not the commonest) marked, as text nodes only. */
function highlighted(snippet, query) {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  const container = element("p", "snippet");
  if (words.length === 0) {
    container.textContent = snippet;
    return container;
  }
  const pattern = new RegExp(
    "(?<![\\p{L}\\p{N}])(" + words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")
      + ")[\\p{L}]*",
    "giu");
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    container.append(document.createTextNode(snippet.slice(last, match.index)));
    container.append(element("mark", null, match[0]));
    last = match.index + match[0].length;
  }
  container.append(document.createTextNode(snippet.slice(last)));
  return container;
}

function scoreBar(result) {
  const wrapper = element("div", "score");
  const bar = element("div", "bar");
  for (const part of ["semantic", "keyword", "recency"]) {
    const span = element("span", part);
    span.style.width = Math.max(0, Math.min(1, result.scores[part])) * 100 + "%";
    bar.append(span);
  }
  wrapper.append(bar);
  wrapper.append(element("span", null, `score ${result.score.toFixed(3)}`));
  for (const part of ["semantic", "keyword", "recency"]) {
    wrapper.append(element("span", "legend-" + part, `${part} ${result.scores[part].toFixed(3)}`));
  }
  return wrapper;
}

// The bucket object a document came from ({ bucket, name }), or null for a posted document.
function objectOf(doc) {
  const prefix = doc.collection + "/";
  if (!doc.source || !doc.source.startsWith(prefix)) return null;
  return { bucket: doc.collection, name: doc.source.slice(prefix.length) };
}

function objectUrl(bucket, name) {
  const path = name.split("/").map(encodeURIComponent).join("/");
  return `${settings.ingestUrl}/api/v1/buckets/${encodeURIComponent(bucket)}/objects/${path}`;
}

function isImage(doc) {
  return (doc.contentType || "").startsWith("image/") && objectOf(doc) !== null;
}

// An <img> of the document's object, fetched from ingest-service with the key.
function imageOf(doc, className) {
  const object = objectOf(doc);
  const image = element("img", className);
  image.alt = doc.title || object.name;
  call(objectUrl(object.bucket, object.name), { as: "blob" })
    .then((blob) => { image.src = URL.createObjectURL(blob); })
    .catch(() => { image.replaceWith(element("span", "hint", "(the image could not be loaded)")); });
  return image;
}

// What the image analysis found, from the image.* metadata ingest-service writes.
function analysis(metadata) {
  const m = metadata || {};
  const parts = [m["image.format"],
    m["image.width"] && m["image.height"] ? `${m["image.width"]} × ${m["image.height"]} px` : null,
    m["image.taken"] ? "taken " + m["image.taken"] : null,
    m["image.camera"] ? "with " + m["image.camera"] : null].filter(Boolean);
  const box = element("div", "image-analysis");
  box.append(element("span", null, parts.join(" · ")));
  if (m["image.labels"]) {
    const labels = element("ul", "labels");
    for (const label of m["image.labels"].split(",")) labels.append(element("li", null, label.trim()));
    box.append(element("span", null, " shows "), labels);
  }
  return box;
}

function renderResult(result, query) {
  const item = element("li", "result");
  item.dataset.documentId = result.documentId;
  const title = element("button", "result-title", result.title || result.source || result.documentId);
  title.type = "button";
  title.addEventListener("click", () => openDocument(result.documentId));
  item.append(title);
  const meta = [result.source, result.category, result.contentType,
    result.createdAt ? new Date(result.createdAt).toLocaleDateString() : null].filter(Boolean);
  item.append(element("div", "result-meta", meta.join(" · ")));
  if (isImage(result)) {
    const figure = element("div", "image-result");
    figure.append(imageOf(result, "thumb"), analysis(result.metadata));
    item.append(figure);
  }
  item.append(highlighted(result.snippet || "", query));
  item.append(scoreBar(result));
  return item;
}

function searchRequest() {
  const request = {
    query: $("query").value.trim(),
    k: Number($("k").value) || 10,
    mode: $("mode").value,
    recencyWeight: Number($("recency").value),
    groupByDocument: $("group").checked,
  };
  const filter = {};
  if ($("collection").value.trim()) filter.collection = $("collection").value.trim();
  const categories = $("categories").value.split(",").map((c) => c.trim()).filter(Boolean);
  if (categories.length) filter.category = categories;
  if ($("content-type").value.trim()) filter.contentType = $("content-type").value.trim();
  if ($("created-after").value) filter.createdAfter = $("created-after").value + "T00:00:00Z";
  if ($("created-before").value) filter.createdBefore = $("created-before").value + "T00:00:00Z";
  if (Object.keys(filter).length) request.filter = filter;
  return request;
}

async function search(request, append) {
  showError("");
  $("search-button").disabled = true;
  try {
    const page = await call("/api/v1/search", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
    if (!append) $("results").replaceChildren();
    for (const result of page.results) $("results").append(renderResult(result, request.query));
    const shown = $("results").children.length;
    $("summary").textContent = shown === 0
      ? "Nothing found."
      : `${shown} result${shown === 1 ? "" : "s"} · ${page.mode} · ${page.tookMs} ms`;
    lastRequest = page.nextCursor ? Object.assign({}, request, { cursor: page.nextCursor }) : null;
    $("more").hidden = !lastRequest;
  } catch (error) {
    showError(error.status === 401 ? "Give a valid API key above." : error.message);
  } finally {
    $("search-button").disabled = false;
  }
}

let openedDocument = null;

async function openDocument(id) {
  try {
    const doc = await call("/api/v1/documents/" + encodeURIComponent(id));
    openedDocument = doc;
    $("document-status").textContent = "";
    $("document-title").textContent = doc.title || doc.source || doc.documentId;
    $("document-image").replaceChildren();
    if (isImage(doc)) $("document-image").append(imageOf(doc, "picture"), analysis(doc.metadata));
    const meta = $("document-meta");
    meta.replaceChildren();
    const rows = [["source", doc.source], ["collection", doc.collection], ["category", doc.category],
      ["content type", doc.contentType], ["created", doc.createdAt], ["updated", doc.updatedAt],
      ["version", doc.version], ["model", doc.model]];
    for (const [key, value] of Object.entries(doc.metadata || {})) rows.push([key, value]);
    for (const [name, value] of rows) {
      if (value === null || value === undefined) continue;
      meta.append(element("dt", null, name), element("dd", null, String(value)));
    }
    const chunks = $("document-chunks");
    chunks.replaceChildren();
    for (const chunk of doc.chunks) chunks.append(element("li", null, chunk.text));
    $("document").hidden = false;
  } catch (error) {
    showError(error.message);
  }
}

// Deletes the open document where it lives: its bucket object, or the posted document; the
// removal then goes through the pipeline and the index forgets it.
async function deleteDocument() {
  const doc = openedDocument;
  const label = doc.title || doc.source || doc.documentId;
  if (!window.confirm(`Delete "${label}"? It leaves its bucket and the search index.`)) return;
  const object = objectOf(doc);
  const url = object
    ? objectUrl(object.bucket, object.name)
    : `${settings.ingestUrl}/api/v1/documents/${encodeURIComponent(doc.documentId)}`;
  $("document-delete").disabled = true;
  try {
    await call(url, { method: "DELETE" });
    for (const item of document.querySelectorAll("#results li.result")) {
      if (item.dataset.documentId === doc.documentId) item.remove();
    }
    $("document").hidden = true;
    $("summary").textContent = `Deleted "${label}"; it leaves the index in a few seconds.`;
  } catch (error) {
    $("document-status").textContent = error.status === 403
      ? "This key may not delete it: " + error.message
      : "Not deleted: " + error.message;
  } finally {
    $("document-delete").disabled = false;
  }
}

async function upload(event) {
  event.preventDefault();
  const bucket = $("bucket").value.trim();
  const prefix = $("prefix").value.trim();
  const list = $("upload-results");
  list.replaceChildren();
  for (const file of $("files").files) {
    const item = element("li", null, `${file.name}: sending…`);
    list.append(item);
    const name = (prefix && !prefix.endsWith("/") ? prefix + "/" : prefix) + file.name;
    try {
      await call(objectUrl(bucket, name), {
        method: "PUT",
        headers: { "Content-Type": file.type || "application/octet-stream" },
        body: file,
      });
      item.textContent = `${file.name}: uploaded to ${bucket}/${name}`;
    } catch (error) {
      item.textContent = `${file.name}: failed (${error.message})`;
      item.className = "error";
    }
  }
}

async function start() {
  bindKeyForm();
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search(searchRequest(), false);
  });
  $("more").addEventListener("click", () => lastRequest && search(lastRequest, true));
  $("recency").addEventListener("input", () => { $("recency-value").textContent = $("recency").value; });
  $("document-close").addEventListener("click", () => { $("document").hidden = true; });
  $("document-delete").addEventListener("click", deleteDocument);
  $("upload-form").addEventListener("submit", upload);
  try {
    settings = await (await fetch("/api/v1/page")).json();
    $("model").textContent = "queries embedded with " + settings.model;
  } catch (error) {
    showError("The search service does not answer.");
  }
}

start();
