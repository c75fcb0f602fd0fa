output "bucket_name" {
  description = "The bucket's name."
  value       = oci_objectstorage_bucket.this.name
}

output "bucket_id" {
  description = "The bucket's OCID."
  value       = oci_objectstorage_bucket.this.bucket_id
}

output "namespace" {
  description = "The Object Storage namespace."
  value       = var.namespace
}

output "events_rule_id" {
  description = "The OCID of the rule that writes object events to object-events."
  value       = oci_events_rule.object_events.id
}

output "object_event_types" {
  description = "The event types the rule matches."
  value       = local.object_event_types
}

output "events_rule_condition" {
  description = "The rule's condition, as JSON."
  value       = oci_events_rule.object_events.condition
}

output "events_rule_stream_ids" {
  description = "The streams the rule's enabled actions write to."
  value       = [for a in oci_events_rule.object_events.actions[0].action : a.stream_id if a.action_type == "OSS" && a.is_enabled]
}

output "bucket_emits_object_events" {
  description = "Whether the bucket emits object events."
  value       = oci_objectstorage_bucket.this.object_events_enabled
}
