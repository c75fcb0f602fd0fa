variable "compartment_id" {
  type        = string
  description = "The compartment of the topic."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the topic's name."
}

variable "subscription_protocol" {
  type        = string
  description = "EMAIL, CUSTOM_HTTPS, SLACK or PAGERDUTY for a subscription to the alerts; null for none."
  default     = null
}

variable "subscription_endpoint" {
  type        = string
  description = "The address the subscription delivers to (an email address or an HTTPS URL)."
  default     = null
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
