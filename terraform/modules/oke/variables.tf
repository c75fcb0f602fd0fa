variable "compartment_id" {
  type        = string
  description = "The compartment of the cluster and its nodes."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of the cluster's and node pool's names."
}

variable "kubernetes_version" {
  type        = string
  description = "The control plane's and nodes' Kubernetes version, e.g. v1.33.1."
}

variable "vcn_id" {
  type        = string
  description = "The VCN the cluster runs in."
}

variable "api_subnet_id" {
  type        = string
  description = "The private subnet of the Kubernetes API endpoint."
}

variable "api_nsg_id" {
  type        = string
  description = "The NSG of the Kubernetes API endpoint."
}

variable "lb_subnet_ids" {
  type        = list(string)
  description = "Subnets load balancers of type LoadBalancer are placed in by default."
}

variable "workers_subnet_id" {
  type        = string
  description = "The worker nodes' subnet."
}

variable "workers_nsg_id" {
  type        = string
  description = "The worker nodes' NSG."
}

variable "pods_subnet_id" {
  type        = string
  description = "The pods' subnet (VCN-native pod networking)."
}

variable "pods_nsg_id" {
  type        = string
  description = "The pods' NSG."
}

variable "availability_domains" {
  type        = list(string)
  description = "Availability domains the nodes are spread over."
}

variable "node_shape" {
  type        = string
  description = "The nodes' compute shape (a Flex shape)."
}

variable "node_ocpus" {
  type        = number
  description = "OCPUs per node."
}

variable "node_memory_gbs" {
  type        = number
  description = "Memory per node in GB."
}

variable "node_count" {
  type        = number
  description = "Nodes in the pool."
}

variable "node_image_id" {
  type        = string
  description = "The nodes' image."
}


variable "freeform_tags" {
  type        = map(string)
  description = "Tags put on every resource."
}
