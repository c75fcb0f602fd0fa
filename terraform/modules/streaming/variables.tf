variable "compartment_id" {
  type        = string
  description = "The compartment of the stream pool and streams."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the stream pool's name."
}

variable "topics" {
  type        = map(number)
  description = "Partitions per topic. Every topic also gets a dead-letter stream <topic>-dlq."
}

variable "dlq_partitions" {
  type        = number
  description = "Partitions of each dead-letter stream."
}

variable "retention_hours" {
  type        = number
  description = "How long streams keep messages, 24 to 168 hours. Fixed when a stream is created."
}

variable "private_endpoint" {
  type        = bool
  description = "Whether the pool is reachable only through a private endpoint in the data subnet."
}

variable "subnet_id" {
  type        = string
  description = "The data subnet the private endpoint is placed in."
}

variable "nsg_ids" {
  type        = list(string)
  description = "NSGs of the private endpoint."
}


variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
