locals {
  # Subnets carved from the VCN range; newbits are relative to its prefix (/16 by default).
  subnets = {
    lb      = { cidr = cidrsubnet(var.vcn_cidr, 8, 0), public = true, dns = "lb" }
    api     = { cidr = cidrsubnet(var.vcn_cidr, 8, 1), public = false, dns = "api" }
    private = { cidr = cidrsubnet(var.vcn_cidr, 8, 2), public = false, dns = "private" }
    data    = { cidr = cidrsubnet(var.vcn_cidr, 8, 3), public = false, dns = "data" }
    workers = { cidr = cidrsubnet(var.vcn_cidr, 5, 1), public = false, dns = "workers" }
    pods    = { cidr = cidrsubnet(var.vcn_cidr, 3, 1), public = false, dns = "pods" }
  }

  # One NSG per role; the rules below open only the flows the suite uses.
  roles = ["public_lb", "internal_lb", "api_gateway", "kube_api", "workers", "pods", "streaming", "database"]

  node_ports = { min = 30000, max = 32767 }

  # Each rule: role, direction, protocol (6 TCP, 1 ICMP, all), peer (an NSG role, a CIDR or the services label),
  # peer_type and an optional TCP port range.
  nsg_rules = concat(
    var.public_search ? [
      { key = "public-lb-in-443", role = "public_lb", direction = "INGRESS", protocol = "6", peer = "0.0.0.0/0", peer_type = "CIDR_BLOCK", ports = { min = 443, max = 443 }, description = "HTTPS from the internet to search-service's public load balancer" },
      { key = "public-lb-out-nodeports", role = "public_lb", direction = "EGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = local.node_ports, description = "Load balancer to the workers' node ports" },
      { key = "public-lb-out-health", role = "public_lb", direction = "EGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = { min = 10256, max = 10256 }, description = "Load balancer health checks of kube-proxy" },
      { key = "workers-in-public-lb", role = "workers", direction = "INGRESS", protocol = "6", peer = "public_lb", peer_type = "NSG", ports = local.node_ports, description = "Node ports from the public load balancer" },
      { key = "workers-in-public-lb-health", role = "workers", direction = "INGRESS", protocol = "6", peer = "public_lb", peer_type = "NSG", ports = { min = 10256, max = 10256 }, description = "Health checks from the public load balancer" },
    ] : [],
    [for i, cidr in var.search_allowed_cidrs :
      { key = "internal-lb-in-${i}", role = "internal_lb", direction = "INGRESS", protocol = "6", peer = cidr, peer_type = "CIDR_BLOCK", ports = { min = 8080, max = 8080 }, description = "Callers of search-service on the private network" }
    ],
    [for i, cidr in var.search_allowed_cidrs :
      { key = "api-gateway-in-${i}", role = "api_gateway", direction = "INGRESS", protocol = "6", peer = cidr, peer_type = "CIDR_BLOCK", ports = { min = 443, max = 443 }, description = "Callers of the private API Gateway" }
    ],
    [
      { key = "internal-lb-in-gateway", role = "internal_lb", direction = "INGRESS", protocol = "6", peer = "api_gateway", peer_type = "NSG", ports = { min = 8080, max = 8080 }, description = "The API Gateway to search-service's load balancer" },
      { key = "internal-lb-out-nodeports", role = "internal_lb", direction = "EGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = local.node_ports, description = "Load balancer to the workers' node ports" },
      { key = "internal-lb-out-health", role = "internal_lb", direction = "EGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = { min = 10256, max = 10256 }, description = "Load balancer health checks of kube-proxy" },
      { key = "api-gateway-out-lb", role = "api_gateway", direction = "EGRESS", protocol = "6", peer = "internal_lb", peer_type = "NSG", ports = { min = 8080, max = 8080 }, description = "The API Gateway to search-service's load balancer" },
      { key = "workers-in-internal-lb", role = "workers", direction = "INGRESS", protocol = "6", peer = "internal_lb", peer_type = "NSG", ports = local.node_ports, description = "Node ports from the internal load balancer" },
      { key = "workers-in-internal-lb-health", role = "workers", direction = "INGRESS", protocol = "6", peer = "internal_lb", peer_type = "NSG", ports = { min = 10256, max = 10256 }, description = "Health checks from the internal load balancer" },

      # The Kubernetes API endpoint and the control plane's paths to nodes and pods (OKE's documented flows).
      { key = "kube-api-in-workers", role = "kube_api", direction = "INGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = { min = 6443, max = 6443 }, description = "Kubelets to the Kubernetes API" },
      { key = "kube-api-in-workers-12250", role = "kube_api", direction = "INGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = { min = 12250, max = 12250 }, description = "Kubelets to the control plane" },
      { key = "kube-api-in-pods", role = "kube_api", direction = "INGRESS", protocol = "6", peer = "pods", peer_type = "NSG", ports = { min = 6443, max = 6443 }, description = "Pods (controllers) to the Kubernetes API" },
      { key = "kube-api-in-pods-12250", role = "kube_api", direction = "INGRESS", protocol = "6", peer = "pods", peer_type = "NSG", ports = { min = 12250, max = 12250 }, description = "Pods to the control plane" },
      { key = "kube-api-in-workers-icmp", role = "kube_api", direction = "INGRESS", protocol = "1", peer = "workers", peer_type = "NSG", ports = null, description = "Path MTU discovery" },
      { key = "kube-api-out-workers", role = "kube_api", direction = "EGRESS", protocol = "6", peer = "workers", peer_type = "NSG", ports = null, description = "Control plane to kubelets" },
      { key = "kube-api-out-pods", role = "kube_api", direction = "EGRESS", protocol = "all", peer = "pods", peer_type = "NSG", ports = null, description = "Control plane to pods (webhooks)" },
      { key = "kube-api-out-services", role = "kube_api", direction = "EGRESS", protocol = "6", peer = var.oracle_services_cidr, peer_type = "SERVICE_CIDR_BLOCK", ports = { min = 443, max = 443 }, description = "Control plane to OCI services" },

      { key = "workers-in-kube-api", role = "workers", direction = "INGRESS", protocol = "6", peer = "kube_api", peer_type = "NSG", ports = null, description = "Control plane to kubelets" },
      { key = "workers-in-workers", role = "workers", direction = "INGRESS", protocol = "all", peer = "workers", peer_type = "NSG", ports = null, description = "Node to node" },
      { key = "workers-in-pods", role = "workers", direction = "INGRESS", protocol = "all", peer = "pods", peer_type = "NSG", ports = null, description = "Pods to their nodes" },
      { key = "workers-out-workers", role = "workers", direction = "EGRESS", protocol = "all", peer = "workers", peer_type = "NSG", ports = null, description = "Node to node" },
      { key = "workers-out-pods", role = "workers", direction = "EGRESS", protocol = "all", peer = "pods", peer_type = "NSG", ports = null, description = "Nodes to pods" },
      { key = "workers-out-kube-api", role = "workers", direction = "EGRESS", protocol = "6", peer = "kube_api", peer_type = "NSG", ports = { min = 6443, max = 6443 }, description = "Kubelets to the Kubernetes API" },
      { key = "workers-out-kube-api-12250", role = "workers", direction = "EGRESS", protocol = "6", peer = "kube_api", peer_type = "NSG", ports = { min = 12250, max = 12250 }, description = "Kubelets to the control plane" },
      { key = "workers-out-services", role = "workers", direction = "EGRESS", protocol = "6", peer = var.oracle_services_cidr, peer_type = "SERVICE_CIDR_BLOCK", ports = null, description = "Nodes to OCI services (OCIR images, logging, OKE)" },
      { key = "workers-out-icmp", role = "workers", direction = "EGRESS", protocol = "1", peer = "0.0.0.0/0", peer_type = "CIDR_BLOCK", ports = null, description = "Path MTU discovery" },

      { key = "pods-in-pods", role = "pods", direction = "INGRESS", protocol = "all", peer = "pods", peer_type = "NSG", ports = null, description = "Pod to pod (NetworkPolicies narrow this further)" },
      { key = "pods-in-workers", role = "pods", direction = "INGRESS", protocol = "all", peer = "workers", peer_type = "NSG", ports = null, description = "Nodes to pods (probes, node ports)" },
      { key = "pods-in-kube-api", role = "pods", direction = "INGRESS", protocol = "all", peer = "kube_api", peer_type = "NSG", ports = null, description = "Control plane to pods (webhooks)" },
      { key = "pods-out-pods", role = "pods", direction = "EGRESS", protocol = "all", peer = "pods", peer_type = "NSG", ports = null, description = "Pod to pod" },
      { key = "pods-out-workers", role = "pods", direction = "EGRESS", protocol = "all", peer = "workers", peer_type = "NSG", ports = null, description = "Pods to nodes (DNS, node-local agents)" },
      { key = "pods-out-kube-api", role = "pods", direction = "EGRESS", protocol = "6", peer = "kube_api", peer_type = "NSG", ports = { min = 6443, max = 6443 }, description = "Pods to the Kubernetes API" },
      { key = "pods-out-kube-api-12250", role = "pods", direction = "EGRESS", protocol = "6", peer = "kube_api", peer_type = "NSG", ports = { min = 12250, max = 12250 }, description = "Pods to the control plane" },
      { key = "pods-out-streaming", role = "pods", direction = "EGRESS", protocol = "6", peer = "streaming", peer_type = "NSG", ports = { min = 9092, max = 9092 }, description = "The services to the stream pool's Kafka endpoint" },
      { key = "pods-out-database", role = "pods", direction = "EGRESS", protocol = "6", peer = "database", peer_type = "NSG", ports = { min = 1522, max = 1522 }, description = "The services to Autonomous Database over TLS" },
      { key = "pods-out-services", role = "pods", direction = "EGRESS", protocol = "6", peer = var.oracle_services_cidr, peer_type = "SERVICE_CIDR_BLOCK", ports = { min = 443, max = 443 }, description = "The services to OCI APIs (Object Storage, Notifications, Vault, Generative AI)" },

      { key = "streaming-in-pods", role = "streaming", direction = "INGRESS", protocol = "6", peer = "pods", peer_type = "NSG", ports = { min = 9092, max = 9092 }, description = "Kafka clients in the suite's pods" },
      { key = "database-in-pods", role = "database", direction = "INGRESS", protocol = "6", peer = "pods", peer_type = "NSG", ports = { min = 1522, max = 1522 }, description = "The suite's pods over TLS" },
    ],
    [for i, cidr in var.kube_api_allowed_cidrs :
      { key = "kube-api-in-admin-${i}", role = "kube_api", direction = "INGRESS", protocol = "6", peer = cidr, peer_type = "CIDR_BLOCK", ports = { min = 6443, max = 6443 }, description = "Operators to the Kubernetes API" }
    ],
    [for i, cidr in var.database_allowed_cidrs :
      { key = "database-in-admin-${i}", role = "database", direction = "INGRESS", protocol = "6", peer = cidr, peer_type = "CIDR_BLOCK", ports = { min = 1522, max = 1522 }, description = "Operators to the database" }
    ],
    var.pod_internet_egress ? [
      { key = "pods-out-internet-https", role = "pods", direction = "EGRESS", protocol = "6", peer = "0.0.0.0/0", peer_type = "CIDR_BLOCK", ports = { min = 443, max = 443 }, description = "Webhook alerts and hosted models, through the NAT gateway" },
    ] : [],
  )

  peer_is_nsg = { for r in local.nsg_rules : r.key => r.peer_type == "NSG" }
}

resource "oci_core_vcn" "this" {
  compartment_id = var.compartment_id
  display_name   = "${var.name_prefix}-vcn"
  cidr_blocks    = [var.vcn_cidr]
  dns_label      = "suite"
  freeform_tags  = var.freeform_tags
}

resource "oci_core_internet_gateway" "this" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-igw"
  enabled        = true
  freeform_tags  = var.freeform_tags
}

resource "oci_core_nat_gateway" "this" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-nat"
  freeform_tags  = var.freeform_tags
}

resource "oci_core_service_gateway" "this" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-sgw"
  freeform_tags  = var.freeform_tags

  services {
    service_id = var.oracle_services_id
  }
}

resource "oci_core_route_table" "public" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-public"
  freeform_tags  = var.freeform_tags

  route_rules {
    description       = "Internet through the internet gateway"
    destination       = "0.0.0.0/0"
    destination_type  = "CIDR_BLOCK"
    network_entity_id = oci_core_internet_gateway.this.id
  }
}

resource "oci_core_route_table" "private" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-private"
  freeform_tags  = var.freeform_tags

  route_rules {
    description       = "OCI services through the service gateway"
    destination       = var.oracle_services_cidr
    destination_type  = "SERVICE_CIDR_BLOCK"
    network_entity_id = oci_core_service_gateway.this.id
  }

  route_rules {
    description       = "Internet through the NAT gateway"
    destination       = "0.0.0.0/0"
    destination_type  = "CIDR_BLOCK"
    network_entity_id = oci_core_nat_gateway.this.id
  }
}

# Subnets carry no security-list rules: every flow is an NSG rule, so this empty list replaces the
# VCN's default one (which opens SSH to the internet).
resource "oci_core_security_list" "none" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-nsg-only"
  freeform_tags  = var.freeform_tags
}

resource "oci_core_subnet" "this" {
  for_each = local.subnets

  compartment_id             = var.compartment_id
  vcn_id                     = oci_core_vcn.this.id
  display_name               = "${var.name_prefix}-${each.key}"
  cidr_block                 = each.value.cidr
  dns_label                  = each.value.dns
  prohibit_public_ip_on_vnic = !each.value.public
  prohibit_internet_ingress  = !each.value.public
  route_table_id             = each.value.public ? oci_core_route_table.public.id : oci_core_route_table.private.id
  security_list_ids          = [oci_core_security_list.none.id]
  freeform_tags              = var.freeform_tags
}

resource "oci_core_network_security_group" "this" {
  for_each = toset(local.roles)

  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-${replace(each.key, "_", "-")}"
  freeform_tags  = var.freeform_tags
}

resource "oci_core_network_security_group_security_rule" "this" {
  for_each = { for r in local.nsg_rules : r.key => r }

  network_security_group_id = oci_core_network_security_group.this[each.value.role].id
  description               = each.value.description
  direction                 = each.value.direction
  protocol                  = each.value.protocol
  stateless                 = false

  source      = each.value.direction == "INGRESS" ? (local.peer_is_nsg[each.key] ? oci_core_network_security_group.this[each.value.peer].id : each.value.peer) : null
  source_type = each.value.direction == "INGRESS" ? (local.peer_is_nsg[each.key] ? "NETWORK_SECURITY_GROUP" : each.value.peer_type) : null

  destination      = each.value.direction == "EGRESS" ? (local.peer_is_nsg[each.key] ? oci_core_network_security_group.this[each.value.peer].id : each.value.peer) : null
  destination_type = each.value.direction == "EGRESS" ? (local.peer_is_nsg[each.key] ? "NETWORK_SECURITY_GROUP" : each.value.peer_type) : null

  dynamic "tcp_options" {
    for_each = each.value.protocol == "6" && each.value.ports != null ? [each.value.ports] : []
    content {
      destination_port_range {
        min = tcp_options.value.min
        max = tcp_options.value.max
      }
    }
  }

  dynamic "icmp_options" {
    for_each = each.value.protocol == "1" ? [1] : []
    content {
      type = 3
      code = 4
    }
  }
}
