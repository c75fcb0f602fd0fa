locals {
  # Secrets OCI Vault generates itself: their values never pass through Terraform or its state.
  generated = {
    "api-key"                 = { template = "SECRETS_DEFAULT_PASSWORD", length = 32, description = "The key callers present to the suite's APIs (X-API-Key)" }
    "admin-key"               = { template = "SECRETS_DEFAULT_PASSWORD", length = 32, description = "The key of the suite's administrative endpoints" }
    "database-admin-password" = { template = "DBAAS_DEFAULT_PASSWORD", length = 24, description = "Autonomous Database's ADMIN password" }
    "database-password"       = { template = "DBAAS_DEFAULT_PASSWORD", length = 24, description = "The password of the database user the services connect as" }
  }
}

resource "oci_kms_vault" "this" {
  compartment_id = var.compartment_id
  display_name   = "${var.name_prefix}-vault"
  vault_type     = "DEFAULT"
  freeform_tags  = var.freeform_tags
}

resource "oci_kms_key" "this" {
  compartment_id      = var.compartment_id
  display_name        = "${var.name_prefix}-key"
  management_endpoint = oci_kms_vault.this.management_endpoint
  protection_mode     = var.key_protection_mode
  freeform_tags       = var.freeform_tags

  key_shape {
    algorithm = "AES"
    length    = 32
  }
}

resource "oci_vault_secret" "generated" {
  for_each = local.generated

  compartment_id         = var.compartment_id
  vault_id               = oci_kms_vault.this.id
  key_id                 = oci_kms_key.this.id
  secret_name            = "${var.name_prefix}-${each.key}"
  description            = each.value.description
  enable_auto_generation = true
  freeform_tags          = var.freeform_tags

  secret_generation_context {
    generation_type     = "PASSPHRASE"
    generation_template = each.value.template
    passphrase_length   = each.value.length
  }
}

resource "oci_vault_secret" "stream_auth_token" {
  count = var.store_stream_auth_token ? 1 : 0

  compartment_id = var.compartment_id
  vault_id       = oci_kms_vault.this.id
  key_id         = oci_kms_key.this.id
  secret_name    = "${var.name_prefix}-stream-auth-token"
  description    = "The auth token Kafka clients present as their SASL/PLAIN password to OCI Streaming"
  freeform_tags  = var.freeform_tags

  secret_content {
    content_type = "BASE64"
    content      = base64encode(var.stream_auth_token)
  }
}
