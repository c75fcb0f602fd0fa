resource "oci_ons_notification_topic" "alerts" {
  compartment_id = var.compartment_id
  name           = "${var.name_prefix}-anomaly-alerts"
  description    = "Anomaly alerts published by anomaly-service"
  freeform_tags  = var.freeform_tags
}

# An email subscription stays PENDING until its recipient confirms it.
resource "oci_ons_subscription" "alerts" {
  count = var.subscription_protocol == null ? 0 : 1

  compartment_id = var.compartment_id
  topic_id       = oci_ons_notification_topic.alerts.id
  protocol       = var.subscription_protocol
  endpoint       = var.subscription_endpoint
  freeform_tags  = var.freeform_tags
}
