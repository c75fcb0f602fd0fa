locals {
  jdbc_url = var.create_database ? module.database[0].jdbc_url : null

  settings = {
    region                   = var.region
    compartment_id           = var.compartment_ocid
    kafka_bootstrap_servers  = module.streaming.kafka_bootstrap_servers
    stream_username          = local.stream_username
    jdbc_url                 = coalesce(local.jdbc_url, "")
    database_user            = var.database_user
    namespace                = data.oci_objectstorage_namespace.this.namespace
    notification_topic_id    = module.notifications.topic_id
    bucket_name              = module.storage.bucket_name
    suite_namespace          = var.suite_namespace
    vault_id                 = module.vault.vault_id
    secret_names             = module.vault.secret_names
    stream_auth_token_secret = lookup(module.vault.secret_names, "stream-auth-token", "${var.name_prefix}-stream-auth-token")
    data_subnet_cidr         = module.network.subnet_cidrs["data"]
    api_subnet_cidr          = module.network.subnet_cidrs["api"]
    private_subnet_id        = module.network.subnet_ids["private"]
    internal_lb_nsg_id       = module.network.nsg_ids["internal_lb"]
    search_lb_private_ip     = local.search_lb_private_ip
    public_lb_subnet_id      = module.network.subnet_ids["lb"]
    public_lb_nsg_id         = module.network.nsg_ids["public_lb"]
    image_registry           = "${local.region_key}.ocir.io/${data.oci_objectstorage_namespace.this.namespace}/${var.name_prefix}"
    # The services verify the API Gateway's tokens again, and read collection permissions from them.
    jwt_issuer   = try(var.api_gateway_jwt_issuers[0], "")
    jwt_audience = try(var.api_gateway_jwt_audiences[0], "")
    jwks_uri     = var.api_gateway_jwks_uri == null ? "" : var.api_gateway_jwks_uri
  }
}

output "oci_settings" {
  description = "The settings file the Kubernetes oci overlays read: terraform output -raw oci_settings > deploy/k8s/overlays/oci-prod/oci-settings.env"
  value       = templatefile("${path.module}/oci-settings.env.tftpl", local.settings)
}

output "region" {
  description = "The region the suite runs in."
  value       = var.region
}

output "kafka_bootstrap_servers" {
  description = "The stream pool's Kafka endpoint (host:9092)."
  value       = module.streaming.kafka_bootstrap_servers
}

output "kafka_sasl_username" {
  description = "The SASL/PLAIN user name of the Kafka clients: tenancy/domain/user/stream pool OCID. The password is the auth token in the vault."
  value       = local.stream_username

  precondition {
    condition     = local.stream_user_name != null
    error_message = "With create_stream_user = false, set stream_user_name to the IAM user the Kafka clients log in as."
  }
}

output "stream_pool_id" {
  description = "The stream pool's OCID."
  value       = module.streaming.stream_pool_id
}

output "stream_ids" {
  description = "Stream OCIDs by name: every topic and its dead-letter topic."
  value       = module.streaming.stream_ids
}

output "stream_partitions" {
  description = "Partitions by stream name."
  value       = module.streaming.stream_partitions
}

output "bucket_name" {
  description = "The bucket uploads go to."
  value       = module.storage.bucket_name
}

output "object_storage_namespace" {
  description = "The tenancy's Object Storage (and OCIR) namespace."
  value       = data.oci_objectstorage_namespace.this.namespace
}

output "events_rule_id" {
  description = "The Events rule that writes the bucket's object events to object-events."
  value       = module.storage.events_rule_id
}

output "database_id" {
  description = "The Autonomous Database's OCID."
  value       = var.create_database ? module.database[0].id : null
}

output "database_tls_connect_string" {
  description = "The database's TLS connect descriptor (TP service, no wallet)."
  value       = var.create_database ? module.database[0].tls_connect_string : null
}

output "database_jdbc_url" {
  description = "The JDBC URL the services use."
  value       = local.jdbc_url
}

output "notification_topic_id" {
  description = "The Notifications topic anomaly alerts are published to."
  value       = module.notifications.topic_id
}

output "cluster_id" {
  description = "The OKE cluster's OCID."
  value       = var.create_oke ? module.oke[0].cluster_id : null
}

output "kubeconfig_command" {
  description = "Writes the cluster's kubeconfig (run from inside the VCN, e.g. a bastion session: the endpoint is private)."
  value       = var.create_oke ? "oci ce cluster create-kubeconfig --cluster-id ${module.oke[0].cluster_id} --region ${var.region} --file $HOME/.kube/config --token-version 2.0.0 --kube-endpoint PRIVATE_ENDPOINT" : null
}

output "ocir_repositories" {
  description = "Where each service's image is pushed."
  value       = var.create_registry ? module.registry[0].image_paths : {}
}

output "api_gateway_endpoint" {
  description = "search-service through the private API Gateway (JWT required)."
  value       = var.create_api_gateway ? module.api_gateway[0].endpoint : null
}

output "vault_id" {
  description = "The vault holding the suite's secrets."
  value       = module.vault.vault_id
}

output "vault_secret_ids" {
  description = "Secret OCIDs by role: api-key, admin-key, database-admin-password, database-password, stream-auth-token."
  value       = module.vault.secret_ids
}

output "policy_statements" {
  description = "Every IAM statement created, by policy name."
  value       = module.identity.policy_statements
}

output "nsg_rules" {
  description = "Every NSG rule created (role, direction, protocol, peer, ports)."
  value       = module.network.nsg_rules
}
