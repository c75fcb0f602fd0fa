# ---------------------------------------------------------------------------------------------------
# Where
# ---------------------------------------------------------------------------------------------------

variable "tenancy_ocid" {
  type        = string
  description = "The tenancy's OCID (Resource Manager fills it in)."

  validation {
    condition     = can(regex("^ocid1\\.tenancy\\.", var.tenancy_ocid))
    error_message = "tenancy_ocid must be a tenancy OCID (ocid1.tenancy....)."
  }
}

variable "compartment_ocid" {
  type        = string
  description = "The compartment everything is created in; every policy statement is scoped to it."

  validation {
    condition     = can(regex("^ocid1\\.(compartment|tenancy)\\.", var.compartment_ocid))
    error_message = "compartment_ocid must be a compartment OCID (ocid1.compartment....)."
  }
}

variable "region" {
  type        = string
  description = "The region the suite runs in, e.g. eu-frankfurt-1 (Resource Manager fills it in)."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+-[0-9]+$", var.region))
    error_message = "region must be a region identifier such as eu-frankfurt-1."
  }
}

variable "home_region" {
  type        = string
  description = "The tenancy's home region, where IAM is written; looked up when null."
  default     = null

  validation {
    condition     = var.home_region == null || can(regex("^[a-z]+-[a-z]+-[0-9]+$", var.home_region))
    error_message = "home_region must be a region identifier such as us-ashburn-1."
  }
}

variable "config_file_profile" {
  type        = string
  description = "The ~/.oci/config profile Terraform authenticates with; null for DEFAULT (or Resource Manager's own principal)."
  default     = null
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every resource name; lower-case letters, digits and dashes."
  default     = "event-suite"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name_prefix))
    error_message = "name_prefix must start with a letter and have 2 to 21 lower-case letters, digits or dashes."
  }
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
  default     = { "app" = "event-suite" }
}

# ---------------------------------------------------------------------------------------------------
# What is created
# ---------------------------------------------------------------------------------------------------

variable "create_oke" {
  type        = bool
  description = "Create an OKE enhanced cluster and node pool for the services (off to run them elsewhere, e.g. one compute instance)."
  default     = true
}

variable "create_database" {
  type        = bool
  description = "Create the Autonomous Database 23ai the services store features, anomalies and vectors in."
  default     = true
}

variable "create_registry" {
  type        = bool
  description = "Create private OCIR repositories for the five images."
  default     = true
}

variable "create_api_gateway" {
  type        = bool
  description = "Put a private API Gateway with JWT validation in front of search-service."
  default     = false
}

variable "create_stream_user" {
  type        = bool
  description = "Create the IAM user, group and auth token the Kafka clients log in with (needs rights to manage users); off to bring your own."
  default     = true
}

variable "create_dynamic_group" {
  type        = bool
  description = "Also grant the services' access to compute instances of the compartment (instance principals), for a single host."
  default     = false
}

# ---------------------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------------------

variable "vcn_cidr" {
  type        = string
  description = "The VCN's IPv4 range; a /16 leaves room for the pods' subnet."
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.vcn_cidr, 0)) && tonumber(split("/", var.vcn_cidr)[1]) == 16
    error_message = "vcn_cidr must be an IPv4 /16 such as 10.20.0.0/16."
  }
}

variable "kube_api_allowed_cidrs" {
  type        = list(string)
  description = "Private ranges (a bastion, a VPN, an on-premises network) allowed to reach the Kubernetes API."
  default     = []

  validation {
    condition     = alltrue([for c in var.kube_api_allowed_cidrs : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])
    error_message = "kube_api_allowed_cidrs must be CIDR blocks, never 0.0.0.0/0: the API endpoint is private."
  }
}

variable "search_allowed_cidrs" {
  type        = list(string)
  description = "Private ranges allowed to call search-service's internal load balancer and the API Gateway; the VCN when empty."
  default     = []

  validation {
    condition     = alltrue([for c in var.search_allowed_cidrs : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])
    error_message = "search_allowed_cidrs must be CIDR blocks, never 0.0.0.0/0 (use public_search to publish search-service)."
  }
}

variable "public_search" {
  type        = bool
  description = "Allow a public load balancer to publish search-service on 443 (the only ingress from the internet)."
  default     = false
}

variable "pod_internet_egress" {
  type        = bool
  description = "Let pods open HTTPS connections to the internet through the NAT gateway (webhook alerts, hosted models)."
  default     = true
}

variable "search_lb_private_ip" {
  type        = string
  description = "The private IP search-service's internal load balancer takes in the private subnet; the subnet's 10th address when null."
  default     = null

  validation {
    condition     = var.search_lb_private_ip == null || can(cidrhost("${coalesce(var.search_lb_private_ip, "0.0.0.0")}/32", 0))
    error_message = "search_lb_private_ip must be an IPv4 address."
  }
}

# ---------------------------------------------------------------------------------------------------
# Streaming
# ---------------------------------------------------------------------------------------------------

variable "stream_partitions" {
  type        = map(number)
  description = "Partitions per topic; a consumer group runs at most this many replicas of a service usefully. Fixed when a stream is created."
  default = {
    "object-events"   = 1
    "metric-events"   = 3
    "documents"       = 1
    "document-chunks" = 2
    "features"        = 3
    "anomalies"       = 1
  }

  validation {
    condition = (
      toset(keys(var.stream_partitions)) == toset(["object-events", "metric-events", "documents", "document-chunks", "features", "anomalies"])
      && alltrue([for p in values(var.stream_partitions) : p >= 1 && p <= 50 && floor(p) == p])
    )
    error_message = "stream_partitions must give every topic (object-events, metric-events, documents, document-chunks, features, anomalies) 1 to 50 partitions."
  }
}

variable "dlq_partitions" {
  type        = number
  description = "Partitions of each dead-letter stream."
  default     = 1

  validation {
    condition     = var.dlq_partitions >= 1 && var.dlq_partitions <= 50 && floor(var.dlq_partitions) == var.dlq_partitions
    error_message = "dlq_partitions must be a whole number from 1 to 50."
  }
}

variable "stream_retention_hours" {
  type        = number
  description = "How long streams keep messages: 24 to 168 hours, fixed when a stream is created."
  default     = 72

  validation {
    condition     = var.stream_retention_hours >= 24 && var.stream_retention_hours <= 168 && floor(var.stream_retention_hours) == var.stream_retention_hours
    error_message = "stream_retention_hours must be a whole number from 24 to 168."
  }
}

variable "streaming_private_endpoint" {
  type        = bool
  description = "Reach the stream pool only through a private endpoint in the VCN (off to produce from outside OCI)."
  default     = true
}

variable "identity_domain" {
  type        = string
  description = "The identity domain of the stream user, part of the Kafka user name (tenancy/domain/user/pool); empty for tenancies without identity domains."
  default     = "Default"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]*$", var.identity_domain))
    error_message = "identity_domain must be a domain name (letters, digits, _ and -) or empty."
  }
}

variable "stream_user_email" {
  type        = string
  description = "The stream user's email address; identity-domain tenancies require one."
  default     = null

  validation {
    condition     = var.stream_user_email == null || can(regex("^[^@\\s]+@[^@\\s]+$", var.stream_user_email))
    error_message = "stream_user_email must be an email address."
  }
}

variable "stream_user_name" {
  type        = string
  description = "With create_stream_user = false: the existing IAM user the Kafka clients log in as (its auth token goes into the vault by hand)."
  default     = null
}

# ---------------------------------------------------------------------------------------------------
# Object storage
# ---------------------------------------------------------------------------------------------------

variable "bucket_name" {
  type        = string
  description = "The bucket uploads go to; its object events reach the object-events stream."
  default     = "event-suite-objects"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,256}$", var.bucket_name))
    error_message = "bucket_name may hold letters, digits, dashes, underscores and periods, up to 256 characters."
  }
}

variable "bucket_versioning" {
  type        = bool
  description = "Keep previous versions of objects in the bucket."
  default     = false
}

# ---------------------------------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------------------------------

variable "database_name" {
  type        = string
  description = "The Autonomous Database's name: a letter, then up to 13 letters or digits."
  default     = "SUITEDB"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9]{0,13}$", var.database_name))
    error_message = "database_name must be a letter followed by up to 13 letters or digits."
  }
}

variable "database_free_tier" {
  type        = bool
  description = "Use an Always Free Autonomous Database (1 OCPU, 20 GB, public endpoint with an access list, at most two per tenancy)."
  default     = false
}

variable "database_compute_count" {
  type        = number
  description = "ECPUs of the database (2 or more)."
  default     = 2

  validation {
    condition     = var.database_compute_count >= 2 && var.database_compute_count <= 512
    error_message = "database_compute_count must be from 2 to 512 ECPUs."
  }
}

variable "database_storage_tbs" {
  type        = number
  description = "Storage of the database in TB."
  default     = 1

  validation {
    condition     = var.database_storage_tbs >= 1 && var.database_storage_tbs <= 384 && floor(var.database_storage_tbs) == var.database_storage_tbs
    error_message = "database_storage_tbs must be a whole number from 1 to 384."
  }
}

variable "database_auto_scaling" {
  type        = bool
  description = "Let the database use up to three times its ECPUs under load."
  default     = true
}

variable "database_license_model" {
  type        = string
  description = "LICENSE_INCLUDED, or BRING_YOUR_OWN_LICENSE with your own Oracle licences."
  default     = "LICENSE_INCLUDED"

  validation {
    condition     = contains(["LICENSE_INCLUDED", "BRING_YOUR_OWN_LICENSE"], var.database_license_model)
    error_message = "database_license_model must be LICENSE_INCLUDED or BRING_YOUR_OWN_LICENSE."
  }
}

variable "database_private_endpoint" {
  type        = bool
  description = "Reach the database only through a private endpoint in the VCN; off for a public endpoint limited to database_allowed_cidrs."
  default     = true
}

variable "database_allowed_cidrs" {
  type        = list(string)
  description = "Who else may reach the database: with a private endpoint, private ranges (a VPN) on 1522; with a public one, its access control list (required then)."
  default     = []

  validation {
    condition     = alltrue([for c in var.database_allowed_cidrs : c != "0.0.0.0/0"])
    error_message = "database_allowed_cidrs must not open the database to the whole internet."
  }
}

variable "database_user" {
  type        = string
  description = "The database user the services connect as (not ADMIN); its password is generated in the vault."
  default     = "SUITE"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,29}$", var.database_user)) && upper(var.database_user) != "ADMIN"
    error_message = "database_user must be a letter followed by up to 29 letters, digits or underscores, and not ADMIN."
  }
}

# ---------------------------------------------------------------------------------------------------
# Vault
# ---------------------------------------------------------------------------------------------------

variable "vault_key_protection_mode" {
  type        = string
  description = "SOFTWARE (free) or HSM protection of the vault's master key."
  default     = "SOFTWARE"

  validation {
    condition     = contains(["SOFTWARE", "HSM"], var.vault_key_protection_mode)
    error_message = "vault_key_protection_mode must be SOFTWARE or HSM."
  }
}

# ---------------------------------------------------------------------------------------------------
# Notifications
# ---------------------------------------------------------------------------------------------------

variable "alert_subscription_protocol" {
  type        = string
  description = "How anomaly alerts reach people: EMAIL, CUSTOM_HTTPS, SLACK or PAGERDUTY; null for no subscription."
  default     = null

  validation {
    condition     = var.alert_subscription_protocol == null || contains(["EMAIL", "CUSTOM_HTTPS", "SLACK", "PAGERDUTY"], coalesce(var.alert_subscription_protocol, "-"))
    error_message = "alert_subscription_protocol must be EMAIL, CUSTOM_HTTPS, SLACK, PAGERDUTY or null."
  }
}

variable "alert_subscription_endpoint" {
  type        = string
  description = "The email address or HTTPS URL alerts are delivered to."
  default     = null
}

# ---------------------------------------------------------------------------------------------------
# Kubernetes
# ---------------------------------------------------------------------------------------------------

variable "kubernetes_version" {
  type        = string
  description = "The cluster's Kubernetes version, as OKE names it (e.g. v1.33.1)."
  default     = "v1.33.1"

  validation {
    condition     = can(regex("^v1\\.[0-9]+\\.[0-9]+$", var.kubernetes_version))
    error_message = "kubernetes_version must look like v1.33.1."
  }
}

variable "node_shape" {
  type        = string
  description = "The worker nodes' compute shape (a Flex shape)."
  default     = "VM.Standard.E5.Flex"

  validation {
    condition     = can(regex("\\.Flex$", var.node_shape))
    error_message = "node_shape must be a Flex shape (OCPUs and memory are set per node)."
  }
}

variable "node_ocpus" {
  type        = number
  description = "OCPUs per worker node."
  default     = 2

  validation {
    condition     = var.node_ocpus >= 1 && var.node_ocpus <= 64
    error_message = "node_ocpus must be from 1 to 64."
  }
}

variable "node_memory_gbs" {
  type        = number
  description = "Memory per worker node in GB (the five services and the embedding model need about 8 GB together)."
  default     = 16

  validation {
    condition     = var.node_memory_gbs >= 8 && var.node_memory_gbs <= 1024
    error_message = "node_memory_gbs must be from 8 to 1024."
  }
}

variable "node_count" {
  type        = number
  description = "Worker nodes; three spread over fault and availability domains survive losing one."
  default     = 3

  validation {
    condition     = var.node_count >= 1 && var.node_count <= 100 && floor(var.node_count) == var.node_count
    error_message = "node_count must be a whole number from 1 to 100."
  }
}

variable "node_image_id" {
  type        = string
  description = "The worker nodes' image; the newest Oracle Linux OKE image for kubernetes_version when null."
  default     = null

  validation {
    condition     = var.node_image_id == null || can(regex("^ocid1\\.image\\.", coalesce(var.node_image_id, "-")))
    error_message = "node_image_id must be an image OCID."
  }
}

variable "suite_namespace" {
  type        = string
  description = "The Kubernetes namespace the services run in (workload identity policies name it)."
  default     = "event-suite"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.suite_namespace))
    error_message = "suite_namespace must be a Kubernetes namespace name."
  }
}

variable "external_secrets_namespace" {
  type        = string
  description = "The namespace of the External Secrets operator, which reads the vault."
  default     = "external-secrets"
}

variable "external_secrets_service_account" {
  type        = string
  description = "The External Secrets operator's service account."
  default     = "external-secrets"
}

variable "registry_immutable_tags" {
  type        = bool
  description = "Refuse to overwrite an image tag once pushed (recommended with release tags; off lets a moving tag such as latest be pushed again)."
  default     = false
}

# ---------------------------------------------------------------------------------------------------
# API Gateway
# ---------------------------------------------------------------------------------------------------

variable "api_gateway_jwt_issuers" {
  type        = list(string)
  description = "Token issuers the API Gateway accepts (the iss claim), e.g. your identity domain's URL."
  default     = []
}

variable "api_gateway_jwt_audiences" {
  type        = list(string)
  description = "Token audiences the API Gateway accepts (the aud claim)."
  default     = []
}

variable "api_gateway_jwks_uri" {
  type        = string
  description = "Where the issuer publishes its signing keys (JWKS), over HTTPS."
  default     = null

  validation {
    condition     = var.api_gateway_jwks_uri == null || can(regex("^https://", coalesce(var.api_gateway_jwks_uri, "-")))
    error_message = "api_gateway_jwks_uri must be an https:// URL."
  }
}

variable "api_gateway_rate_limit" {
  type        = number
  description = "Requests per second the API Gateway lets through per client IP."
  default     = 50
}

# ---------------------------------------------------------------------------------------------------
# Optional OCI AI services
# ---------------------------------------------------------------------------------------------------

variable "allow_vision" {
  type        = bool
  description = "Let ingest-service label images with OCI AI Vision."
  default     = false
}

variable "allow_generative_ai" {
  type        = bool
  description = "Let embed-service and search-service use OCI Generative AI embedding models instead of the in-process model."
  default     = false
}

# ---------------------------------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------------------------------

variable "iam_propagation_seconds" {
  type        = number
  description = "How long to wait after policies change before relying on them (IAM is eventually consistent)."
  default     = 60

  validation {
    condition     = var.iam_propagation_seconds >= 0 && var.iam_propagation_seconds <= 600
    error_message = "iam_propagation_seconds must be from 0 to 600."
  }
}
