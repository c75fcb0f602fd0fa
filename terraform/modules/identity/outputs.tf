output "policies_ready" {
  description = "Known once the policies exist and had time to propagate; depend on it before relying on them."
  value       = terraform_data.propagation.id
}

output "policy_statements" {
  description = "Every policy statement by policy name, for review."
  value = merge(
    { (oci_identity_policy.events.name) = oci_identity_policy.events.statements },
    { for p in oci_identity_policy.workloads : p.name => p.statements },
    { for p in oci_identity_policy.instances : p.name => p.statements },
    { for p in oci_identity_policy.stream_clients : p.name => p.statements },
  )
}

output "stream_user_name" {
  description = "The IAM user the Kafka clients log in as; null when not created here."
  value       = try(oci_identity_user.stream_client[0].name, null)
}

output "stream_auth_token" {
  description = "The stream user's auth token, for the vault module only."
  value       = try(oci_identity_auth_token.stream_client[0].token, null)
  sensitive   = true
}

output "dynamic_group_id" {
  description = "The instance-principal dynamic group's OCID, when created."
  value       = try(oci_identity_dynamic_group.instances[0].id, null)
}
