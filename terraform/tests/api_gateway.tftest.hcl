# search-service published twice: on a public load balancer (443 only) and through a private API
# Gateway that validates JWTs.

mock_provider "oci" {
  source = "./tests/mocks"
}

mock_provider "oci" {
  alias  = "home"
  source = "./tests/mocks"
}

variables {
  tenancy_ocid              = "ocid1.tenancy.oc1..acme"
  compartment_ocid          = "ocid1.compartment.oc1..suite"
  region                    = "eu-frankfurt-1"
  create_api_gateway        = true
  public_search             = true
  search_allowed_cidrs      = ["10.20.0.0/16", "192.168.10.0/24"]
  api_gateway_jwt_issuers   = ["https://idcs-0123.identity.oraclecloud.com"]
  api_gateway_jwt_audiences = ["event-suite"]
  api_gateway_jwks_uri      = "https://idcs-0123.identity.oraclecloud.com/admin/v1/SigningCert/jwk"
  search_lb_private_ip      = "10.20.2.50"
  allow_generative_ai       = true
  allow_vision              = true
  iam_propagation_seconds   = 0
}

run "api_gateway" {
  command = apply

  assert {
    condition     = output.api_gateway_endpoint != null
    error_message = "The API Gateway's search deployment is created."
  }

  assert {
    condition     = [for r in output.nsg_rules : "${r.role}:${r.ports.min}-${r.ports.max}" if r.direction == "INGRESS" && r.peer == "0.0.0.0/0"] == ["public_lb:443-443"]
    error_message = "The only ingress from the internet is the public load balancer's 443."
  }

  assert {
    condition     = toset([for r in output.nsg_rules : r.peer if r.role == "api_gateway" && r.direction == "INGRESS"]) == toset(["10.20.0.0/16", "192.168.10.0/24"])
    error_message = "The private gateway admits only search_allowed_cidrs."
  }

  assert {
    condition     = contains([for r in output.nsg_rules : "${r.peer}:${r.ports.min}" if r.role == "api_gateway" && r.direction == "EGRESS"], "internal_lb:8080")
    error_message = "The gateway reaches search-service's internal load balancer on 8080."
  }

  assert {
    condition = strcontains(output.oci_settings, join("\n", [
      "SUITE_AUTH_JWT_ISSUER=https://idcs-0123.identity.oraclecloud.com",
      "SUITE_AUTH_JWT_AUDIENCE=event-suite",
      "SUITE_AUTH_JWT_JWKS=https://idcs-0123.identity.oraclecloud.com/admin/v1/SigningCert/jwk",
    ]))
    error_message = "The services verify the gateway's tokens again: the same issuer, audience and keys."
  }

  assert {
    condition     = strcontains(output.oci_settings, "OCI_SEARCH_LB_PRIVATE_IP=10.20.2.50\n")
    error_message = "The overlays take the internal load balancer's address from the settings."
  }

  assert {
    condition = length([
      for s in output.policy_statements["event-suite-workloads"] : s
      if strcontains(s, "use generative-ai-family") || strcontains(s, "use ai-service-vision-family")
    ]) == 3
    error_message = "embed-service and search-service may use Generative AI, ingest-service Vision."
  }

  assert {
    condition = alltrue(flatten([
      for name, statements in output.policy_statements : [for s in statements : strcontains(s, " in compartment id ocid1.compartment.oc1..suite")]
    ]))
    error_message = "Every policy statement must be scoped to the suite's compartment."
  }
}
