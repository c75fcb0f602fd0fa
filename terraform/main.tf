locals {
  services = ["ingest-service", "enrich-service", "embed-service", "search-service", "anomaly-service"]

  tenancy_name = data.oci_identity_tenancy.this.name
  home_region = coalesce(
    var.home_region,
    one([for r in data.oci_identity_regions.all.regions : r.name if r.key == data.oci_identity_tenancy.this.home_region_key]),
  )
  region_key      = lower(one([for r in data.oci_identity_regions.all.regions : r.key if r.name == var.region]))
  oracle_services = one([for s in data.oci_core_services.all.services : s if length(regexall("All .* Services In Oracle Services Network", s.name)) > 0])

  search_allowed_cidrs = length(var.search_allowed_cidrs) > 0 ? var.search_allowed_cidrs : [var.vcn_cidr]
  search_lb_private_ip = coalesce(var.search_lb_private_ip, cidrhost(module.network.subnet_cidrs["private"], 10))

  stream_user_name = var.create_stream_user ? module.identity.stream_user_name : var.stream_user_name
  stream_username = join("/", compact([
    local.tenancy_name,
    var.identity_domain,
    local.stream_user_name,
    module.streaming.stream_pool_id,
  ]))

  availability_domains = [for ad in data.oci_identity_availability_domains.all.availability_domains : ad.name]
  node_image_id = var.node_image_id != null ? var.node_image_id : try(
    [for s in data.oci_containerengine_node_pool_option.workers[0].sources : s.image_id
      if s.source_type == "IMAGE" && length(regexall("^Oracle-Linux-[0-9.]+-20", s.source_name)) > 0
    && length(regexall("(aarch64|GPU)", s.source_name)) == 0 && length(regexall("OKE-${trimprefix(var.kubernetes_version, "v")}-", s.source_name)) > 0][0],
    null,
  )
}

data "oci_identity_tenancy" "this" {
  tenancy_id = var.tenancy_ocid
}

data "oci_identity_regions" "all" {}

data "oci_core_services" "all" {}

data "oci_identity_availability_domains" "all" {
  compartment_id = var.tenancy_ocid
}

data "oci_objectstorage_namespace" "this" {
  compartment_id = var.tenancy_ocid
}

data "oci_containerengine_node_pool_option" "workers" {
  count = var.create_oke && var.node_image_id == null ? 1 : 0

  node_pool_option_id   = "all"
  compartment_id        = var.compartment_ocid
  node_pool_k8s_version = var.kubernetes_version
  node_pool_os_type     = "OL"
  node_pool_os_arch     = "X86_64"
}

module "network" {
  source = "./modules/network"

  compartment_id         = var.compartment_ocid
  name_prefix            = var.name_prefix
  vcn_cidr               = var.vcn_cidr
  oracle_services_cidr   = local.oracle_services.cidr_block
  oracle_services_id     = local.oracle_services.id
  kube_api_allowed_cidrs = var.kube_api_allowed_cidrs
  search_allowed_cidrs   = local.search_allowed_cidrs
  database_allowed_cidrs = var.database_private_endpoint ? var.database_allowed_cidrs : []
  public_search          = var.public_search
  pod_internet_egress    = var.pod_internet_egress
  freeform_tags          = var.freeform_tags
}

module "streaming" {
  source = "./modules/streaming"

  compartment_id   = var.compartment_ocid
  name_prefix      = var.name_prefix
  topics           = var.stream_partitions
  dlq_partitions   = var.dlq_partitions
  retention_hours  = var.stream_retention_hours
  private_endpoint = var.streaming_private_endpoint
  subnet_id        = module.network.subnet_ids["data"]
  nsg_ids          = [module.network.nsg_ids["streaming"]]
  freeform_tags    = var.freeform_tags
}

module "vault" {
  source = "./modules/vault"

  compartment_id          = var.compartment_ocid
  name_prefix             = var.name_prefix
  key_protection_mode     = var.vault_key_protection_mode
  store_stream_auth_token = var.create_stream_user
  stream_auth_token       = module.identity.stream_auth_token
  freeform_tags           = var.freeform_tags
}

# IAM can only be written in the home region: the module's provider is the home region's.
module "identity" {
  source = "./modules/identity"
  providers = {
    oci = oci.home
  }

  tenancy_id                       = var.tenancy_ocid
  compartment_id                   = var.compartment_ocid
  name_prefix                      = var.name_prefix
  workload_identity                = var.create_oke
  cluster_id                       = var.create_oke ? module.oke[0].cluster_id : null
  suite_namespace                  = var.suite_namespace
  service_accounts                 = { for s in local.services : s => s }
  external_secrets_namespace       = var.external_secrets_namespace
  external_secrets_service_account = var.external_secrets_service_account
  bucket_name                      = var.bucket_name
  stream_pool_id                   = module.streaming.stream_pool_id
  vault_id                         = module.vault.vault_id
  allow_vision                     = var.allow_vision
  allow_generative_ai              = var.allow_generative_ai
  create_stream_user               = var.create_stream_user
  stream_user_email                = var.stream_user_email
  create_dynamic_group             = var.create_dynamic_group
  propagation_seconds              = var.iam_propagation_seconds
  freeform_tags                    = var.freeform_tags
}

# The Events rule needs the policy that lets OCI Events push to the stream.
module "storage" {
  source     = "./modules/storage"
  depends_on = [module.identity]

  compartment_id          = var.compartment_ocid
  name_prefix             = var.name_prefix
  namespace               = data.oci_objectstorage_namespace.this.namespace
  bucket_name             = var.bucket_name
  versioning              = var.bucket_versioning
  object_events_stream_id = module.streaming.stream_ids["object-events"]
  freeform_tags           = var.freeform_tags
}

module "database" {
  source = "./modules/database"
  count  = var.create_database ? 1 : 0

  compartment_id           = var.compartment_ocid
  name_prefix              = var.name_prefix
  db_name                  = var.database_name
  is_free_tier             = var.database_free_tier
  compute_count            = var.database_compute_count
  storage_size_in_tbs      = var.database_storage_tbs
  auto_scaling             = var.database_auto_scaling
  license_model            = var.database_license_model
  private_endpoint         = var.database_private_endpoint
  subnet_id                = module.network.subnet_ids["data"]
  nsg_ids                  = [module.network.nsg_ids["database"]]
  allowed_cidrs            = var.database_allowed_cidrs
  admin_password_secret_id = module.vault.database_admin_password_secret_id
  freeform_tags            = var.freeform_tags
}

module "notifications" {
  source = "./modules/notifications"

  compartment_id        = var.compartment_ocid
  name_prefix           = var.name_prefix
  subscription_protocol = var.alert_subscription_protocol
  subscription_endpoint = var.alert_subscription_endpoint
  freeform_tags         = var.freeform_tags
}

module "oke" {
  source = "./modules/oke"
  count  = var.create_oke ? 1 : 0

  compartment_id       = var.compartment_ocid
  name_prefix          = var.name_prefix
  kubernetes_version   = var.kubernetes_version
  vcn_id               = module.network.vcn_id
  api_subnet_id        = module.network.subnet_ids["api"]
  api_nsg_id           = module.network.nsg_ids["kube_api"]
  lb_subnet_ids        = [module.network.subnet_ids["lb"]]
  workers_subnet_id    = module.network.subnet_ids["workers"]
  workers_nsg_id       = module.network.nsg_ids["workers"]
  pods_subnet_id       = module.network.subnet_ids["pods"]
  pods_nsg_id          = module.network.nsg_ids["pods"]
  availability_domains = local.availability_domains
  node_shape           = var.node_shape
  node_ocpus           = var.node_ocpus
  node_memory_gbs      = var.node_memory_gbs
  node_count           = var.node_count
  node_image_id        = local.node_image_id
  freeform_tags        = var.freeform_tags
}

module "registry" {
  source = "./modules/registry"
  count  = var.create_registry ? 1 : 0

  compartment_id = var.compartment_ocid
  path_prefix    = var.name_prefix
  services       = local.services
  registry_host  = "${local.region_key}.ocir.io"
  namespace      = data.oci_objectstorage_namespace.this.namespace
  immutable_tags = var.registry_immutable_tags
  freeform_tags  = var.freeform_tags
}

module "api_gateway" {
  source = "./modules/api-gateway"
  count  = var.create_api_gateway ? 1 : 0

  compartment_id        = var.compartment_ocid
  name_prefix           = var.name_prefix
  subnet_id             = module.network.subnet_ids["private"]
  nsg_ids               = [module.network.nsg_ids["api_gateway"]]
  backend_url           = "http://${local.search_lb_private_ip}:8080"
  jwt_issuers           = var.api_gateway_jwt_issuers
  jwt_audiences         = var.api_gateway_jwt_audiences
  jwks_uri              = var.api_gateway_jwks_uri
  rate_limit_per_second = var.api_gateway_rate_limit
  freeform_tags         = var.freeform_tags
}
