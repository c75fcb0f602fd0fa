# The smallest deployment: an Always Free database and the streams for a single host that runs the
# services itself (instance principals), with no cluster.

mock_provider "oci" {
  source = "./tests/mocks"
}

mock_provider "oci" {
  alias  = "home"
  source = "./tests/mocks"
}

variables {
  tenancy_ocid              = "ocid1.tenancy.oc1..acme"
  compartment_ocid          = "ocid1.compartment.oc1..suite"
  region                    = "eu-frankfurt-1"
  create_oke                = false
  create_registry           = false
  create_dynamic_group      = true
  database_free_tier        = true
  database_private_endpoint = false
  database_allowed_cidrs    = ["10.20.0.0/16"]
  identity_domain           = ""
  stream_partitions = {
    "object-events"   = 1
    "metric-events"   = 1
    "documents"       = 1
    "document-chunks" = 1
    "features"        = 1
    "anomalies"       = 1
  }
  stream_retention_hours  = 24
  iam_propagation_seconds = 0
}

run "free_tier" {
  command = apply

  assert {
    condition     = output.cluster_id == null && output.kubeconfig_command == null && length(output.ocir_repositories) == 0
    error_message = "Without OKE there is no cluster and no registry."
  }

  assert {
    condition     = module.streaming.is_private
    error_message = "The stream pool stays private: the single host runs inside the VCN."
  }

  assert {
    condition     = length(output.stream_ids) == 12 && alltrue([for p in values(output.stream_partitions) : p == 1])
    error_message = "Every topic and dead-letter topic has a stream, of one partition here."
  }

  assert {
    condition     = !contains(keys(output.policy_statements), "event-suite-workloads")
    error_message = "Without a cluster no workload-identity policy is written."
  }

  assert {
    condition = anytrue([
      for s in output.policy_statements["event-suite-instances"] :
      startswith(s, "Allow dynamic-group id ") && strcontains(s, "manage objects in compartment id ocid1.compartment.oc1..suite where target.bucket.name = 'event-suite-objects'")
    ])
    error_message = "A single host reaches the bucket as an instance principal."
  }

  assert {
    condition = alltrue(flatten([
      for name, statements in output.policy_statements : [for s in statements : strcontains(s, " in compartment id ocid1.compartment.oc1..suite")]
    ]))
    error_message = "Every policy statement must be scoped to the suite's compartment."
  }

  assert {
    condition     = output.kafka_sasl_username == "acme/event-suite-stream-client/${output.stream_pool_id}"
    error_message = "Without identity domains the SASL user name is tenancy/user/stream pool OCID."
  }

  assert {
    condition     = length([for r in output.nsg_rules : r if r.direction == "INGRESS" && r.peer == "0.0.0.0/0"]) == 0
    error_message = "Nothing is reachable from the internet."
  }
}
