locals {
  # Every topic and its dead-letter topic become streams of the same name: the stream name is the
  # Kafka topic name inside the pool.
  streams = merge(
    var.topics,
    { for topic, _ in var.topics : "${topic}-dlq" => var.dlq_partitions },
  )
}

resource "oci_streaming_stream_pool" "this" {
  compartment_id = var.compartment_id
  name           = "${var.name_prefix}-streams"
  freeform_tags  = var.freeform_tags

  # OCI Streaming has no compacted topics, idempotent producers or transactions; the services rely on
  # none of them. Topics are created here, never by clients.
  kafka_settings {
    auto_create_topics_enable = false
    log_retention_hours       = var.retention_hours
    num_partitions            = 1
  }

  dynamic "private_endpoint_settings" {
    for_each = var.private_endpoint ? [1] : []
    content {
      subnet_id = var.subnet_id
      nsg_ids   = var.nsg_ids
    }
  }
}

resource "oci_streaming_stream" "this" {
  for_each = local.streams

  name               = each.key
  partitions         = each.value
  retention_in_hours = var.retention_hours
  stream_pool_id     = oci_streaming_stream_pool.this.id
  freeform_tags      = var.freeform_tags
}
