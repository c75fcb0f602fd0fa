locals {
  # The three object events ingest-service acts on; create and update fetch the object, delete removes
  # what came from it.
  object_event_types = [
    "com.oraclecloud.objectstorage.createobject",
    "com.oraclecloud.objectstorage.updateobject",
    "com.oraclecloud.objectstorage.deleteobject",
  ]
}

resource "oci_objectstorage_bucket" "this" {
  compartment_id        = var.compartment_id
  namespace             = var.namespace
  name                  = var.bucket_name
  access_type           = "NoPublicAccess"
  object_events_enabled = true
  versioning            = var.versioning ? "Enabled" : "Disabled"
  freeform_tags         = var.freeform_tags
}

resource "oci_events_rule" "object_events" {
  compartment_id = var.compartment_id
  display_name   = "${var.name_prefix}-object-events"
  description    = "Object changes in ${var.bucket_name} to the object-events stream"
  is_enabled     = true
  freeform_tags  = var.freeform_tags

  condition = jsonencode({
    eventType = local.object_event_types
    data = {
      additionalDetails = {
        bucketName = [oci_objectstorage_bucket.this.name]
      }
    }
  })

  actions {
    action {
      action_type = "OSS"
      is_enabled  = true
      description = "Deliver to object-events"
      stream_id   = var.object_events_stream_id
    }
  }
}
