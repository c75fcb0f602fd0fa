// The suite's deployment rules, checked over rendered overlays: node policy.mjs RENDERED.yaml...
// Prints each rule broken, with the object; exits 1 if any is.
import fs from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";

// A consumer runs usefully on at most as many replicas as its topic has partitions (the defaults of
// terraform/'s stream_partitions and of the local broker).
const PARTITIONS = { "ingest-service": 1, "enrich-service": 3, "embed-service": 2, "anomaly-service": 3 };
const PROBES = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };

const matches = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  Object.keys(selector?.matchLabels ?? {}).length > 0;

function podSpecOf(o) {
  if (["Deployment", "StatefulSet", "Job"].includes(o.kind)) return o.spec.template;
  return null;
}

function check(file) {
  const objects = yaml.loadAll(fs.readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA }).filter(Boolean);
  const overlay = path.basename(file, ".yaml");
  const problems = [];
  const fail = (o, rule) => problems.push(`${overlay}: ${o.kind}/${o.metadata.name}: ${rule}`);
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const budgets = objects.filter((o) => o.kind === "PodDisruptionBudget");

  const defaultDeny = policies.find(
    (p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && !p.spec.ingress && !p.spec.egress &&
      ["Ingress", "Egress"].every((t) => (p.spec.policyTypes ?? []).includes(t)));
  if (!defaultDeny) problems.push(`${overlay}: no NetworkPolicy denies all ingress and egress by default`);

  for (const o of objects) {
    if (o.kind === "Secret" && (o.data || o.stringData)) fail(o, "a Secret with data is in git; use External Secrets");
    const template = podSpecOf(o);
    if (!template) continue;
    const pod = template.spec;
    // The namespace enforces the restricted Pod Security Standard: every pod meets it.
    if (pod.securityContext?.runAsNonRoot !== true) fail(o, "pods must run as non-root");
    if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") fail(o, "pods must use the RuntimeDefault seccomp profile");
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      if (c.securityContext?.allowPrivilegeEscalation !== false) fail(o, `${c.name} must not allow privilege escalation`);
      if (!(c.securityContext?.capabilities?.drop ?? []).includes("ALL")) fail(o, `${c.name} must drop all capabilities`);
      if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(o, `${c.name} needs memory requests and limits`);
    }
    const labels = template.metadata.labels ?? {};
    if (labels["app.kubernetes.io/part-of"] !== "event-suite") fail(o, "pods must carry app.kubernetes.io/part-of=event-suite");
    if (o.kind !== "Deployment" || o.metadata.labels?.["app.kubernetes.io/component"] !== "service") continue;

    // The suite's services.
    const c = pod.containers[0];
    if (c.securityContext?.readOnlyRootFilesystem !== true) fail(o, "the root file system must be read-only");
    if (!c.resources?.requests?.cpu) fail(o, "needs a CPU request");
    for (const [probe, pathName] of Object.entries(PROBES)) {
      if (c[probe]?.httpGet?.path !== pathName) fail(o, `${probe} must call ${pathName}`);
    }
    if (!pod.topologySpreadConstraints?.length) fail(o, "replicas must be spread over nodes and zones");
    if (!budgets.some((b) => matches(b.spec.selector, labels))) fail(o, "no PodDisruptionBudget selects it");
    if (!policies.some((p) => matches(p.spec.podSelector, labels) && p.spec.podSelector.matchLabels["app.kubernetes.io/name"]))
      fail(o, "no NetworkPolicy of its own selects it");
    const limit = PARTITIONS[o.metadata.name];
    if (limit !== undefined) {
      const hpa = objects.find((h) => h.kind === "HorizontalPodAutoscaler" && h.spec.scaleTargetRef.name === o.metadata.name);
      const most = Math.max(o.spec.replicas ?? 1, hpa?.spec.maxReplicas ?? 0);
      if (most > limit) fail(o, `may run ${most} replicas, but its topic has ${limit} partitions`);
    }
  }

  // Image names from one place: every image of the suite has the same registry and tag.
  const images = new Set();
  for (const o of objects) {
    const template = podSpecOf(o);
    for (const c of template ? [...(template.spec.initContainers ?? []), ...template.spec.containers] : []) {
      const match = c.image.match(/^(.*)\/(ingest|enrich|embed|search|anomaly)-service:(.+)$/);
      if (match) images.add(`${match[1]} ${match[3]}`);
    }
  }
  if (images.size !== 1) problems.push(`${overlay}: the suite's images differ in registry or tag: ${[...images].join(", ")}`);
  return problems;
}

const problems = process.argv.slice(2).flatMap(check);
for (const p of problems) console.log(`FAIL ${p}`);
if (!problems.length) console.log(`PASS every rule in ${process.argv.length - 2} overlays`);
process.exit(problems.length ? 1 : 0);
