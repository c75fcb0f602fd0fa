// Validates rendered manifests and the Compose file offline.
//   node validate.mjs k8s SCHEMA_DIR RENDERED.yaml...   every object against its strict schema
//   node validate.mjs compose SCHEMA.json COMPOSE.yaml   the Compose file against the Compose schema
// Prints one line per object (PASS, FAIL with the reason, SKIP where no schema exists); exits 1 on a failure.
import fs from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createRequire } from "node:module";

const draft07 = createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-07.json");

// CRD patterns are Go RE2: map its (?i) prefix to JavaScript's i flag.
const re2 = Object.assign(
  (pattern, flags) =>
    /^\^?\(\?i\)/.test(pattern) ? new RegExp(pattern.replace("(?i)", ""), flags + "i") : new RegExp(pattern, flags),
  { code: "new RegExp" },
);

function validator() {
  // strict: false ignores the x-kubernetes-* keywords the schemas carry.
  const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: re2 } });
  addFormats(ajv);
  return ajv;
}

function reasons(validate) {
  return validate.errors.map((e) =>
    `${e.instancePath || "/"} ${e.message}${e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
}

function kubernetes(schemaDir, files) {
  const ajv = validator();
  const compiled = new Map();
  let failed = 0;
  for (const file of files) {
    const docs = yaml.loadAll(fs.readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA }).filter(Boolean);
    for (const doc of docs) {
      const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
      const name = [doc.kind.toLowerCase(), group && group.split(".")[0], version].filter(Boolean).join("-") + ".json";
      const id = `${path.basename(path.dirname(file))}/${path.basename(file, ".yaml")}: ${doc.kind}/${doc.metadata?.name}`;
      const schemaFile = path.join(schemaDir, name);
      if (!fs.existsSync(schemaFile)) {
        console.log(`FAIL ${id}: no schema ${name}`);
        failed++;
        continue;
      }
      if (!compiled.has(name)) compiled.set(name, ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8"))));
      const validate = compiled.get(name);
      if (validate(doc)) {
        console.log(`PASS ${id}`);
      } else {
        failed++;
        for (const reason of reasons(validate)) console.log(`FAIL ${id}: ${reason}`);
      }
    }
  }
  return failed;
}

function compose(schemaFile, file) {
  const ajv = validator();
  // The Compose schema names draft-07 by its https address; Ajv knows draft-07 by the http one.
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  if (schema.$schema && !ajv.getSchema(schema.$schema)) {
    ajv.addMetaSchema(draft07, schema.$schema);
  }
  const validate = ajv.compile(schema);
  // Compose files use YAML 1.1 merge keys (<<: *anchor), as Docker Compose reads them.
  const doc = yaml.load(fs.readFileSync(file, "utf8"), { schema: yaml.YAML11_SCHEMA });
  if (validate(doc)) {
    console.log(`PASS ${file}`);
    return 0;
  }
  for (const reason of reasons(validate)) console.log(`FAIL ${file}: ${reason}`);
  return 1;
}

const [mode, schema, ...files] = process.argv.slice(2);
const failed = mode === "compose" ? compose(schema, files[0]) : kubernetes(schema, files);
process.exit(failed ? 1 : 0);
