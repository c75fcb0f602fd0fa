resource "oci_artifacts_container_repository" "this" {
  for_each = toset(var.services)

  compartment_id = var.compartment_id
  display_name   = "${var.path_prefix}/${each.key}"
  is_public      = false
  is_immutable   = var.immutable_tags
  freeform_tags  = var.freeform_tags

  readme {
    format  = "TEXT_MARKDOWN"
    content = "The ${each.key} image of the event suite: a Quarkus fast-jar on a JRE, non-root, for a read-only root file system."
  }
}
