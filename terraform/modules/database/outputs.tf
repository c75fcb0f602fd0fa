output "id" {
  description = "The database's OCID."
  value       = oci_database_autonomous_database.this.id
}

locals {
  # The TP service over one-way TLS in the long descriptor form, which JDBC thin takes after "jdbc:oracle:thin:@".
  tls_profiles = [
    for p in try(oci_database_autonomous_database.this.connection_strings[0].profiles, []) : p.value
    if p.consumer_group == "TP" && p.tls_authentication == "SERVER" && p.syntax_format == "LONG" && p.protocol == "TCPS"
  ]
}

output "tls_connect_string" {
  description = "The TP service's connect descriptor for TLS without a wallet (known after apply)."
  value       = try(local.tls_profiles[0], null)
}

output "jdbc_url" {
  description = "The JDBC URL the services use (known after apply)."
  value       = try("jdbc:oracle:thin:@${local.tls_profiles[0]}", null)
}

output "private_endpoint" {
  description = "The private endpoint's host name, when there is one."
  value       = oci_database_autonomous_database.this.private_endpoint
}
