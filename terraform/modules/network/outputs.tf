output "vcn_id" {
  description = "The VCN's OCID."
  value       = oci_core_vcn.this.id
}

output "vcn_cidr" {
  description = "The VCN's IPv4 range."
  value       = var.vcn_cidr
}

output "subnet_ids" {
  description = "Subnet OCIDs by role: lb (public), api (Kubernetes API), private (internal load balancer, API Gateway), data (stream pool, database), workers, pods."
  value       = { for k, s in oci_core_subnet.this : k => s.id }
}

output "subnet_cidrs" {
  description = "Subnet ranges by role."
  value       = { for k, s in local.subnets : k => s.cidr }
}

output "nsg_ids" {
  description = "NSG OCIDs by role: public_lb, internal_lb, api_gateway, kube_api, workers, pods, streaming, database."
  value       = { for k, n in oci_core_network_security_group.this : k => n.id }
}

output "nsg_rules" {
  description = "Every NSG rule as planned (role, direction, protocol, peer, peer_type, ports), for review and tests."
  value       = local.nsg_rules
}
