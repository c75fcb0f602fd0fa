variable "tenancy_id" {
  type        = string
  description = "The tenancy's OCID (dynamic groups, users and groups live at its root)."
}

variable "compartment_id" {
  type        = string
  description = "The suite's compartment: every statement is scoped to it."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every policy, group and user name."
}

variable "workload_identity" {
  type        = bool
  description = "Whether the services run on an OKE cluster and are granted access through workload identity."
}

variable "cluster_id" {
  type        = string
  description = "The OKE cluster whose workloads are granted access; null without OKE."
  default     = null
}

variable "suite_namespace" {
  type        = string
  description = "The Kubernetes namespace the services run in."
}

variable "service_accounts" {
  type        = map(string)
  description = "Kubernetes service account per service (ingest-service, enrich-service, embed-service, search-service, anomaly-service)."
}

variable "external_secrets_namespace" {
  type        = string
  description = "The namespace of the External Secrets operator."
}

variable "external_secrets_service_account" {
  type        = string
  description = "The service account of the External Secrets operator."
}

variable "bucket_name" {
  type        = string
  description = "The bucket ingest-service reads (and its upload API writes)."
}

variable "stream_pool_id" {
  type        = string
  description = "The stream pool the Kafka clients use."
}

variable "vault_id" {
  type        = string
  description = "The vault whose secrets External Secrets reads."
}

variable "allow_vision" {
  type        = bool
  description = "Whether ingest-service may call OCI AI Vision for image labels."
}

variable "allow_generative_ai" {
  type        = bool
  description = "Whether embed-service and search-service may call OCI Generative AI embedding models."
}

variable "create_stream_user" {
  type        = bool
  description = "Whether to create an IAM user, group and auth token for the Kafka clients' SASL/PLAIN login."
}

variable "stream_user_email" {
  type        = string
  description = "The stream user's email, which identity-domain tenancies require; null where not."
  default     = null
}

variable "create_dynamic_group" {
  type        = bool
  description = "Whether to grant the same access to compute instances of the compartment (instance principals), for a single host running the suite."
}

variable "propagation_seconds" {
  type        = number
  description = "How long to wait after policies change before anything relies on them (IAM is eventually consistent)."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
