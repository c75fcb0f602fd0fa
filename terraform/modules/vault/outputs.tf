output "vault_id" {
  description = "The vault's OCID."
  value       = oci_kms_vault.this.id
}

output "key_id" {
  description = "The master key's OCID, which encrypts the secrets."
  value       = oci_kms_key.this.id
}

output "secret_ids" {
  description = "Secret OCIDs by role: api-key, admin-key, database-admin-password, database-password and, when stored, stream-auth-token."
  value = merge(
    { for k, s in oci_vault_secret.generated : k => s.id },
    { for s in oci_vault_secret.stream_auth_token : "stream-auth-token" => s.id },
  )
}

output "secret_names" {
  description = "Secret names by role, as External Secrets refers to them."
  value = merge(
    { for k, s in oci_vault_secret.generated : k => s.secret_name },
    { for s in oci_vault_secret.stream_auth_token : "stream-auth-token" => s.secret_name },
  )
}

output "database_admin_password_secret_id" {
  description = "The secret Autonomous Database reads its ADMIN password from."
  value       = oci_vault_secret.generated["database-admin-password"].id
}
