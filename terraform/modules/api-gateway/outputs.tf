output "gateway_id" {
  description = "The gateway's OCID."
  value       = oci_apigateway_gateway.this.id
}

output "hostname" {
  description = "The gateway's private host name."
  value       = oci_apigateway_gateway.this.hostname
}

output "endpoint" {
  description = "The search deployment's base URL (https://<gateway>/search)."
  value       = oci_apigateway_deployment.search.endpoint
}
