variable "compartment_id" {
  type        = string
  description = "The compartment of the repositories."
}

variable "path_prefix" {
  type        = string
  description = "The repositories' path prefix, e.g. event-suite gives event-suite/ingest-service."
}

variable "services" {
  type        = list(string)
  description = "One repository per image."
}

variable "registry_host" {
  type        = string
  description = "The region's OCIR host, <region-key>.ocir.io."
}

variable "namespace" {
  type        = string
  description = "The tenancy's Object Storage namespace, which is also its OCIR namespace."
}

variable "immutable_tags" {
  type        = bool
  description = "Whether a pushed tag can never be overwritten."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
