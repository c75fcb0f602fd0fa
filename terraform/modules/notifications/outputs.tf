output "topic_id" {
  description = "The OCID of the topic anomaly-service publishes alerts to."
  value       = oci_ons_notification_topic.alerts.id
}

output "api_endpoint" {
  description = "The topic's Notifications API endpoint."
  value       = oci_ons_notification_topic.alerts.api_endpoint
}
