# A private production deployment: everything on, nothing reachable from the internet.

mock_provider "oci" {
  source = "./tests/mocks"
}

mock_provider "oci" {
  alias  = "home"
  source = "./tests/mocks"
}

variables {
  tenancy_ocid                = "ocid1.tenancy.oc1..acme"
  compartment_ocid            = "ocid1.compartment.oc1..suite"
  region                      = "eu-frankfurt-1"
  kube_api_allowed_cidrs      = ["10.99.0.0/24"]
  alert_subscription_protocol = "EMAIL"
  alert_subscription_endpoint = "oncall@example.com"
  stream_user_email           = "streams@example.com"
  iam_propagation_seconds     = 0
}

run "production" {
  command = apply

  # The Events rule: the bucket's three object events, delivered to object-events.
  assert {
    condition = jsondecode(module.storage.events_rule_condition) == {
      eventType = [
        "com.oraclecloud.objectstorage.createobject",
        "com.oraclecloud.objectstorage.updateobject",
        "com.oraclecloud.objectstorage.deleteobject",
      ]
      data = { additionalDetails = { bucketName = ["event-suite-objects"] } }
    }
    error_message = "The Events rule must match create, update and delete of objects in the suite's bucket only."
  }

  assert {
    condition     = module.storage.events_rule_stream_ids == [output.stream_ids["object-events"]]
    error_message = "The Events rule must write to the object-events stream, and nowhere else."
  }

  assert {
    condition     = module.storage.bucket_emits_object_events
    error_message = "The bucket must emit object events."
  }

  # Streaming: private, one stream per topic and dead-letter topic of DESIGN.md.
  assert {
    condition     = module.streaming.is_private && module.streaming.private_endpoint_subnet_id == module.network.subnet_ids["data"]
    error_message = "The stream pool must have a private endpoint in the data subnet."
  }

  assert {
    condition = toset(keys(output.stream_ids)) == toset([
      "object-events", "metric-events", "documents", "document-chunks", "features", "anomalies",
      "object-events-dlq", "metric-events-dlq", "documents-dlq", "document-chunks-dlq", "features-dlq", "anomalies-dlq",
    ])
    error_message = "Every topic and dead-letter topic needs a stream."
  }

  assert {
    condition     = output.stream_partitions["metric-events"] == 3 && output.stream_partitions["metric-events-dlq"] == 1
    error_message = "Streams take their partitions from stream_partitions and dlq_partitions."
  }

  assert {
    condition     = startswith(output.kafka_bootstrap_servers, module.streaming.endpoint_fqdn) && endswith(output.kafka_bootstrap_servers, ":9092")
    error_message = "Kafka clients connect to the pool's FQDN on 9092."
  }

  assert {
    condition     = output.kafka_sasl_username == "acme/Default/event-suite-stream-client/${output.stream_pool_id}"
    error_message = "The SASL user name is tenancy/domain/user/stream pool OCID."
  }

  # The network: nothing from the internet.
  assert {
    condition     = length([for r in output.nsg_rules : r if r.direction == "INGRESS" && r.peer == "0.0.0.0/0"]) == 0
    error_message = "A private deployment has no ingress from 0.0.0.0/0."
  }

  assert {
    condition = alltrue([
      for r in output.nsg_rules : r.peer != "0.0.0.0/0" || (r.direction == "EGRESS" && r.role != "database" && r.role != "streaming")
    ])
    error_message = "The data tier never talks to the internet."
  }

  assert {
    condition     = contains([for r in output.nsg_rules : "${r.role}<-${r.peer}:${try(r.ports.min, "all")}" if r.direction == "INGRESS"], "streaming<-pods:9092")
    error_message = "The pods reach the stream pool on 9092."
  }

  assert {
    condition     = contains([for r in output.nsg_rules : "${r.role}<-${r.peer}:${try(r.ports.min, "all")}" if r.direction == "INGRESS"], "database<-pods:1522")
    error_message = "The pods reach the database on 1522."
  }

  # IAM: every statement scoped to the suite's compartment; services granted through workload identity.
  assert {
    condition = alltrue(flatten([
      for name, statements in output.policy_statements : [for s in statements : strcontains(s, " in compartment id ocid1.compartment.oc1..suite")]
    ]))
    error_message = "Every policy statement must be scoped to the suite's compartment."
  }

  assert {
    condition = anytrue([
      for s in output.policy_statements["event-suite-workloads"] :
      strcontains(s, "manage objects") && strcontains(s, "request.principal.service_account = 'ingest-service'") && strcontains(s, "target.bucket.name = 'event-suite-objects'") && strcontains(s, "request.principal.cluster_id = '${output.cluster_id}'")
    ])
    error_message = "ingest-service's service account may use the bucket, and only in this cluster."
  }

  assert {
    condition     = contains(output.policy_statements["event-suite-events"], "Allow service cloudEvents to use stream-push in compartment id ocid1.compartment.oc1..suite")
    error_message = "OCI Events must be allowed to push to the streams."
  }

  # Everything a production deployment needs exists.
  assert {
    condition = alltrue([
      output.cluster_id != null, output.database_id != null, output.notification_topic_id != null, output.vault_id != null,
      output.events_rule_id != null, length(output.ocir_repositories) == 5,
    ])
    error_message = "A production plan creates the cluster, database, topic, vault, rule and five repositories."
  }

  assert {
    condition     = toset(keys(output.vault_secret_ids)) == toset(["api-key", "admin-key", "database-admin-password", "database-password", "stream-auth-token"])
    error_message = "The vault holds the API keys, both database passwords and the stream auth token."
  }

  assert {
    condition     = output.ocir_repositories["search-service"] == "fra.ocir.io/acmens/event-suite/search-service"
    error_message = "Images are pushed to <region-key>.ocir.io/<namespace>/<prefix>/<service>."
  }

  assert {
    condition     = output.api_gateway_endpoint == null
    error_message = "The API Gateway is optional and off by default."
  }

  # The settings file the Kubernetes oci overlays read: every line a KEY=value with a value.
  assert {
    condition = alltrue([
      for line in split("\n", trimspace(output.oci_settings)) :
      startswith(line, "#") || can(regex("^[A-Z][A-Z0-9_]*=[^\\s]+$", line))
    ])
    error_message = "Every settings line must be KEY=value with a value."
  }

  assert {
    condition     = !strcontains(output.oci_settings, "SUITE_AUTH_JWT_")
    error_message = "Without the API Gateway's issuer, the services take no bearer tokens."
  }

  assert {
    condition     = strcontains(output.oci_settings, "ORACLE_JDBC_URL=jdbc:oracle:thin:@(description=(retry_count=20)")
    error_message = "The services connect to the database over one-way TLS (no wallet)."
  }

  assert {
    condition     = strcontains(output.oci_settings, "OCI_DATA_SUBNET_CIDR=10.20.3.0/24\n") && strcontains(output.oci_settings, "OCI_API_SUBNET_CIDR=10.20.1.0/24\n")
    error_message = "The network policies take the data and API subnets' ranges from the settings."
  }

  assert {
    condition     = strcontains(output.oci_settings, "OCI_SEARCH_LB_PRIVATE_IP=10.20.2.10\n")
    error_message = "search-service's internal load balancer takes the private subnet's tenth address."
  }
}
