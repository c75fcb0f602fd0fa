output "cluster_id" {
  description = "The cluster's OCID (workload identity policies name it)."
  value       = oci_containerengine_cluster.this.id
}

output "node_pool_id" {
  description = "The node pool's OCID."
  value       = oci_containerengine_node_pool.this.id
}

output "private_endpoint" {
  description = "The Kubernetes API's private address."
  value       = try(oci_containerengine_cluster.this.endpoints[0].private_endpoint, null)
}
