#!/usr/bin/env python3
"""Checks that terraform.tfvars.example and schema.yaml agree with variables.tf.

Every variable they name must exist; every variable of variables.tf is in the example (set or
commented out) and in the Resource Manager form, with a matching type (map variables excepted: the
form has no control for them); every required variable is set in the example and required in the form.

Usage: check-variables.py ROOT_MODULE_DIR SCHEMA_JSON
(SCHEMA_JSON is schema.yaml as JSON: Terraform's own yamldecode makes it, so no YAML library is needed.)
"""
import json
import re
import sys

VARIABLE = re.compile(r'^variable "([^"]+)" \{\n(.*?)^\}', re.S | re.M)
TFVARS_NAME = re.compile(r"^(#\s*)?([a-z_][a-z0-9_]*)\s*=", re.M)
FORM_TYPES = {"bool": {"boolean"}, "number": {"number"}, "list(string)": {"array"}}


def declared_variables(path):
    variables = {}
    for match in VARIABLE.finditer(open(path).read()):
        body = match.group(2)
        variables[match.group(1)] = {
            "type": re.search(r"^  type\s+= (.+)$", body, re.M).group(1).strip(),
            "required": re.search(r"^  default\s+=", body, re.M) is None,
        }
    return variables


def example_names(path):
    set_names, commented = set(), set()
    for match in TFVARS_NAME.finditer(open(path).read()):
        (commented if match.group(1) else set_names).add(match.group(2))
    return set_names, commented


def form_type_matches(tf_type, form_type):
    if tf_type in FORM_TYPES:
        return form_type in FORM_TYPES[tf_type]
    return tf_type == "string" and (form_type in ("string", "enum", "password") or form_type.startswith("oci:"))


def main(root, schema_json):
    declared = declared_variables(f"{root}/variables.tf")
    example_set, example_commented = example_names(f"{root}/terraform.tfvars.example")
    schema = json.loads(schema_json)
    form = schema.get("variables", {})
    grouped = [name for group in schema.get("variableGroups", []) for name in group.get("variables", [])]

    problems = []
    for name in sorted((example_set | example_commented) - declared.keys()):
        problems.append(f"terraform.tfvars.example names {name}, which variables.tf does not declare")
    for name in sorted((form.keys() | set(grouped)) - declared.keys()):
        problems.append(f"schema.yaml names {name}, which variables.tf does not declare")
    for name in sorted({n for n in grouped if grouped.count(n) > 1}):
        problems.append(f"schema.yaml puts {name} in more than one group")

    for name, variable in declared.items():
        if name not in example_set | example_commented:
            problems.append(f"terraform.tfvars.example does not show {name}")
        if variable["required"] and name not in example_set:
            problems.append(f"terraform.tfvars.example must set the required variable {name}")
        if variable["type"].startswith("map("):
            continue
        if name not in form:
            problems.append(f"schema.yaml does not describe {name}")
            continue
        if name not in grouped:
            problems.append(f"schema.yaml puts {name} in no group")
        if not form_type_matches(variable["type"], str(form[name].get("type", "string"))):
            problems.append(f"schema.yaml gives {name} the type {form[name].get('type')}, variables.tf {variable['type']}")
        if variable["required"] and form[name].get("required") is not True:
            problems.append(f"schema.yaml must mark the required variable {name} as required")

    for problem in problems:
        print(f"  FAIL {problem}")
    if problems:
        return 1
    print(f"  ok   {len(declared)} variables agree with terraform.tfvars.example and schema.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
