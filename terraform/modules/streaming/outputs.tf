output "stream_pool_id" {
  description = "The stream pool's OCID (the last part of the Kafka SASL user name)."
  value       = oci_streaming_stream_pool.this.id
}

output "endpoint_fqdn" {
  description = "The pool's endpoint host name: the private endpoint's FQDN, or the region's public streaming host."
  value       = oci_streaming_stream_pool.this.endpoint_fqdn
}

output "kafka_bootstrap_servers" {
  description = "host:9092 for Kafka clients. A private pool's FQDN resolves to its private IP inside the VCN; use it, not the IP, so TLS verifies."
  value       = "${oci_streaming_stream_pool.this.endpoint_fqdn}:9092"
}

output "is_private" {
  description = "Whether the pool has a private endpoint."
  value       = length(oci_streaming_stream_pool.this.private_endpoint_settings) > 0
}

output "private_endpoint_subnet_id" {
  description = "The subnet of the pool's private endpoint; null for a public pool."
  value       = try(oci_streaming_stream_pool.this.private_endpoint_settings[0].subnet_id, null)
}

output "stream_ids" {
  description = "Stream OCIDs by name (topics and dead-letter topics)."
  value       = { for name, s in oci_streaming_stream.this : name => s.id }
}

output "stream_partitions" {
  description = "Partitions by stream name."
  value       = local.streams
}

output "messages_endpoints" {
  description = "The Streaming REST API endpoint of each stream (PutMessages, GetMessages)."
  value       = { for name, s in oci_streaming_stream.this : name => s.messages_endpoint }
}
