variable "compartment_id" {
  type        = string
  description = "The compartment of the database."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the display name."
}

variable "db_name" {
  type        = string
  description = "The database name: a letter, then up to 13 letters or digits."
}

variable "is_free_tier" {
  type        = bool
  description = "Always Free: fixed 1 OCPU and 20 GB, public endpoint only, at most two per tenancy."
}

variable "compute_count" {
  type        = number
  description = "ECPUs (ignored on the free tier)."
}

variable "storage_size_in_tbs" {
  type        = number
  description = "Storage in TB (ignored on the free tier)."
}

variable "auto_scaling" {
  type        = bool
  description = "Whether ECPUs scale up to three times compute_count under load."
}

variable "license_model" {
  type        = string
  description = "LICENSE_INCLUDED or BRING_YOUR_OWN_LICENSE."
}

variable "private_endpoint" {
  type        = bool
  description = "Whether the database is reachable only through a private endpoint in the data subnet."
}

variable "subnet_id" {
  type        = string
  description = "The data subnet of the private endpoint."
}

variable "nsg_ids" {
  type        = list(string)
  description = "NSGs of the private endpoint."
}

variable "allowed_cidrs" {
  type        = list(string)
  description = "With a public endpoint: the access control list (CIDRs, IPs or VCN OCIDs). Never empty then."
}

variable "admin_password_secret_id" {
  type        = string
  description = "The Vault secret holding the ADMIN password."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
