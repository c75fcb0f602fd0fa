// The anomaly page: charts an entity's scored events with its anomalies marked, lists the latest
// anomalies and scores a value live, through anomaly-service's API, with suite-page.js's helpers.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 800, height: 320, left: 56, right: 16, top: 16, bottom: 36 };

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const number = (value) => (value === null || value === undefined ? "–" : Number(value).toLocaleString(undefined, { maximumFractionDigits: 3 }));
const time = (iso) => new Date(iso).toLocaleString();

async function showSeries(event) {
  if (event) event.preventDefault();
  const entity = $("entity").value.trim();
  if (!entity) return;
  showError("");
  const params = new URLSearchParams({ limit: "2000" });
  if ($("metric").value) params.set("metric", $("metric").value);
  if ($("since").value) params.set("since", new Date($("since").value).toISOString());
  try {
    const series = await call(`/api/v1/entities/${encodeURIComponent(entity)}/series?${params}`);
    fillMetrics(series.metrics);
    draw(series);
  } catch (error) {
    $("chart-figure").hidden = true;
    $("flagged").replaceChildren();
    $("chart-title").textContent = "";
    showError(error.message);
  }
}

function fillMetrics(metrics) {
  const chosen = $("metric").value;
  const options = [element("option", null, "all")];
  options[0].value = "";
  metrics.forEach((metric) => {
    const option = element("option", null, metric === "_" ? "(unnamed)" : metric);
    option.value = metric;
    options.push(option);
  });
  $("metric").replaceChildren(...options);
  $("metric").value = metrics.includes(chosen) ? chosen : "";
}

function draw(series) {
  const points = series.points.filter((p) => p.value !== null);
  const chart = $("chart");
  chart.replaceChildren();
  $("chart-title").textContent = `${series.entityId}${$("metric").value ? " / " + $("metric").value : ""}`;
  $("chart-figure").hidden = false;
  const flagged = points.filter((p) => p.anomaly);
  $("chart-summary").textContent = ` · ${points.length} events, ${flagged.length} anomalies`;
  if (points.length === 0) return;

  const times = points.map((p) => Date.parse(p.time));
  const values = points.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  let [v0, v1] = [Math.min(...values), Math.max(...values)];
  if (v0 === v1) { v0 -= 1; v1 += 1; }
  const x = (t) => CHART.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (CHART.width - CHART.left - CHART.right);
  const y = (v) => CHART.height - CHART.bottom - ((v - v0) / (v1 - v0)) * (CHART.height - CHART.top - CHART.bottom);

  chart.append(svg("line", { class: "axis", x1: CHART.left, y1: CHART.height - CHART.bottom, x2: CHART.width - CHART.right, y2: CHART.height - CHART.bottom }));
  chart.append(svg("line", { class: "axis", x1: CHART.left, y1: CHART.top, x2: CHART.left, y2: CHART.height - CHART.bottom }));
  chart.append(svg("text", { class: "label", x: CHART.left - 6, y: y(v1) + 4, "text-anchor": "end" }, number(v1)));
  chart.append(svg("text", { class: "label", x: CHART.left - 6, y: y(v0) + 4, "text-anchor": "end" }, number(v0)));
  chart.append(svg("text", { class: "label", x: CHART.left, y: CHART.height - 12 }, time(t0)));
  chart.append(svg("text", { class: "label", x: CHART.width - CHART.right, y: CHART.height - 12, "text-anchor": "end" }, time(t1)));
  const path = points.map((p, i) => `${x(times[i]).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  chart.append(svg("polyline", { class: "line", points: path }));
  points.forEach((p, i) => {
    if (!p.anomaly) return;
    const marker = svg("circle", { class: "anomaly", cx: x(times[i]).toFixed(1), cy: y(p.value).toFixed(1), r: 5 });
    marker.append(svg("title", {}, `${time(p.time)}: ${number(p.value)} (score ${number(p.score)}, ${p.method})`));
    chart.append(marker);
  });

  $("flagged").replaceChildren(...flagged.slice(-20).reverse().map((p) =>
    element("li", null, `${time(p.time)} · value ${number(p.value)} · score ${number(p.score)} (${p.method})`)));
}

async function showAnomalies() {
  try {
    const found = await call("/api/v1/anomalies?limit=20");
    $("anomalies-empty").hidden = found.anomalies.length > 0;
    $("anomalies").replaceChildren(...found.anomalies.map((anomaly) => {
      const item = element("li");
      const link = element("button", "entity-link", anomaly.entityId + (anomaly.metric ? " / " + anomaly.metric : ""));
      link.type = "button";
      link.addEventListener("click", () => {
        $("entity").value = anomaly.entityId;
        $("metric").replaceChildren(element("option", null, anomaly.metric || "all"));
        $("metric").firstChild.value = anomaly.metric || "";
        showSeries();
      });
      item.append(link, element("div", "meta",
        `${time(anomaly.eventTime)} · value ${number(anomaly.value)} · ${anomaly.feature} score ${number(anomaly.score)} > ${number(anomaly.threshold)} (${anomaly.method})`));
      return item;
    }));
  } catch (error) {
    showError(error.message);
  }
}

async function scoreValue(event) {
  event.preventDefault();
  const entity = $("entity").value.trim();
  if (!entity) {
    $("score-result").textContent = "Choose an entity first.";
    return;
  }
  const request = { entityId: entity, value: Number($("score-value").value) };
  if ($("metric").value) request.metric = $("metric").value;
  try {
    const result = await call("/api/v1/score", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
    const verdict = result.status !== "scored" ? `not scored (${result.reason || result.status})`
      : result.anomaly ? "an anomaly" : "normal";
    $("score-result").textContent = `${number(request.value)} would be ${verdict}: ${result.feature} score ${number(result.score)}, threshold ${number(result.threshold)} (${result.method})`;
    $("score-result").className = result.anomaly ? "flag" : "";
  } catch (error) {
    $("score-result").textContent = error.message;
    $("score-result").className = "error";
  }
}

function start() {
  bindKeyForm(showAnomalies);
  $("series-form").addEventListener("submit", showSeries);
  $("refresh").addEventListener("click", showAnomalies);
  $("score-form").addEventListener("submit", scoreValue);
  showAnomalies();
}

start();
