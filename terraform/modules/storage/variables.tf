variable "compartment_id" {
  type        = string
  description = "The compartment of the bucket and the Events rule."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the rule's display name."
}

variable "namespace" {
  type        = string
  description = "The tenancy's Object Storage namespace."
}

variable "bucket_name" {
  type        = string
  description = "The bucket uploads go to."
}

variable "versioning" {
  type        = bool
  description = "Whether the bucket keeps previous versions of objects."
}


variable "object_events_stream_id" {
  type        = string
  description = "The OCID of the object-events stream the rule writes to."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
