variable "compartment_id" {
  type        = string
  description = "The compartment the network is created in."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every display name."
}

variable "vcn_cidr" {
  type        = string
  description = "The VCN's IPv4 range, /16 to /20: subnets are carved from it."
}

variable "oracle_services_cidr" {
  type        = string
  description = "The CIDR label of all OCI services in the region's Oracle Services Network (oci_core_services)."
}

variable "oracle_services_id" {
  type        = string
  description = "The OCID of that service entry, for the service gateway."
}

variable "kube_api_allowed_cidrs" {
  type        = list(string)
  description = "Private ranges (a bastion, a VPN) allowed to reach the Kubernetes API endpoint on 6443."
}

variable "search_allowed_cidrs" {
  type        = list(string)
  description = "Private ranges allowed to call search-service's internal load balancer and the private API Gateway."
}

variable "database_allowed_cidrs" {
  type        = list(string)
  description = "Private ranges besides the suite's pods allowed to reach the database on 1522 (for example an operator's VPN)."
}

variable "public_search" {
  type        = bool
  description = "Whether a public load balancer may publish search-service on 443 to the internet."
}

variable "pod_internet_egress" {
  type        = bool
  description = "Whether pods may open HTTPS connections to the internet through the NAT gateway (webhook alerts, hosted embedding models)."
}

variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
