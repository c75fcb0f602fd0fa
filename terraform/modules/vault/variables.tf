variable "compartment_id" {
  type        = string
  description = "The compartment of the vault, its key and secrets."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the vault's, the key's and every secret's name."
}

variable "key_protection_mode" {
  type        = string
  description = "SOFTWARE (free) or HSM for the master key."
}

variable "stream_auth_token" {
  type        = string
  description = "The auth token Kafka clients present as their SASL password; null when the token is kept elsewhere."
  sensitive   = true
  default     = null
}

variable "store_stream_auth_token" {
  type        = bool
  description = "Whether a stream auth token is stored (known at plan time, unlike the token itself)."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
