output "repository_ids" {
  description = "Repository OCIDs by service."
  value       = { for s, r in oci_artifacts_container_repository.this : s => r.id }
}

output "image_paths" {
  description = "Where each service's image is pushed: <region-key>.ocir.io/<namespace>/<prefix>/<service>."
  value       = { for s, r in oci_artifacts_container_repository.this : s => "${var.registry_host}/${var.namespace}/${r.display_name}" }
}

output "registry_host" {
  description = "The region's OCIR host, for docker login."
  value       = var.registry_host
}
