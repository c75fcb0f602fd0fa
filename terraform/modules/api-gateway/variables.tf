variable "compartment_id" {
  type        = string
  description = "The compartment of the gateway."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the display names."
}

variable "subnet_id" {
  type        = string
  description = "The private subnet the gateway is placed in."
}

variable "nsg_ids" {
  type        = list(string)
  description = "The gateway's NSGs."
}

variable "backend_url" {
  type        = string
  description = "search-service's internal load balancer, e.g. http://10.20.2.10:8080."
}

variable "jwt_issuers" {
  type        = list(string)
  description = "Accepted token issuers (iss)."
}

variable "jwt_audiences" {
  type        = list(string)
  description = "Accepted token audiences (aud)."
}

variable "jwks_uri" {
  type        = string
  description = "Where the issuer publishes its signing keys (JWKS)."
}

variable "rate_limit_per_second" {
  type        = number
  description = "Requests per second allowed per client IP."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
