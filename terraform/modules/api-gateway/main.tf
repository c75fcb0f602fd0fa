resource "oci_apigateway_gateway" "this" {
  compartment_id             = var.compartment_id
  display_name               = "${var.name_prefix}-gateway"
  endpoint_type              = "PRIVATE"
  subnet_id                  = var.subnet_id
  network_security_group_ids = var.nsg_ids
  freeform_tags              = var.freeform_tags
}

# Everything under /search is passed to search-service once the caller's JWT is valid, with the
# token: the service verifies it again (SUITE_AUTH_JWT_*, from the same variables) and reads the
# collections it may read or write from its scope.
resource "oci_apigateway_deployment" "search" {
  compartment_id = var.compartment_id
  gateway_id     = oci_apigateway_gateway.this.id
  display_name   = "${var.name_prefix}-search"
  path_prefix    = "/search"
  freeform_tags  = var.freeform_tags

  specification {
    request_policies {
      authentication {
        type                        = "JWT_AUTHENTICATION"
        token_header                = "Authorization"
        token_auth_scheme           = "Bearer"
        issuers                     = var.jwt_issuers
        audiences                   = var.jwt_audiences
        max_clock_skew_in_seconds   = 60
        is_anonymous_access_allowed = false

        public_keys {
          type                        = "REMOTE_JWKS"
          uri                         = var.jwks_uri
          max_cache_duration_in_hours = 1
        }
      }

      rate_limiting {
        rate_in_requests_per_second = var.rate_limit_per_second
        rate_key                    = "CLIENT_IP"
      }
    }

    logging_policies {
      access_log {
        is_enabled = true
      }
      execution_log {
        is_enabled = true
        log_level  = "WARN"
      }
    }

    routes {
      path    = "/{path*}"
      methods = ["GET", "POST", "DELETE"]

      backend {
        type                       = "HTTP_BACKEND"
        url                        = "${var.backend_url}/$${request.path[path]}"
        connect_timeout_in_seconds = 5
        read_timeout_in_seconds    = 30
        send_timeout_in_seconds    = 30
      }

      request_policies {
        authorization {
          type = "AUTHENTICATION_ONLY"
        }
      }
    }
  }

  lifecycle {
    precondition {
      condition     = length(var.jwt_issuers) > 0 && length(var.jwt_audiences) > 0 && var.jwks_uri != null
      error_message = "The API Gateway validates JWTs: set api_gateway_jwt_issuers, api_gateway_jwt_audiences and api_gateway_jwks_uri."
    }
  }
}
