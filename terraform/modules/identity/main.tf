locals {
  compartment = "compartment id ${var.compartment_id}"

  # The where-clause that names one Kubernetes service account of one cluster (OKE workload identity).
  workload = {
    for name, sa in merge(var.service_accounts, { "external-secrets" = var.external_secrets_service_account }) :
    name => join(", ", [
      "request.principal.type = 'workload'",
      "request.principal.namespace = '${name == "external-secrets" ? var.external_secrets_namespace : var.suite_namespace}'",
      "request.principal.service_account = '${sa}'",
      "request.principal.cluster_id = '${coalesce(var.cluster_id, "none")}'",
    ])
  }

  # What each service may do, as "<verb> <resource-type>" plus an optional extra condition.
  grants = concat(
    [
      { service = "ingest-service", permission = "manage objects", condition = "target.bucket.name = '${var.bucket_name}'" },
      { service = "ingest-service", permission = "read buckets", condition = "target.bucket.name = '${var.bucket_name}'" },
      { service = "anomaly-service", permission = "use ons-topics", condition = null },
      { service = "external-secrets", permission = "read secret-bundles", condition = "target.vault.id = '${var.vault_id}'" },
    ],
    var.allow_vision ? [
      { service = "ingest-service", permission = "use ai-service-vision-family", condition = null },
    ] : [],
    var.allow_generative_ai ? [
      { service = "embed-service", permission = "use generative-ai-family", condition = null },
      { service = "search-service", permission = "use generative-ai-family", condition = null },
    ] : [],
  )

  workload_statements = [
    for g in local.grants :
    "Allow any-user to ${g.permission} in ${local.compartment} where all {${join(", ", compact([local.workload[g.service], g.condition]))}}"
  ]

  instance_statements = var.create_dynamic_group ? [
    for g in local.grants :
    "Allow dynamic-group id ${oci_identity_dynamic_group.instances[0].id} to ${g.permission} in ${local.compartment}${g.condition == null ? "" : " where ${g.condition}"}"
  ] : []

  stream_statements = var.create_stream_user ? [
    "Allow group id ${oci_identity_group.stream_clients[0].id} to use stream-pull in ${local.compartment} where target.streampool.id = '${var.stream_pool_id}'",
    "Allow group id ${oci_identity_group.stream_clients[0].id} to use stream-push in ${local.compartment} where target.streampool.id = '${var.stream_pool_id}'",
  ] : []
}

# OCI Events delivers the bucket's object events to the object-events stream.
resource "oci_identity_policy" "events" {

  compartment_id = var.compartment_id
  name           = "${var.name_prefix}-events"
  description    = "Lets OCI Events write object events to the suite's streams"
  statements     = ["Allow service cloudEvents to use stream-push in ${local.compartment}"]
  freeform_tags  = var.freeform_tags
}

resource "oci_identity_policy" "workloads" {
  count = var.workload_identity ? 1 : 0

  compartment_id = var.compartment_id
  name           = "${var.name_prefix}-workloads"
  description    = "What each of the suite's Kubernetes service accounts may do (OKE workload identity)"
  statements     = local.workload_statements
  freeform_tags  = var.freeform_tags

  lifecycle {
    precondition {
      condition     = var.cluster_id != null
      error_message = "Workload identity needs the cluster's OCID."
    }
  }
}

resource "oci_identity_dynamic_group" "instances" {
  count = var.create_dynamic_group ? 1 : 0

  compartment_id = var.tenancy_id
  name           = "${var.name_prefix}-instances"
  description    = "Compute instances of the suite's compartment (instance principals)"
  matching_rule  = "ALL {instance.compartment.id = '${var.compartment_id}'}"
  freeform_tags  = var.freeform_tags
}

resource "oci_identity_policy" "instances" {
  count = var.create_dynamic_group ? 1 : 0

  compartment_id = var.compartment_id
  name           = "${var.name_prefix}-instances"
  description    = "What the suite may do from a compute instance of its compartment (instance principals)"
  statements     = local.instance_statements
  freeform_tags  = var.freeform_tags
}

# Kafka clients log in to OCI Streaming with SASL/PLAIN: a user's name and an auth token. OKE
# workload identity does not reach the Kafka protocol, so the clients share this one user, which
# may only pull from and push to the suite's stream pool.
resource "oci_identity_user" "stream_client" {
  count = var.create_stream_user ? 1 : 0

  compartment_id = var.tenancy_id
  name           = "${var.name_prefix}-stream-client"
  description    = "Kafka clients of the event suite (SASL/PLAIN to OCI Streaming)"
  email          = var.stream_user_email
  freeform_tags  = var.freeform_tags
}

resource "oci_identity_group" "stream_clients" {
  count = var.create_stream_user ? 1 : 0

  compartment_id = var.tenancy_id
  name           = "${var.name_prefix}-stream-clients"
  description    = "May pull from and push to the event suite's stream pool"
  freeform_tags  = var.freeform_tags
}

resource "oci_identity_user_group_membership" "stream_client" {
  count = var.create_stream_user ? 1 : 0

  group_id = oci_identity_group.stream_clients[0].id
  user_id  = oci_identity_user.stream_client[0].id
}

resource "oci_identity_policy" "stream_clients" {
  count = var.create_stream_user ? 1 : 0

  compartment_id = var.compartment_id
  name           = "${var.name_prefix}-stream-clients"
  description    = "Lets the suite's Kafka clients use its stream pool"
  statements     = local.stream_statements
  freeform_tags  = var.freeform_tags
}

resource "oci_identity_auth_token" "stream_client" {
  count = var.create_stream_user ? 1 : 0

  user_id     = oci_identity_user.stream_client[0].id
  description = "SASL/PLAIN password of the event suite's Kafka clients"
}

# IAM changes take a while to reach every region; what relies on these policies waits for this.
resource "terraform_data" "propagation" {
  triggers_replace = concat(
    [oci_identity_policy.events.id],
    oci_identity_policy.workloads[*].id,
    oci_identity_policy.instances[*].id,
    oci_identity_policy.stream_clients[*].id,
  )

  provisioner "local-exec" {
    command = "sleep ${var.propagation_seconds}"
  }
}
