# An enhanced cluster: OKE workload identity (pods calling OCI APIs as themselves) needs one.
resource "oci_containerengine_cluster" "this" {
  compartment_id     = var.compartment_id
  name               = "${var.name_prefix}-oke"
  kubernetes_version = var.kubernetes_version
  vcn_id             = var.vcn_id
  type               = "ENHANCED_CLUSTER"
  freeform_tags      = var.freeform_tags

  cluster_pod_network_options {
    cni_type = "OCI_VCN_IP_NATIVE"
  }

  endpoint_config {
    subnet_id            = var.api_subnet_id
    nsg_ids              = [var.api_nsg_id]
    is_public_ip_enabled = false
  }

  options {
    service_lb_subnet_ids = var.lb_subnet_ids
  }
}

resource "oci_containerengine_node_pool" "this" {
  compartment_id     = var.compartment_id
  cluster_id         = oci_containerengine_cluster.this.id
  name               = "${var.name_prefix}-workers"
  kubernetes_version = var.kubernetes_version
  node_shape         = var.node_shape
  freeform_tags      = var.freeform_tags

  node_shape_config {
    ocpus         = var.node_ocpus
    memory_in_gbs = var.node_memory_gbs
  }

  node_source_details {
    source_type = "IMAGE"
    image_id    = var.node_image_id
  }

  node_config_details {
    size                                = var.node_count
    nsg_ids                             = [var.workers_nsg_id]
    is_pv_encryption_in_transit_enabled = true

    node_pool_pod_network_option_details {
      cni_type       = "OCI_VCN_IP_NATIVE"
      pod_subnet_ids = [var.pods_subnet_id]
      pod_nsg_ids    = [var.pods_nsg_id]
    }

    dynamic "placement_configs" {
      for_each = var.availability_domains
      content {
        availability_domain = placement_configs.value
        subnet_id           = var.workers_subnet_id
      }
    }
  }

  # Replacing nodes (a new image or version) drains them one at a time.
  node_pool_cycling_details {
    is_node_cycling_enabled = true
    maximum_surge           = "1"
    maximum_unavailable     = "0"
  }
}
